//! Reading the log's events in order: the applications' and services' latest states, and each
//! registry event applied to the entry it writes, its status, level, validity and history
//! recomputed, the `lifecycle` rule's inputs gathered on the way.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::findings::{Finding, Unexplained};
use super::{LoggedEvent, RebuildReport};
use crate::date::CalendarDate;
use crate::fast_hash::{FastMap, FastSet};
use crate::level::Level;
use crate::lifecycle::{
    EventKind, LifecycleCase, LifecycleEvent, Reason, Registration, Standing, Status, lifecycle,
};
use crate::registry::{EntryStatus, RegistryEntry, StatusChange};
use crate::text::Bilingual;
use crate::workflow::application::{Application, ApplicationKind, ApplicationStatus};
use crate::workflow::lifecycle_run::{self, EXPIRED, FELL_IN_CASCADE, Fall, event as rule_event};
use crate::workflow::registry_status::{StatusMove, WITHDRAWN, withdrawal_reason};
use crate::workflow::registry_write::registration_reason;
use crate::workflow::{Moment, change::SYSTEM_ACTOR};

/// An entry as the log makes it.
#[derive(Debug, Clone)]
pub(super) struct Rebuilt {
    /// Level and validity when first registered: the `lifecycle` rule's registration.
    pub first_level: Level,
    pub first_valid_until: CalendarDate,
    pub level: Level,
    pub valid_until: CalendarDate,
    pub status: EntryStatus,
    pub history: Vec<StatusChange>,
    /// The entry as the last event about it wrote it.
    pub logged: RegistryEntry,
    pub last_seq: u64,
}

impl Rebuilt {
    /// The logged entry with the recomputed fields in place: the registry as the log says.
    pub fn entry(&self) -> RegistryEntry {
        RegistryEntry {
            level: self.level,
            valid_until: self.valid_until,
            status: self.status,
            history: self.history.clone(),
            ..self.logged.clone()
        }
    }
}

/// The standings the rule gave on a day, kept while its inputs stay the same.
struct Judged {
    as_of: CalendarDate,
    inputs_version: u64,
    standings: FastMap<String, Standing>,
}

/// A rebuild under way: feed it the log's events in order, then compare.
#[derive(Default)]
pub struct Rebuild {
    applications: BTreeMap<String, Application>,
    /// Service id → the bases its own audit evaluated.
    evaluated: FastMap<String, Vec<String>>,
    pub(super) entries: BTreeMap<String, Rebuilt>,
    /// The rule's events from the registry's own events, in the log's order.
    inputs: Vec<LifecycleEvent>,
    /// Changes whenever the rule's inputs change in a way that can change a standing.
    inputs_version: u64,
    judged: Option<Judged>,
    pub(super) findings: Vec<Finding>,
    pub(super) events_read: u64,
}

impl std::fmt::Debug for Judged {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter
            .debug_struct("Judged")
            .field("as_of", &self.as_of)
            .field("inputs_version", &self.inputs_version)
            .finish_non_exhaustive()
    }
}

impl std::fmt::Debug for Rebuild {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter
            .debug_struct("Rebuild")
            .field("entries", &self.entries.len())
            .field("events_read", &self.events_read)
            .finish_non_exhaustive()
    }
}

#[derive(Deserialize)]
struct ApplicationPayload {
    application: Option<Application>,
}

#[derive(Deserialize)]
struct ServicePayload {
    service: Option<ServiceFacts>,
}

#[derive(Deserialize)]
struct ServiceFacts {
    id: String,
    details: ServiceDetailsFacts,
}

#[derive(Deserialize)]
struct ServiceDetailsFacts {
    #[serde(default)]
    underlying_evaluated_in_audit: Vec<String>,
}

#[derive(Deserialize)]
struct EntryPayload {
    entry: Option<RegistryEntry>,
    #[serde(default)]
    reason: Option<Bilingual>,
    #[serde(default)]
    since: Option<CalendarDate>,
    #[serde(default)]
    because: Option<String>,
    /// Written by the store's load of entries from a file, beside the entry.
    #[serde(default)]
    document_sha256: Option<String>,
}

