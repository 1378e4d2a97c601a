//! The inbox's shapes in the API.

use serde::{Deserialize, Serialize};
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::notification::Notification;
use utoipa::ToSchema;

/// A message in an organisation's inbox.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct NotificationView {
    /// `{recipient}~{cause}`.
    pub id: String,
    /// `expired`, `fell_in_cascade`, `renewal_due`, `report_due`, `measure`, `change_acknowledged`,
    /// `incident_reported`, `criteria_gaps`, `service_in_use`,
    /// `service_watched`.
    pub kind: &'static str,
    pub entry: Option<String>,
    pub service: Option<String>,
    #[schema(value_type = Object)]
    pub title: Bilingual,
    #[schema(value_type = Object)]
    pub body: Bilingual,
    /// A path on this site to read more.
    pub link: String,
    pub sent_at_ms: i64,
    pub read: bool,
    /// When and by whom it was marked read.
    pub read_at_ms: Option<i64>,
    pub read_by: Option<String>,
    /// `off` (no SMTP), `pending`, `sent`, `no_address`, `failed`, `read_first` (read in the
    /// inbox before it went).
    pub mail: &'static str,
}

impl From<Notification> for NotificationView {
    fn from(n: Notification) -> Self {
        NotificationView {
            kind: n.kind.code(),
            mail: n.mail.code(),
            read: n.read.is_some(),
            read_at_ms: n.read.as_ref().map(|mark| mark.at_ms),
            read_by: n.read.map(|mark| mark.by),
            id: n.id,
            entry: n.entry,
            service: n.service,
            title: n.title,
            body: n.body,
            link: n.link,
            sent_at_ms: n.sent_at_ms,
        }
    }
}

/// The inbox: the newest first, with how many are unread.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct InboxView {
    pub unread: usize,
    pub items: Vec<NotificationView>,
}

/// Marks a message read (`true`) or unread (`false`).
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MarkRequest {
    pub read: bool,
}

/// The addresses an organisation's notifications go to by e-mail (at most 10).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MailAddressesView {
    pub addresses: Vec<String>,
}
