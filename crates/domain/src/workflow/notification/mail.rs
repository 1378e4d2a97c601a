//! Whether a notification went by e-mail. A message waits while SMTP is configured and its
//! organisation has addresses; a failed delivery is tried again a few times, each attempt
//! recorded, before it is given up.

use serde::{Deserialize, Serialize};
use serde_json::json;

use super::Notification;
use crate::workflow::{Change, Moment, WorkflowEvent};

/// The log's name of a delivery attempt's outcome.
pub const MAILED: &str = "notification.mail";

/// How many times a message is tried before it is given up.
pub const MAX_MAIL_ATTEMPTS: u32 = 3;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum MailState {
    /// No SMTP server was configured when it was sent: the inbox only.
    Off,
    /// Waiting to go, after `attempts` failed tries.
    Pending {
        attempts: u32,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        last_error: Option<String>,
    },
    /// Delivered to the SMTP server for `addresses` recipients.
    Sent { at_ms: i64, addresses: usize },
    /// The organisation keeps no address to send it to.
    NoAddress,
    /// Given up after [`MAX_MAIL_ATTEMPTS`] failed tries.
    Failed { attempts: u32, error: String },
    /// Read in the inbox before it went: the e-mail is no longer needed.
    ReadFirst,
}

impl MailState {
    pub fn is_pending(&self) -> bool {
        matches!(self, MailState::Pending { .. })
    }

    pub fn code(&self) -> &'static str {
        match self {
            MailState::Off => "off",
            MailState::Pending { .. } => "pending",
            MailState::Sent { .. } => "sent",
            MailState::NoAddress => "no_address",
            MailState::Failed { .. } => "failed",
            MailState::ReadFirst => "read_first",
        }
    }
}

/// What one delivery attempt came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MailOutcome {
    Sent { addresses: usize },
    NoAddress,
    Failed { error: String },
}

/// Records an attempt to mail a pending message; `None` when it is no longer pending (another
/// process recorded it meanwhile).
pub fn record_mail(
    notification: &Notification,
    outcome: MailOutcome,
    at: Moment,
) -> Option<Change<Notification>> {
    let MailState::Pending { attempts, .. } = notification.mail else {
        return None;
    };
    let mut next = notification.clone();
    next.mail = match outcome {
        MailOutcome::Sent { addresses } => MailState::Sent {
            at_ms: at.at_ms,
            addresses,
        },
        MailOutcome::NoAddress => MailState::NoAddress,
        MailOutcome::Failed { error } => {
            let attempts = attempts.saturating_add(1);
            if attempts >= MAX_MAIL_ATTEMPTS {
                MailState::Failed { attempts, error }
            } else {
                MailState::Pending {
                    attempts,
                    last_error: Some(error),
                }
            }
        }
    };
    let event =
        WorkflowEvent::by_system(at, MAILED, next.to.clone(), json!({ "notification": next }));
    Some(Change { state: next, event })
}
