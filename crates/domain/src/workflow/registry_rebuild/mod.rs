//! The registry as the log's consequence (登録簿の再計算): every entry recomputed from the
//! events of the signed log and compared with the registry as stored.
//!
//! A registration or renewal takes its level and validity from the decision of the application
//! the log shows approved; each change of status by the operator or the provider adds its line
//! to the history; each expiry or cascade the lifecycle job recorded must be one the
//! `lifecycle` rule finds on its day; and on the day asked about every entry must stand where
//! `lifecycle` puts it. Nothing is read but the events given, in the log's order.

mod compare;
mod findings;
mod replay;

#[cfg(test)]
mod tests;

use serde::Serialize;

pub use findings::{Field, Finding, Unexplained};
pub use replay::Rebuild;

use crate::date::CalendarDate;
use crate::log_chain::Event;

/// One event of the log, as much of it as the rebuild reads.
#[derive(Debug, Clone, Copy)]
pub struct LoggedEvent<'a> {
    pub seq: u64,
    pub at_ms: i64,
    pub actor: &'a str,
    pub action: &'a str,
    pub subject: &'a str,
    /// The payload's JSON text.
    pub payload: &'a str,
}

impl<'a> From<&'a Event> for LoggedEvent<'a> {
    fn from(event: &'a Event) -> LoggedEvent<'a> {
        LoggedEvent {
            seq: event.seq,
            at_ms: event.at_ms,
            actor: &event.actor,
            action: &event.action,
            subject: &event.subject,
            payload: &event.payload,
        }
    }
}

/// What a check found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RebuildReport {
    pub as_of: CalendarDate,
    pub events_read: u64,
    /// Entries the log wrote.
    pub entries_rebuilt: usize,
    /// Entries the store holds.
    pub entries_stored: usize,
    /// Oldest event first, then entry by entry.
    pub findings: Vec<Finding>,
}

impl RebuildReport {
    pub fn agrees(&self) -> bool {
        self.findings.is_empty()
    }
}