/// A change of status: one of the operator's measures, or the provider's withdrawal, which
/// ends a registration as a deregistration does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Move {
    Operator(StatusMove),
    Withdraw,
}

impl Move {
    fn as_measure(self) -> StatusMove {
        match self {
            Move::Operator(measure) => measure,
            Move::Withdraw => StatusMove::Deregister,
        }
    }

    /// The rule's event: the operator's recorded expiry ends any renewal pending that day.
    fn rule_event(self) -> EventKind {
        match self {
            Move::Withdraw => EventKind::Withdrawn,
            Move::Operator(StatusMove::Suspend) => EventKind::Suspended,
            Move::Operator(StatusMove::Reinstate) => EventKind::Reinstated,
            Move::Operator(StatusMove::Deregister) => EventKind::Deregistered,
            Move::Operator(StatusMove::Expire) => EventKind::RenewalRejected,
        }
    }
}

/// How the registry's actions are read.
enum RegistryAction {
    Register,
    Renew,
    Move(Move),
    /// An expiry or cascade of the lifecycle job.
    Fall {
        cascade: bool,
    },
    /// Notices, remarks, reported changes: the entry rewritten, its standing untouched.
    Rewrite,
}

fn registry_action(action: &str, actor: &str) -> Option<RegistryAction> {
    let by_job = actor == SYSTEM_ACTOR;
    Some(match action {
        "registry.register" => RegistryAction::Register,
        "registry.renew" => RegistryAction::Renew,
        "registry.suspend" => RegistryAction::Move(Move::Operator(StatusMove::Suspend)),
        "registry.reinstate" => RegistryAction::Move(Move::Operator(StatusMove::Reinstate)),
        "registry.deregister" => RegistryAction::Move(Move::Operator(StatusMove::Deregister)),
        WITHDRAWN => RegistryAction::Move(Move::Withdraw),
        EXPIRED if by_job => RegistryAction::Fall { cascade: false },
        EXPIRED => RegistryAction::Move(Move::Operator(StatusMove::Expire)),
        FELL_IN_CASCADE => RegistryAction::Fall { cascade: true },
        "registry.notice"
        | "registry.remarks"
        | crate::workflow::change_notice::ENTRY_CHANGED
        | crate::workflow::change_notice::ENTRY_AUDIT_APPLIED => RegistryAction::Rewrite,
        _ => return None,
    })
}

impl Rebuild {
    pub fn new() -> Rebuild {
        Rebuild::default()
    }

    /// Reads the next event of the log.
    pub fn read(&mut self, event: &LoggedEvent<'_>) {
        self.events_read += 1;
        if event.action.starts_with("application.") {
            self.read_application(event);
        } else if event.action.starts_with("service.") {
            self.read_service(event);
        } else if event.action.starts_with("registry.") {
            self.read_registry(event);
        }
    }

    /// The registry as the log makes it, by registration number.
    pub fn entries(&self) -> Vec<RegistryEntry> {
        self.entries.values().map(Rebuilt::entry).collect()
    }

    /// Compares the rebuilt registry with `stored` on `as_of`.
    pub fn check(&mut self, stored: &[RegistryEntry], as_of: CalendarDate) -> RebuildReport {
        super::compare::check(self, stored, as_of)
    }

    fn unexplained(&mut self, event: &LoggedEvent<'_>, why: Unexplained) {
        self.findings.push(Finding::Unexplained {
            seq: event.seq,
            entry: event.subject.to_owned(),
            why,
        });
    }

    fn unreadable(&mut self, event: &LoggedEvent<'_>, detail: impl Into<String>) {
        self.unexplained(
            event,
            Unexplained::Unreadable {
                detail: detail.into(),
            },
        );
    }

