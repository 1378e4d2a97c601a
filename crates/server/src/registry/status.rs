//! What the operator does to an entry after registration: change its status (suspend,
//! reinstate, deregister, record its expiry), publish a notice, rewrite its remarks. Each loads
//! the entry as stored, lets the domain decide, and writes the entry with its event.

use shinrai_domain::registry::{NoticeKind, RegistryEntry};
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::Change;
use shinrai_domain::workflow::registry_status::{self, NoticeText, StatusDecision, StatusMove};
use shinrai_store::documents::Batch;

use crate::state::AppState;
use crate::workflow::{Acting, Failure, Outcome};

/// What registry entries are called in messages.
const ENTRY: (&str, &str) = ("登録簿の項目", "registry entry");

/// Changes where the entry `id` stands.
pub async fn change_status(
    state: &AppState,
    by: &Acting,
    id: &str,
    change: StatusMove,
    decision: StatusDecision,
) -> Outcome<RegistryEntry> {
    let entry = stored_entry(state, id).await?;
    let change = registry_status::change_status(&entry, change, decision, &by.member, by.at)?;
    write(state, change).await
}

/// Publishes a notice about the entry `id`.
pub async fn publish_notice(
    state: &AppState,
    by: &Acting,
    id: &str,
    kind: NoticeKind,
    notice: NoticeText,
) -> Outcome<RegistryEntry> {
    let entry = stored_entry(state, id).await?;
    let change = registry_status::publish_notice(&entry, kind, notice, &by.member, by.at)?;
    write(state, change).await
}

/// Rewrites the remarks of the entry `id`.
pub async fn set_remarks(
    state: &AppState,
    by: &Acting,
    id: &str,
    remarks: Bilingual,
) -> Outcome<RegistryEntry> {
    let entry = stored_entry(state, id).await?;
    let change = registry_status::set_remarks(&entry, remarks, &by.member, by.at)?;
    write(state, change).await
}

/// The entry as stored now, not as the registry held in memory last read it.
async fn stored_entry(state: &AppState, id: &str) -> Outcome<RegistryEntry> {
    state
        .store
        .registry_entries()
        .await?
        .into_iter()
        .find(|entry| entry.id == id)
        .ok_or_else(|| Failure::not_found(ENTRY, id))
}

async fn write(state: &AppState, change: Change<RegistryEntry>) -> Outcome<RegistryEntry> {
    state
        .store
        .commit(Batch::new().registry(&change, false)?)
        .await?;
    Ok(change.state)
}
