//! Sending notifications: the drafts a job or an action produces become messages written in the
//! same batch as what caused them, each once (a draft whose message exists is skipped, so a job
//! that runs again sends nothing twice), and the mailer is woken once they are committed.

use std::sync::Arc;

use shinrai_domain::workflow::Moment;
use shinrai_domain::workflow::notification::{self, Draft, Notification};
use shinrai_store::Store;
use shinrai_store::documents::Batch;
use shinrai_store::error::StoreResult;
use tokio::sync::Notify;

use super::mailer::Mailer;

/// What the service needs to send notifications: whether they go by e-mail, and the signal that
/// wakes the mailer when new ones are committed.
#[derive(Debug, Default)]
pub struct Outbox {
    pub mailer: Option<Mailer>,
    pub wake: Notify,
}

impl Outbox {
    pub fn new(mailer: Option<Mailer>) -> Arc<Outbox> {
        Arc::new(Outbox {
            mailer,
            wake: Notify::new(),
        })
    }

    /// Whether new messages wait to go by e-mail.
    pub fn mails(&self) -> bool {
        self.mailer.is_some()
    }

    /// Tells the mailer that committed messages may be waiting.
    pub fn committed(&self) {
        if self.mails() {
            self.wake.notify_one();
        }
    }
}

/// Adds to `batch` a message for each draft not sent before (nor twice in `drafts`); answers
/// the batch and the messages added.
pub async fn add_new(
    store: &Store,
    mut batch: Batch,
    drafts: Vec<Draft>,
    mail: bool,
    at: Moment,
) -> StoreResult<(Batch, Vec<Notification>)> {
    let ids: Vec<String> = drafts.iter().map(Draft::id).collect();
    // Sent before, or earlier in these drafts: one query for them all, a run may send thousands.
    let mut taken = store.documents_present::<Notification>(&ids).await?;
    let mut added: Vec<Notification> = Vec::new();
    for (draft, id) in drafts.into_iter().zip(ids) {
        if !taken.insert(id) {
            continue;
        }
        let change = notification::send(draft, mail, at);
        batch = batch.create(&change)?;
        added.push(change.state);
    }
    Ok((batch, added))
}
