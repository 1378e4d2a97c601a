//! What the store keeps of notifications: each organisation's inbox, its unread count, the
//! messages still waiting to go by e-mail, and the addresses they go to.

use shinrai_domain::workflow::notification::{MailAddresses, Notification};

use crate::Store;
use crate::documents::{Document, Filter, Keys, Stored};
use crate::error::{Noun, StoreResult};

impl Document for Notification {
    const TABLE: &'static crate::binding::BoundTable = &crate::binding::NOTIFICATIONS;
    const WHAT: Noun = Noun::new("通知", "notification");

    fn id(&self) -> &str {
        &self.id
    }

    fn keys(&self) -> Keys<'_> {
        // The recipient goes in the column lists filter organisations by.
        Keys {
            service: self.service.as_deref(),
            provider: Some(&self.to),
            audit_body: None,
            status: self.status_code(),
            audit: None,
        }
    }
}

impl Document for MailAddresses {
    const TABLE: &'static crate::binding::BoundTable = &crate::binding::MAIL_ADDRESSES;
    const WHAT: Noun = Noun::new("通知先のメールアドレス", "notification addresses");

    fn id(&self) -> &str {
        &self.org
    }

    fn keys(&self) -> Keys<'_> {
        Keys {
            service: None,
            provider: Some(&self.org),
            audit_body: None,
            status: "kept",
            audit: None,
        }
    }
}

/// Filters an organisation's inbox, all of it or only one state.
fn inbox_filter(org: &str, status: Option<&str>) -> Filter {
    Filter {
        provider: Some(org.to_owned()),
        status: status.map(str::to_owned),
        ..Filter::default()
    }
}

impl Store {
    pub async fn notification(&self, id: &str) -> StoreResult<Option<Stored<Notification>>> {
        self.document(id).await
    }

    /// An organisation's messages, the newest first.
    pub async fn inbox(&self, org: &str) -> StoreResult<Vec<Stored<Notification>>> {
        let mut messages: Vec<Stored<Notification>> =
            self.documents(&inbox_filter(org, None)).await?;
        messages.sort_by(|a, b| {
            (b.value.sent_at_ms, &b.value.id).cmp(&(a.value.sent_at_ms, &a.value.id))
        });
        Ok(messages)
    }

    /// How many of an organisation's messages are unread.
    pub async fn unread_count(&self, org: &str) -> StoreResult<u64> {
        self.documents_counted::<Notification>(&inbox_filter(org, Some("unread")))
            .await
    }

    /// The messages still waiting to go by e-mail, oldest first. Only unread ones can be: a
    /// message read in the inbox before it went no longer waits (`read_first`).
    pub async fn mail_waiting(&self) -> StoreResult<Vec<Stored<Notification>>> {
        let unread = Filter::status("unread");
        let mut waiting: Vec<Stored<Notification>> = self
            .documents(&unread)
            .await?
            .into_iter()
            .filter(|stored: &Stored<Notification>| stored.value.mail.is_pending())
            .collect();
        waiting.sort_by_key(|stored| stored.value.sent_at_ms);
        Ok(waiting)
    }

    /// The addresses an organisation keeps for its notifications, if it set any.
    pub async fn mail_addresses(&self, org: &str) -> StoreResult<Option<Stored<MailAddresses>>> {
        self.document(org).await
    }
}
