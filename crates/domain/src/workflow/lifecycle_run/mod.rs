//! The lifecycle job (期限・連鎖の処理): on a given day, the registry is brought to where the
//! `lifecycle` rule says it stands. The stored registry and the renewals applied for become a
//! lifecycle case; every entry still registered or suspended that the rule finds expired
//! records its expiry, and every one that falls with a service it is built on is deregistered,
//! naming that service. Each change writes the entry whole with a public notice in both
//! languages, by the service itself. A second run on the same day finds nothing to do.

#[cfg(test)]
pub(crate) mod tests;

use std::collections::BTreeMap;

use serde_json::json;

use super::application::{Application, ApplicationKind, ApplicationStatus};
use super::{Change, Moment, WorkflowEvent};
use crate::date::CalendarDate;
use crate::fast_hash::{FastMap, FastSet};
use crate::lifecycle::{
    EventKind, LifecycleCase, LifecycleEvent, Reason, Registration, Status, lifecycle,
};
use crate::registry::{EntryStatus, Notice, NoticeKind, RegistryEntry, StatusChange};
use crate::text::Bilingual;

/// What the job reads: the registry as stored, the renewal applications, and for each entry the
/// services its own audit evaluated (from the provider's service; none for an entry without
/// one).
#[derive(Debug, Clone, Copy)]
pub struct RegistryFacts<'a> {
    pub entries: &'a [RegistryEntry],
    pub applications: &'a [Application],
    pub evaluated_in_audit: &'a BTreeMap<String, Vec<String>>,
}

/// Why an entry leaves the registry in this run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fall {
    /// Its validity ended on `since - 1` with no renewal pending.
    Expired { since: CalendarDate },
    /// `because`, on which it is built, is gone since `since`.
    Cascade {
        because: String,
        since: CalendarDate,
    },
}

impl Fall {
    pub fn since(&self) -> CalendarDate {
        match self {
            Fall::Expired { since } | Fall::Cascade { since, .. } => *since,
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            Fall::Expired { .. } => "expired",
            Fall::Cascade { .. } => "cascade",
        }
    }
}

/// One change the run makes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planned {
    pub entry: String,
    pub fall: Fall,
}

/// A renewal application counts from the day it was submitted; one that ended without
/// registration (rejected or withdrawn) ends the renewal on the day it last changed.
pub(crate) fn renewal_events<'a>(
    applications: impl IntoIterator<Item = &'a Application>,
    known: &FastSet<&str>,
) -> Vec<LifecycleEvent> {
    let mut events = Vec::new();
    for application in applications {
        let Some(entry) = application.renews.as_deref() else {
            continue;
        };
        if application.kind != ApplicationKind::Renewal || !known.contains(entry) {
            continue;
        }
        let applied_on = Moment::at(application.submitted_at_ms).date();
        events.push(event(applied_on, entry, EventKind::RenewalApplied));
        if matches!(
            application.status,
            ApplicationStatus::Rejected | ApplicationStatus::Withdrawn
        ) {
            let ended_on = Moment::at(application.updated_at_ms).date();
            events.push(event(ended_on, entry, EventKind::RenewalRejected));
        }
    }
    events
}

pub(crate) fn event(on: CalendarDate, entry: &str, kind: EventKind) -> LifecycleEvent {
    LifecycleEvent {
        on,
        service: entry.to_owned(),
        kind,
        valid_until: None,
        level: None,
    }
}

/// The day of the entry's last change to `status`, or its registration day.
fn last_change_to(entry: &RegistryEntry, status: EntryStatus) -> CalendarDate {
    entry
        .history
        .iter()
        .rev()
        .find(|change| change.to == status)
        .map_or(entry.registered_on, |change| change.on)
}

/// The registry and its renewals as a lifecycle case on `as_of`. An entry's validity is the
/// one stored (a registered renewal rewrote it); suspensions and endings are the stored
/// statuses with their days.
pub fn lifecycle_case(facts: RegistryFacts<'_>, as_of: CalendarDate) -> LifecycleCase {
    let known: FastSet<&str> = facts
        .entries
        .iter()
        .map(|entry| entry.id.as_str())
        .collect();
    let registrations = facts
        .entries
        .iter()
        .map(|entry| Registration {
            service: entry.id.clone(),
            level: entry.level,
            valid_until: entry.valid_until,
            // A base the registry does not hold cannot fall, so it brings nothing down.
            depends_on: entry
                .built_on
                .iter()
                .filter(|base| known.contains(base.as_str()))
                .cloned()
                .collect(),
            underlying_evaluated_in_audit: facts
                .evaluated_in_audit
                .get(&entry.id)
                .cloned()
                .unwrap_or_default(),
        })
        .collect();
    let mut events = renewal_events(facts.applications, &known);
    for entry in facts.entries {
        match entry.status {
            EntryStatus::Suspended => events.push(event(
                last_change_to(entry, EntryStatus::Suspended),
                &entry.id,
                EventKind::Suspended,
            )),
            EntryStatus::Deregistered => events.push(event(
                last_change_to(entry, EntryStatus::Deregistered),
                &entry.id,
                EventKind::Deregistered,
            )),
            EntryStatus::Registered | EntryStatus::Expired => {}
        }
    }
    LifecycleCase {
        as_of,
        registrations,
        events,
    }
}

