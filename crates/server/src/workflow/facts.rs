//! Stored facts that several actions read: criteria versions and the registry, through the
//! caches the rest of the service keeps, the statement a registration rests on, and the names of
//! the things actions look for.

use std::sync::Arc;

use shinrai_domain::criteria::Status;
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::Refusal;

use shinrai_domain::registry::RegistryEntry;
use shinrai_domain::workflow::statement::Statement;
use shinrai_store::Store;
use shinrai_store::error::StoreResult;

use super::{Failure, Outcome};
use crate::criteria::Loaded;
use crate::registry::LoadedRegistry;
use crate::state::AppState;

/// What a thing is called in messages, in Japanese and English.
pub type Thing = (&'static str, &'static str);

pub const SERVICE: Thing = ("サービス", "service");
pub const STATEMENT: Thing = ("言明書", "statement");
pub const AUDIT: Thing = ("監査", "audit");
pub const APPLICATION: Thing = ("登録申請", "application");
pub const AUDIT_BODY: Thing = ("監査機関", "audit body");
pub const USER: Thing = ("利用者", "user");
pub const CRITERIA: Thing = ("管理基準", "criteria version");
pub const SELECTION: Thing = ("監査機関の選定記録", "selection record of audit body");
pub const AUDITOR: Thing = ("監査人の記録", "auditor profile of");
pub const SELECTION_APPLICATION: Thing = ("選定申請", "selection application");
pub const QUALITY_REVIEW: Thing = ("品質レビュー", "quality review");

/// A thing that a stored record names but the store does not hold: the records disagree, which
/// the caller cannot mend by asking again differently.
pub fn missing(kind: Thing, id: &str) -> Failure {
    let (ja, en) = kind;
    Failure::Incomplete(Bilingual::new(
        format!("{ja} {id} が保存されていません"),
        format!("the {en} {id} is not in the store"),
    ))
}

/// The published criteria version a body names at `field`. Drafts are not offered: a statement
/// is written against what the public can read, and nobody learns of drafts by trying names.
pub async fn published_criteria(
    state: &AppState,
    version: &str,
    field: &str,
) -> Outcome<Arc<Loaded>> {
    match state.criteria.get(&state.store, version).await? {
        Some(loaded) if loaded.version.status == Status::Published => Ok(loaded),
        _ => Err(Failure::Refused(Refusal::invalid(
            field,
            "unknown_criteria_version",
            Bilingual::new(
                format!("{field}: 公開された管理基準 {version} はありません"),
                format!("{field}: there is no published criteria version {version}"),
            ),
        ))),
    }
}

/// The criteria version a stored statement or audit was written against; it is published, so
/// it never goes away.
pub async fn criteria_of(state: &AppState, version: &str) -> Outcome<Arc<Loaded>> {
    state
        .criteria
        .get(&state.store, version)
        .await?
        .ok_or_else(|| missing(CRITERIA, version))
}

/// The registry as it stands.
pub async fn registry(state: &AppState) -> Outcome<Arc<LoadedRegistry>> {
    Ok(state.registry.get(&state.store).await?)
}

/// The statement `entry`'s registration rests on: through the application that wrote the entry
/// and its audit; `None` for an entry loaded from a file, or when a link is missing.
pub async fn registered_statement(
    store: &Store,
    entry: &RegistryEntry,
) -> StoreResult<Option<Statement>> {
    let Some(application) = entry.application.as_deref() else {
        return Ok(None);
    };
    let Some(application) = store.application(application).await? else {
        return Ok(None);
    };
    let Some(audit) = store.audit(&application.value.audit).await? else {
        return Ok(None);
    };
    Ok(store
        .statement(&audit.value.statement)
        .await?
        .map(|stored| stored.value))
}
