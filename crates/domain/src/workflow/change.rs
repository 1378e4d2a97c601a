//! What a transition answers: the new state and the event that records it.

use serde_json::Value;

use super::Moment;
use crate::policy::Member;

/// The actor of the events the service writes by itself.
pub const SYSTEM_ACTOR: &str = "system";

/// A transition's result, to be stored with its event in one transaction.
#[derive(Debug, Clone, PartialEq)]
pub struct Change<T> {
    pub state: T,
    pub event: WorkflowEvent,
}

/// The event of the signed log that records a transition. Its payload holds the new state
/// whole, so the rows written can be rebuilt from the log alone.
#[derive(Debug, Clone, PartialEq)]
pub struct WorkflowEvent {
    pub at_ms: i64,
    /// The user who acted.
    pub actor: String,
    /// The organisation they acted for.
    pub org: String,
    /// A stable name, e.g. `statement.submit`.
    pub action: &'static str,
    /// The id of the aggregate the event is about.
    pub subject: String,
    pub payload: Value,
}

impl WorkflowEvent {
    /// An event of the service itself (a scheduled job): the actor `system`, for no
    /// organisation, as the store records its own writes.
    pub fn by_system(
        at: Moment,
        action: &'static str,
        subject: impl Into<String>,
        payload: Value,
    ) -> WorkflowEvent {
        WorkflowEvent {
            at_ms: at.at_ms,
            actor: SYSTEM_ACTOR.to_owned(),
            org: String::new(),
            action,
            subject: subject.into(),
            payload,
        }
    }

    pub fn new(
        by: &Member,
        at: Moment,
        action: &'static str,
        subject: impl Into<String>,
        payload: Value,
    ) -> WorkflowEvent {
        WorkflowEvent {
            at_ms: at.at_ms,
            actor: by.user_id.clone(),
            org: by.org_id.clone(),
            action,
            subject: subject.into(),
            payload,
        }
    }
}
