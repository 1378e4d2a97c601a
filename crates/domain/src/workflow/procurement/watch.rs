//! A system's watch list: the registered services its procurer follows as candidates before
//! choosing one. Watching is the organisation's own note (no one else sees it); the watchers of a
//! service are told what happens to it, as its users are.

use serde::{Deserialize, Serialize};
use serde_json::json;

use super::{InformationSystem, SYSTEM_UNWATCHED, SYSTEM_WATCHED, acts_for_procurer};
use crate::date::CalendarDate;
use crate::policy::Member;
use crate::registry::{EntryStatus, RegistryEntry};
use crate::workflow::{Change, Conflict, Moment, NotAllowed, Refusal, WorkflowEvent};

/// The services one system may watch at once.
pub const MAX_WATCHED: usize = 20;

/// One service on a system's watch list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Watched {
    /// The registration number.
    pub entry: String,
    pub by: String,
    pub at_ms: i64,
    pub on: CalendarDate,
}

impl InformationSystem {
    /// Whether the system watches the registration `entry`.
    pub fn watches(&self, entry: &str) -> bool {
        self.watching.iter().any(|watched| watched.entry == entry)
    }
}

/// A procurer of the system's organisation puts `entry` on the system's watch list; `None` when
/// it is there already (nothing to write). Only a service in the registry (registered or
/// suspended) can be watched.
pub fn watch_service(
    system: &InformationSystem,
    entry: &RegistryEntry,
    by: &Member,
    at: Moment,
) -> Result<Option<Change<InformationSystem>>, Refusal> {
    if !acts_for_procurer(by, &system.org) {
        return Err(Refusal::NotAllowed(NotAllowed::NotTheProcurer));
    }
    if system.watches(&entry.id) {
        return Ok(None);
    }
    if !matches!(
        entry.status,
        EntryStatus::Registered | EntryStatus::Suspended
    ) {
        return Err(Refusal::Conflict(Conflict::EntryStatus {
            entry: entry.id.clone(),
            status: entry.status.code(),
        }));
    }
    if system.watching.len() >= MAX_WATCHED {
        return Err(Refusal::Conflict(Conflict::WatchListFull {
            system: system.id.clone(),
            max: MAX_WATCHED,
        }));
    }
    let mut next = system.clone();
    next.watching.push(Watched {
        entry: entry.id.clone(),
        by: by.user_id.clone(),
        at_ms: at.at_ms,
        on: at.date(),
    });
    next.updated_at_ms = at.at_ms;
    let event = WorkflowEvent::new(
        by,
        at,
        SYSTEM_WATCHED,
        &next.id,
        json!({ "system": next, "entry": entry.id }),
    );
    Ok(Some(Change { state: next, event }))
}

/// A procurer of the system's organisation takes `entry` off the system's watch list; `None`
/// when it is not on it.
pub fn unwatch_service(
    system: &InformationSystem,
    entry: &str,
    by: &Member,
    at: Moment,
) -> Result<Option<Change<InformationSystem>>, Refusal> {
    if !acts_for_procurer(by, &system.org) {
        return Err(Refusal::NotAllowed(NotAllowed::NotTheProcurer));
    }
    if !system.watches(entry) {
        return Ok(None);
    }
    let mut next = system.clone();
    next.watching.retain(|watched| watched.entry != entry);
    next.updated_at_ms = at.at_ms;
    let event = WorkflowEvent::new(
        by,
        at,
        SYSTEM_UNWATCHED,
        &next.id,
        json!({ "system": next, "entry": entry }),
    );
    Ok(Some(Change { state: next, event }))
}
