//! Lifecycle: where every registration stands on a given day, from its validity and the events
//! of its life (renewals applied for, registered or rejected; suspensions and reinstatements;
//! withdrawal and deregistration), then the cascade through the services built on those that
//! are gone. Pure: the day is given, the events are given.

mod cascade;
mod case;
mod fast_read;
mod standing;

#[cfg(test)]
mod tests;

use serde::Serialize;

use crate::case::bounds::MAX_LIFECYCLE_CASE_BYTES;
use crate::case::{Read, read_case_within};
use crate::date::CalendarDate;
use crate::level::Level;

pub use case::{MAX_EVENTS, MAX_REGISTRATIONS};

/// What happened to a registration on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EventKind {
    RenewalApplied,
    RenewalRegistered,
    RenewalRejected,
    Suspended,
    Reinstated,
    Withdrawn,
    Deregistered,
}

impl EventKind {
    pub const NAMES: [(&'static str, EventKind); 7] = [
        ("renewal_applied", EventKind::RenewalApplied),
        ("renewal_registered", EventKind::RenewalRegistered),
        ("renewal_rejected", EventKind::RenewalRejected),
        ("suspended", EventKind::Suspended),
        ("reinstated", EventKind::Reinstated),
        ("withdrawn", EventKind::Withdrawn),
        ("deregistered", EventKind::Deregistered),
    ];
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LifecycleEvent {
    pub on: CalendarDate,
    pub service: String,
    pub kind: EventKind,
    /// For `renewal_registered`: the new end of validity, and the level when it changes.
    pub valid_until: Option<CalendarDate>,
    pub level: Option<Level>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Registration {
    pub service: String,
    pub level: Level,
    pub valid_until: CalendarDate,
    pub depends_on: Vec<String>,
    pub underlying_evaluated_in_audit: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LifecycleCase {
    pub as_of: CalendarDate,
    pub registrations: Vec<Registration>,
    /// In the order of the file: events of one day keep it.
    pub events: Vec<LifecycleEvent>,
}

impl LifecycleCase {
    /// Reads a case text of at most [`MAX_LIFECYCLE_CASE_BYTES`]: the plain shape straight into
    /// the case, anything else through the tree reader, which names the place of any problem.
    pub fn read_text(text: &str) -> Read<LifecycleCase> {
        let plain = (text.len() <= MAX_LIFECYCLE_CASE_BYTES)
            .then(|| fast_read::read_plain(text))
            .flatten();
        match plain {
            Some(case) => Ok(case),
            None => read_case_within(text, MAX_LIFECYCLE_CASE_BYTES, LifecycleCase::read),
        }
    }

    /// The quick reader alone: the case when it is well formed and in the plain shape, `None`
    /// when it needs the tree reader ([`LifecycleCase::read`]).
    pub fn read_plain(text: &str) -> Option<LifecycleCase> {
        fast_read::read_plain(text)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Registered,
    Suspended,
    Expired,
    Deregistered,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    Valid,
    RenewalUnderReview,
    Expired,
    Suspended,
    Withdrawn,
    Deregistered,
    Cascade,
}

/// One service on the day asked about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Standing {
    pub service: String,
    pub status: Status,
    pub reason: Reason,
    /// The day the status began; `null` for a registered service.
    pub since: Option<CalendarDate>,
    /// For `cascade`: the gone dependency that went first.
    pub because: Option<String>,
    pub level: Level,
    pub valid_until: CalendarDate,
}

impl Standing {
    /// Expired and deregistered services are gone from the registry.
    pub fn is_gone(&self) -> bool {
        matches!(self.status, Status::Expired | Status::Deregistered)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LifecycleOutcome {
    pub as_of: CalendarDate,
    /// Sorted by service.
    pub services: Vec<Standing>,
}

/// Every registration's standing on `case.as_of`, the cascade applied.
pub fn lifecycle(case: &LifecycleCase) -> LifecycleOutcome {
    let own = standing::own_standings(case);
    let mut services = cascade::fall(&case.registrations, own);
    services.sort_by(|a, b| a.service.cmp(&b.service));
    LifecycleOutcome {
        as_of: case.as_of,
        services,
    }
}