    fn read_application(&mut self, event: &LoggedEvent<'_>) {
        match serde_json::from_str::<ApplicationPayload>(event.payload) {
            Ok(ApplicationPayload {
                application: Some(application),
            }) => {
                if application.kind == ApplicationKind::Renewal {
                    self.inputs_version += 1;
                }
                self.applications
                    .insert(application.id.clone(), application);
            }
            // Events about an application that carry no state of it (none today).
            Ok(ApplicationPayload { application: None }) => {}
            Err(error) => self.unreadable(event, error.to_string()),
        }
    }

    fn read_service(&mut self, event: &LoggedEvent<'_>) {
        if let Ok(ServicePayload {
            service: Some(service),
        }) = serde_json::from_str::<ServicePayload>(event.payload)
        {
            self.inputs_version += 1;
            self.evaluated
                .insert(service.id, service.details.underlying_evaluated_in_audit);
        }
    }

    fn read_registry(&mut self, event: &LoggedEvent<'_>) {
        let Some(action) = registry_action(event.action, event.actor) else {
            self.unexplained(
                event,
                Unexplained::UnknownAction {
                    action: event.action.to_owned(),
                },
            );
            return;
        };
        let payload = match serde_json::from_str::<EntryPayload>(event.payload) {
            Ok(payload) => payload,
            Err(error) => return self.unreadable(event, error.to_string()),
        };
        let Some(entry) = payload.entry.clone() else {
            return self.unreadable(event, "no entry");
        };
        if entry.id != event.subject {
            return self.unreadable(event, format!("the entry written is {}", entry.id));
        }
        if !matches!(action, RegistryAction::Register) && !self.entries.contains_key(&entry.id) {
            return self.unexplained(
                event,
                Unexplained::UnknownEntry {
                    action: event.action.to_owned(),
                },
            );
        }
        let on = Moment::at(event.at_ms).date();
        match action {
            RegistryAction::Register if payload.document_sha256.is_some() => {
                let rebuilt = self.imported(event, entry);
                self.add(event, rebuilt);
            }
            RegistryAction::Register => self.register(event, entry),
            RegistryAction::Renew => self.renew(event, entry),
            RegistryAction::Move(one) => self.change_status(event, entry, &payload, one, on),
            RegistryAction::Fall { cascade } => self.fall(event, entry, &payload, cascade),
            RegistryAction::Rewrite => self.rewrite(event, entry),
        }
    }

    /// The level, validity, day and history line of the approved `application`, when the log
    /// shows it approved for this entry (`renewal`: as its renewal).
    fn approved(
        &self,
        application: &str,
        entry: &str,
        renewal: bool,
    ) -> Option<(Level, CalendarDate, StatusChange)> {
        let found = self.applications.get(application)?;
        let decision = found.decision.as_ref()?;
        let approval = found.approval.as_ref()?;
        let for_this = if renewal {
            found.kind == ApplicationKind::Renewal && found.renews.as_deref() == Some(entry)
        } else {
            found.kind != ApplicationKind::Renewal
        };
        if found.status != ApplicationStatus::Registered || !for_this {
            return None;
        }
        let line = StatusChange {
            on: approval.on,
            to: EntryStatus::Registered,
            reason: registration_reason(found),
        };
        Some((decision.level?, decision.valid_until?, line))
    }

    /// A registration decided: its application must be approved as a new registration.
    fn register(&mut self, event: &LoggedEvent<'_>, entry: RegistryEntry) {
        let application = entry.application.clone().unwrap_or_default();
        let (level, valid_until, line) = match self.approved(&application, &entry.id, false) {
            Some(found) => found,
            None => {
                self.unexplained(event, Unexplained::NotApproved { application });
                (entry.level, entry.valid_until, last_line(&entry))
            }
        };
        let rebuilt = Rebuilt {
            first_level: level,
            first_valid_until: valid_until,
            level,
            valid_until,
            status: EntryStatus::Registered,
            history: vec![line],
            logged: entry,
            last_seq: event.seq,
        };
        self.add(event, rebuilt);
    }

    fn add(&mut self, event: &LoggedEvent<'_>, rebuilt: Rebuilt) {
        if self.entries.contains_key(&rebuilt.logged.id) {
            return self.unexplained(event, Unexplained::AlreadyRegistered);
        }
        self.entries.insert(rebuilt.logged.id.clone(), rebuilt);
        self.inputs_version += 1;
    }

