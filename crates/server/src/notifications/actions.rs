//! What members do with their organisation's inbox: read it, mark a message read or unread,
//! keep the addresses its messages go to by e-mail.

use shinrai_domain::workflow::notification::{self, MailAddresses, Notification};
use shinrai_store::documents::{Batch, Stored};

use crate::state::AppState;
use crate::workflow::{Acting, Failure, Outcome};

/// What notifications are called in messages.
pub const NOTIFICATION: (&str, &str) = ("通知", "notification");

/// The messages of the member's organisation, the newest first.
pub async fn inbox(state: &AppState, by: &Acting) -> Outcome<Vec<Notification>> {
    Ok(state
        .store
        .inbox(&by.member.org_id)
        .await?
        .into_iter()
        .map(|stored| stored.value)
        .collect())
}

/// One message of the member's organisation; another's is not found, as if it did not exist.
pub async fn visible(state: &AppState, by: &Acting, id: &str) -> Outcome<Stored<Notification>> {
    state
        .store
        .notification(id)
        .await?
        .filter(|stored| stored.value.to == by.member.org_id)
        .ok_or_else(|| Failure::not_found(NOTIFICATION, id))
}

/// Marks the message `id` read or unread.
pub async fn mark(state: &AppState, by: &Acting, id: &str, read: bool) -> Outcome<Notification> {
    let stored = visible(state, by, id).await?;
    if stored.value.is_read() == read {
        return Ok(stored.value);
    }
    let change = notification::mark(&stored.value, read, &by.member, by.at)?;
    state
        .store
        .commit(Batch::new().update(&change, stored.revision)?)
        .await?;
    Ok(change.state)
}

/// The addresses the member's organisation keeps (none when never set).
pub async fn addresses(state: &AppState, by: &Acting) -> Outcome<Vec<String>> {
    Ok(state
        .store
        .mail_addresses(&by.member.org_id)
        .await?
        .map(|stored| stored.value.addresses)
        .unwrap_or_default())
}

/// Replaces the addresses of the member's organisation.
pub async fn set_addresses(
    state: &AppState,
    by: &Acting,
    addresses: Vec<String>,
) -> Outcome<MailAddresses> {
    let change = notification::set_addresses(addresses, &by.member, by.at)?;
    let batch = match state.store.mail_addresses(&by.member.org_id).await? {
        Some(stored) => Batch::new().update(&change, stored.revision)?,
        None => Batch::new().create(&change)?,
    };
    state.store.commit(batch).await?;
    // Messages that found no address before still have none: only new ones use these.
    Ok(change.state)
}
