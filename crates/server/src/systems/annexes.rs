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
use crate::workflow::facts::registered_statement;

/// The statement behind `entry` if its provider shares the annexes with the organisation of
/// the one acting; the read recorded as an event about the statement.
pub async fn shared_annexes(
    state: &AppState,
    by: &Acting,
    entry: &RegistryEntry,
    system: &str,
) -> Result<Option<Statement>, ApiError> {
    let Some(service) = &entry.service else {
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
    let Some(statement) = registered_statement(&state.store, entry).await? else {
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
            &statement.id,
            Visibility::Internal,
            json!({
                "statement": statement.id,
                "service": service,
                "entry": entry.id,
                "org": by.member.org_id,
                "system": system,
            }),
        )
        .await?;
    Ok(Some(statement))
}