    /// An entry loaded from a file, not decided here: its level, validity and history before
    /// the log are taken as they came, its suspension or ending becoming the rule's event on
    /// its day.
    fn imported(&mut self, event: &LoggedEvent<'_>, entry: RegistryEntry) -> Rebuilt {
        let last_day = |status: EntryStatus| {
            entry
                .history
                .iter()
                .rev()
                .find(|line| line.to == status)
                .map_or(entry.registered_on, |line| line.on)
        };
        let kind = match entry.status {
            EntryStatus::Suspended => Some(EventKind::Suspended),
            EntryStatus::Deregistered => Some(EventKind::Deregistered),
            EntryStatus::Registered | EntryStatus::Expired => None,
        };
        if let Some(kind) = kind {
            self.inputs
                .push(rule_event(last_day(entry.status), &entry.id, kind));
        }
        Rebuilt {
            first_level: entry.level,
            first_valid_until: entry.valid_until,
            level: entry.level,
            valid_until: entry.valid_until,
            status: entry.status,
            history: entry.history.clone(),
            last_seq: event.seq,
            logged: entry,
        }
    }

    fn renew(&mut self, event: &LoggedEvent<'_>, entry: RegistryEntry) {
        let application = entry.application.clone().unwrap_or_default();
        let found = self.approved(&application, &entry.id, true);
        if found.is_none() {
            self.unexplained(
                event,
                Unexplained::NotApproved {
                    application: application.clone(),
                },
            );
        }
        let (level, valid_until, line) =
            found.unwrap_or_else(|| (entry.level, entry.valid_until, last_line(&entry)));
        self.inputs.push(LifecycleEvent {
            on: line.on,
            service: entry.id.clone(),
            kind: EventKind::RenewalRegistered,
            valid_until: Some(valid_until),
            level: Some(level),
        });
        self.inputs_version += 1;
        if let Some(rebuilt) = self.entries.get_mut(&entry.id) {
            rebuilt.level = level;
            rebuilt.valid_until = valid_until;
            rebuilt.status = EntryStatus::Registered;
            rebuilt.history.push(line);
            rebuilt.logged = entry;
            rebuilt.last_seq = event.seq;
        }
    }

    fn change_status(
        &mut self,
        event: &LoggedEvent<'_>,
        entry: RegistryEntry,
        payload: &EntryPayload,
        one: Move,
        on: CalendarDate,
    ) {
        let Some(reason) = payload.reason.clone() else {
            return self.unreadable(event, "no reason");
        };
        let from = self.entries.get(&entry.id).map(|rebuilt| rebuilt.status);
        if let Some(from) = from.filter(|from| !one.as_measure().allowed_from(*from)) {
            self.unexplained(
                event,
                Unexplained::MoveNotAllowed {
                    action: event.action.to_owned(),
                    from,
                },
            );
        }
        let reason = if one == Move::Withdraw {
            withdrawal_reason(&reason)
        } else {
            reason
        };
        self.inputs
            .push(rule_event(on, &entry.id, one.rule_event()));
        self.inputs_version += 1;
        self.write_line(event, entry, on, one.as_measure().target(), reason);
    }

