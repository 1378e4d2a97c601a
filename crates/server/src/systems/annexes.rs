//! The statement annexes a provider shares with the procurer reading a coverage: the statement
//! behind the registry entry (through the application that registered it and its audit), given
//! only when the entry's service shares its annexes with the reader's organisation; each time
//! they are given, the read is an event.

use serde_json::json;
use shinrai_domain::log_chain::Visibility;
use shinrai_domain::registry::RegistryEntry;
use shinrai_domain::workflow::annex_sharing::ANNEXES_READ;
use shinrai_domain::workflow::statement::Statement;
use shinrai_store::model::ChangeBy;

use crate::error::ApiError;
use crate::state::AppState;
use crate::workflow::Acting;

/// The statement behind `entry` if its provider shares the annexes with the organisation of
/// the one acting; the read recorded as an event about the statement.
pub async fn shared_annexes(
    state: &AppState,
    by: &Acting,
    entry: &RegistryEntry,
    system: &str,
) -> Result<Option<Statement>, ApiError> {
    let (Some(service), Some(application)) = (&entry.service, &entry.application) else {
        return Ok(None);
    };
    let shares = state
        .store
        .service(service)
        .await?
        .is_some_and(|stored| stored.value.shares_annexes_with(&by.member.org_id));
    if !shares {
        return Ok(None);
    }
    let Some(application) = state.store.application(application).await? else {
        return Ok(None);
    };
    let Some(audit) = state.store.audit(&application.value.audit).await? else {
        return Ok(None);
    };
    let Some(statement) = state.store.statement(&audit.value.statement).await? else {
        return Ok(None);
    };
    state
        .store
        .record(
            &ChangeBy {
                actor: by.member.user_id.clone(),
                org: by.member.org_id.clone(),
                at_ms: by.at.at_ms,
            },
            ANNEXES_READ,
            &statement.value.id,
            Visibility::Internal,
            json!({
                "statement": statement.value.id,
                "service": service,
                "entry": entry.id,
                "org": by.member.org_id,
                "system": system,
            }),
        )
        .await?;
    Ok(Some(statement.value))
}
