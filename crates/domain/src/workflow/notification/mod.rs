//! Notifications (通知): the messages the scheme sends an organisation about what happened to
//! the registrations it provides or uses — a fall in cascade, an expiry, a reminder that a
//! renewal or a report falls due. Each lands in the organisation's inbox, where its members mark
//! it read or unread, and goes by e-mail to the addresses the organisation keeps when the
//! service has SMTP configured. Every step is a restricted event of the log, readable by the
//! recipient and the operator's staff only.
//!
//! A notification's id names its recipient and its cause, so that a job that runs again finds
//! the message it already sent instead of sending it twice.

mod addresses;
mod mail;
pub mod messages;
#[cfg(test)]
mod tests;
pub mod user_messages;

pub use addresses::{MAX_ADDRESSES, MailAddresses, is_plausible_address, set_addresses};
pub use mail::{MAX_MAIL_ATTEMPTS, MailOutcome, MailState, record_mail};

use serde::{Deserialize, Serialize};
use serde_json::json;

use super::{Change, Moment, NotAllowed, Refusal, WorkflowEvent};
use crate::policy::Member;
use crate::text::Bilingual;

/// The log's names of a notification's steps.
pub const SENT: &str = "notification.send";
pub const READ: &str = "notification.read";
pub const UNREAD: &str = "notification.unread";

/// What a notification is about; its code is stable for the API and the mail's headers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NotificationKind {
    /// A registration the recipient provides expired.
    Expired,
    /// A registration fell because a service it is built on left the registry.
    FellInCascade,
    /// The validity of a registration ends in a few months: time to renew.
    RenewalDue,
    /// The report of an audit period falls due.
    ReportDue,
    /// The operator suspended, reinstated or deregistered a registration the recipient provides.
    Measure,
    /// The operator acknowledged a change notice the recipient filed.
    ChangeAcknowledged,
    /// A provider reported an incident (to the operator).
    IncidentReported,
    /// A criteria version was published that requires controls a registered service's
    /// statement does not cover.
    CriteriaGaps,
    /// Something happened to a registered service the recipient's systems use.
    ServiceInUse,
    /// Something happened to a registered service the recipient's systems watch as a candidate.
    ServiceWatched,
}

impl NotificationKind {
    pub fn code(self) -> &'static str {
        match self {
            NotificationKind::Expired => "expired",
            NotificationKind::FellInCascade => "fell_in_cascade",
            NotificationKind::RenewalDue => "renewal_due",
            NotificationKind::ReportDue => "report_due",
            NotificationKind::Measure => "measure",
            NotificationKind::ChangeAcknowledged => "change_acknowledged",
            NotificationKind::IncidentReported => "incident_reported",
            NotificationKind::CriteriaGaps => "criteria_gaps",
            NotificationKind::ServiceInUse => "service_in_use",
            NotificationKind::ServiceWatched => "service_watched",
        }
    }

    pub fn label(self) -> Bilingual {
        match self {
            NotificationKind::Expired => Bilingual::new("有効期限の満了", "Expiry"),
            NotificationKind::FellInCascade => {
                Bilingual::new("連鎖による登録の終了", "Fall in cascade")
            }
            NotificationKind::RenewalDue => Bilingual::new("更新の案内", "Renewal reminder"),
            NotificationKind::ReportDue => Bilingual::new("報告書の提出期限", "Report due"),
            NotificationKind::Measure => Bilingual::new("運用者の措置", "Operator's measure"),
            NotificationKind::ChangeAcknowledged => {
                Bilingual::new("変更届出の受理", "Change notice acknowledged")
            }
            NotificationKind::IncidentReported => {
                Bilingual::new("インシデントの報告", "Incident reported")
            }
            NotificationKind::CriteriaGaps => Bilingual::new(
                "改定基準で不足する管理策",
                "Controls a new version requires",
            ),
            NotificationKind::ServiceInUse => {
                Bilingual::new("利用中のサービス", "A service you use")
            }
            NotificationKind::ServiceWatched => {
                Bilingual::new("候補として注視するサービス", "A service you watch")
            }
        }
    }
}

/// Who read a notification, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadMark {
    pub by: String,
    pub at_ms: i64,
}

/// A message in an organisation's inbox.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notification {
    /// `{recipient}~{cause}`: one message per recipient and cause.
    pub id: String,
    /// The organisation it is sent to.
    pub to: String,
    pub kind: NotificationKind,
    /// The registry entry it is about, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entry: Option<String>,
    /// The service it is about, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    pub title: Bilingual,
    pub body: Bilingual,
    /// Where on the site to read more (a path such as `/registry/C25-0010`).
    pub link: String,
    pub sent_at_ms: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub read: Option<ReadMark>,
    pub mail: MailState,
}

impl Notification {
    pub fn is_read(&self) -> bool {
        self.read.is_some()
    }

    /// The inbox state the lists filter by.
    pub fn status_code(&self) -> &'static str {
        if self.is_read() { "read" } else { "unread" }
    }
}

/// A message to send: what it says and to whom, with the cause that makes its id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub to: String,
    /// What caused it, unique for the recipient (`cascade-C25-0031-2027-03-01`).
    pub cause: String,
    pub kind: NotificationKind,
    pub entry: Option<String>,
    pub service: Option<String>,
    pub title: Bilingual,
    pub body: Bilingual,
    pub link: String,
}

impl Draft {
    /// The id the message sent from this draft has.
    pub fn id(&self) -> String {
        notification_id(&self.to, &self.cause)
    }
}

/// The id of the message to `to` about `cause`.
pub fn notification_id(to: &str, cause: &str) -> String {
    format!("{to}~{cause}")
}

/// Sends `draft` at `at`, by the service itself; `mail` says whether SMTP is configured, so
/// that the message also waits to go by e-mail.
pub fn send(draft: Draft, mail: bool, at: Moment) -> Change<Notification> {
    let notification = Notification {
        id: draft.id(),
        to: draft.to,
        kind: draft.kind,
        entry: draft.entry,
        service: draft.service,
        title: draft.title,
        body: draft.body,
        link: draft.link,
        sent_at_ms: at.at_ms,
        read: None,
        mail: if mail {
            MailState::Pending {
                attempts: 0,
                last_error: None,
            }
        } else {
            MailState::Off
        },
    };
    let event = WorkflowEvent::by_system(
        at,
        SENT,
        notification.to.clone(),
        json!({ "notification": notification }),
    );
    Change {
        state: notification,
        event,
    }
}

/// A member of the recipient marks the message read (`read`) or unread again.
pub fn mark(
    notification: &Notification,
    read: bool,
    by: &Member,
    at: Moment,
) -> Result<Change<Notification>, Refusal> {
    if by.org_id != notification.to {
        return Err(Refusal::NotAllowed(NotAllowed::NotTheRecipient));
    }
    let mut next = notification.clone();
    if read && next.mail.is_pending() {
        next.mail = MailState::ReadFirst;
    }
    next.read = read.then(|| ReadMark {
        by: by.user_id.clone(),
        at_ms: at.at_ms,
    });
    let action = if read { READ } else { UNREAD };
    let event = WorkflowEvent::new(
        by,
        at,
        action,
        next.to.clone(),
        json!({ "notification": next }),
    );
    Ok(Change { state: next, event })
}