    /// An expiry or cascade the job recorded: the rule, on the day it names, must find it.
    fn fall(
        &mut self,
        event: &LoggedEvent<'_>,
        entry: RegistryEntry,
        payload: &EntryPayload,
        cascade: bool,
    ) {
        let Some(since) = payload.since else {
            return self.unreadable(event, "no since");
        };
        let standing = self.standing_on(since, &entry.id);
        let due = standing.as_ref().is_some_and(|standing| {
            let kind_matches = if cascade {
                standing.status == Status::Deregistered
                    && standing.reason == Reason::Cascade
                    && standing.because == payload.because
            } else {
                standing.status == Status::Expired
            };
            kind_matches && standing.since == Some(since)
        });
        let from = self.entries.get(&entry.id).map(|rebuilt| rebuilt.status);
        let live = matches!(from, Some(EntryStatus::Registered | EntryStatus::Suspended));
        if !due || !live {
            self.unexplained(
                event,
                Unexplained::FallNotDue {
                    action: event.action.to_owned(),
                    since,
                    lifecycle: standing.as_ref().map(|standing| standing.status),
                    reason: standing.as_ref().map(|standing| standing.reason),
                },
            );
        }
        let (fall, to) = if cascade {
            let because = payload.because.clone().unwrap_or_default();
            (Fall::Cascade { because, since }, EntryStatus::Deregistered)
        } else {
            (Fall::Expired { since }, EntryStatus::Expired)
        };
        let valid_until = self
            .entries
            .get(&entry.id)
            .map_or(entry.valid_until, |rebuilt| rebuilt.valid_until);
        let reason = lifecycle_run::fall_reason(&fall, valid_until);
        if cascade {
            // Fallen for good: a base brought back later does not bring it back. The rule
            // already found it gone on that day, so the standings known stay true.
            self.inputs
                .push(rule_event(since, &entry.id, EventKind::Deregistered));
        }
        self.write_line(event, entry, since, to, reason);
    }

    fn rewrite(&mut self, event: &LoggedEvent<'_>, entry: RegistryEntry) {
        if let Some(rebuilt) = self.entries.get_mut(&entry.id) {
            rebuilt.logged = entry;
            rebuilt.last_seq = event.seq;
        }
    }

    fn write_line(
        &mut self,
        event: &LoggedEvent<'_>,
        entry: RegistryEntry,
        on: CalendarDate,
        to: EntryStatus,
        reason: Bilingual,
    ) {
        if let Some(rebuilt) = self.entries.get_mut(&entry.id) {
            rebuilt.status = to;
            rebuilt.history.push(StatusChange { on, to, reason });
            rebuilt.logged = entry;
            rebuilt.last_seq = event.seq;
        }
    }

    /// Where the rule puts `entry` on `as_of`, on the inputs read so far.
    pub(super) fn standing_on(&mut self, as_of: CalendarDate, entry: &str) -> Option<Standing> {
        let fresh = self.judged.as_ref().is_some_and(|judged| {
            judged.as_of == as_of && judged.inputs_version == self.inputs_version
        });
        if !fresh {
            let standings = lifecycle(&self.case(as_of))
                .services
                .into_iter()
                .map(|standing| (standing.service.clone(), standing))
                .collect();
            self.judged = Some(Judged {
                as_of,
                inputs_version: self.inputs_version,
                standings,
            });
        }
        self.judged.as_ref()?.standings.get(entry).cloned()
    }

    /// The rule's case on `as_of`: the entries registered so far with their first level and
    /// validity, the renewals applied for, then the registry's own events.
    fn case(&self, as_of: CalendarDate) -> LifecycleCase {
        let known: FastSet<&str> = self.entries.keys().map(String::as_str).collect();
        let registrations = self
            .entries
            .values()
            .map(|rebuilt| Registration {
                service: rebuilt.logged.id.clone(),
                level: rebuilt.first_level,
                valid_until: rebuilt.first_valid_until,
                depends_on: rebuilt
                    .logged
                    .built_on
                    .iter()
                    .filter(|base| known.contains(base.as_str()))
                    .cloned()
                    .collect(),
                underlying_evaluated_in_audit: rebuilt
                    .logged
                    .service
                    .as_deref()
                    .and_then(|service| self.evaluated.get(service))
                    .cloned()
                    .unwrap_or_default(),
            })
            .collect();
        let mut events = lifecycle_run::renewal_events(self.applications.values(), &known);
        events.extend(self.inputs.iter().cloned());
        LifecycleCase {
            as_of,
            registrations,
            events,
        }
    }
}

/// The last line of an entry's own history, or its registration when it has none.
fn last_line(entry: &RegistryEntry) -> StatusChange {
    entry.history.last().cloned().unwrap_or(StatusChange {
        on: entry.registered_on,
        to: entry.status,
        reason: Bilingual::new("", ""),
    })
}
