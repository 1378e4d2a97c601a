//! Lifecycle: where every registration stands on a given day, from its validity and the events
//! of its life (renewals applied for, registered or rejected; suspensions and reinstatements;
//! withdrawal and deregistration), then the cascade through the services built on those that
//! are gone. Pure: the day is given, the events are given.

mod cascade;
mod case;
mod standing;

#[cfg(test)]
mod tests;

use serde::Serialize;

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