/// What the run on `as_of` changes: the entries still registered or suspended that the rule
/// finds expired or fallen in cascade, by registration number. An expired entry is never
/// brought back here: a registered renewal rewrites it.
pub fn plan(facts: RegistryFacts<'_>, as_of: CalendarDate) -> Vec<Planned> {
    let standings = lifecycle(&lifecycle_case(facts, as_of)).services;
    let stored: FastMap<&str, EntryStatus> = facts
        .entries
        .iter()
        .map(|entry| (entry.id.as_str(), entry.status))
        .collect();
    standings
        .into_iter()
        .filter(|standing| {
            matches!(
                stored.get(standing.service.as_str()),
                Some(EntryStatus::Registered | EntryStatus::Suspended)
            )
        })
        .filter_map(|standing| {
            let since = standing.since?;
            let fall = match (standing.status, standing.reason) {
                (Status::Expired, _) => Fall::Expired { since },
                (Status::Deregistered, Reason::Cascade) => Fall::Cascade {
                    because: standing.because?,
                    since,
                },
                _ => return None,
            };
            Some(Planned {
                entry: standing.service,
                fall,
            })
        })
        .collect()
}

/// The log's names for the job's changes.
pub const EXPIRED: &str = "registry.expire";
pub const FELL_IN_CASCADE: &str = "registry.cascade";

/// The history's line for a fall: an expiry names the end of validity `valid_until`, a
/// cascade the base it fell with.
pub fn fall_reason(fall: &Fall, valid_until: CalendarDate) -> Bilingual {
    match fall {
        Fall::Expired { .. } => Bilingual::new(
            format!("有効期間（{valid_until} まで）の満了"),
            format!("validity ended ({valid_until})"),
        ),
        Fall::Cascade { because, .. } => Bilingual::new(
            format!("基盤のサービス {because} の登録終了による連鎖"),
            format!("in cascade: {because}, on which it is built, left the registry"),
        ),
    }
}

/// The entry after `planned`, with its history line and public notice dated by the day it fell,
/// and the event that records it, written by the service itself at `at`.
pub fn apply(entry: &RegistryEntry, planned: &Planned, at: Moment) -> Change<RegistryEntry> {
    let since = planned.fall.since();
    let (to, action, reason, notice_title, notice_body) = match &planned.fall {
        Fall::Expired { .. } => (
            EntryStatus::Expired,
            EXPIRED,
            fall_reason(&planned.fall, entry.valid_until),
            Bilingual::new(
                format!("{} の登録の有効期間が満了しました", entry.service_name.ja),
                format!("The registration of {} has expired", entry.service_name.en),
            ),
            Bilingual::new(
                format!(
                    "登録番号 {} の有効期間は {} まででした。更新の申請がなかったか、認められなかったため、{} に期限切れとなりました。",
                    entry.id, entry.valid_until, since
                ),
                format!(
                    "Registration {} was valid until {}. No renewal was applied for in time or granted, so it expired on {}.",
                    entry.id, entry.valid_until, since
                ),
            ),
        ),
        Fall::Cascade { because, .. } => (
            EntryStatus::Deregistered,
            FELL_IN_CASCADE,
            fall_reason(&planned.fall, entry.valid_until),
            Bilingual::new(
                format!("{} の登録を抹消しました（連鎖）", entry.service_name.ja),
                format!(
                    "The registration of {} has ended in cascade",
                    entry.service_name.en
                ),
            ),
            Bilingual::new(
                format!(
                    "登録番号 {} のサービスが基盤とする登録番号 {because} のサービスが {since} に登録簿から外れ、その監査でこの基盤は評価されていなかったため、登録を抹消しました。",
                    entry.id
                ),
                format!(
                    "Registration {} is built on registration {because}, which left the registry on {since}; its own audit did not evaluate that base, so its registration has ended.",
                    entry.id
                ),
            ),
        ),
    };
    let mut next = entry.clone();
    next.status = to;
    next.history.push(StatusChange {
        on: since,
        to,
        reason: reason.clone(),
    });
    let kind = match planned.fall {
        Fall::Expired { .. } => NoticeKind::Other,
        Fall::Cascade { .. } => NoticeKind::Measure,
    };
    next.notices.push(Notice {
        on: since,
        kind,
        title: notice_title,
        body: notice_body,
    });
    let because = match &planned.fall {
        Fall::Cascade { because, .. } => Some(because.clone()),
        Fall::Expired { .. } => None,
    };
    let event = WorkflowEvent::by_system(
        at,
        action,
        &next.id,
        json!({ "entry": next, "reason": reason, "since": since, "because": because }),
    );
    Change { state: next, event }
}
