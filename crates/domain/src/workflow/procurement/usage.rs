//! Which registered service a system uses, from when to when. A usage of a service that is no
//! longer registered can still be recorded, for the past: with the day it ended.

use serde::{Deserialize, Serialize};
use serde_json::json;

use super::{InformationSystem, USAGE_ENDED, USAGE_RECORDED, acts_for_procurer};
use crate::date::CalendarDate;
use crate::policy::Member;
use crate::registry::{EntryStatus, RegistryEntry};
use crate::text::Bilingual;
use crate::workflow::fields::Problems;
use crate::workflow::{Change, Conflict, Moment, NotAllowed, Refusal, WorkflowEvent};

/// The longest note on a usage (what the system uses the service for), per language.
pub const MAX_USAGE_NOTE_CHARS: usize = 1_000;

/// Whether a usage has its last day recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UsageStatus {
    /// No last day yet: the system uses the service from `from` on.
    Open,
    /// Its last day is recorded (which may still be ahead).
    Ended,
}

impl UsageStatus {
    pub const ALL: [UsageStatus; 2] = [UsageStatus::Open, UsageStatus::Ended];

    pub fn code(self) -> &'static str {
        match self {
            UsageStatus::Open => "open",
            UsageStatus::Ended => "ended",
        }
    }

    pub fn from_code(code: &str) -> Option<UsageStatus> {
        UsageStatus::ALL.into_iter().find(|one| one.code() == code)
    }
}

/// A system's use of one registered service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceUsage {
    pub id: String,
    pub system: String,
    /// The procuring organisation that keeps the system.
    pub org: String,
    /// The registry entry of the service used.
    pub entry: String,
    /// The provider's service the entry registers, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    pub from: CalendarDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<CalendarDate>,
    pub note: Bilingual,
    pub recorded_by: String,
    pub recorded_at_ms: i64,
    pub status: UsageStatus,
}

impl ServiceUsage {
    /// Whether the system uses the service on `day`.
    pub fn in_use_on(&self, day: CalendarDate) -> bool {
        self.from <= day && self.until.is_none_or(|last| day <= last)
    }

    /// Whether this usage and one from `from` to `until` share a day.
    fn overlaps(&self, from: CalendarDate, until: Option<CalendarDate>) -> bool {
        let starts_before_other_ends = until.is_none_or(|last| self.from <= last);
        let other_starts_before_this_ends = self.until.is_none_or(|last| from <= last);
        starts_before_other_ends && other_starts_before_this_ends
    }
}

/// What the procurer records of a usage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsageDraft {
    pub from: CalendarDate,
    pub until: Option<CalendarDate>,
    pub note: Bilingual,
}

fn period_problems(problems: &mut Problems, from: CalendarDate, until: Option<CalendarDate>) {
    if let Some(last) = until
        && last < from
    {
        problems.push(
            "/until",
            "out_of_range",
            Bilingual::new(
                format!("/until（{last}）は /from（{from}）以降の日付にしてください"),
                format!("/until ({last}) must not fall before /from ({from})"),
            ),
        );
    }
}

/// A procurer records that `system` uses the service of `entry`; `existing` are the system's
/// usages so far (one service is used once at a time).
pub fn record_usage(
    id: String,
    system: &InformationSystem,
    entry: &RegistryEntry,
    draft: UsageDraft,
    existing: &[ServiceUsage],
    by: &Member,
    at: Moment,
) -> Result<Change<ServiceUsage>, Refusal> {
    if !acts_for_procurer(by, &system.org) {
        return Err(Refusal::NotAllowed(NotAllowed::NotTheProcurer));
    }
    let mut problems = Problems::new();
    problems.id("/id", &id);
    problems.text_length("/note", &draft.note, MAX_USAGE_NOTE_CHARS);
    period_problems(&mut problems, draft.from, draft.until);
    let live = matches!(
        entry.status,
        EntryStatus::Registered | EntryStatus::Suspended
    );
    if !live && draft.until.is_none() {
        problems.push(
            "/until",
            "required",
            Bilingual::new(
                format!(
                    "{} は登録されていないため、利用は終了日（/until）とともに記録してください",
                    entry.id
                ),
                format!(
                    "{} is not registered: record its use with the day it ended (/until)",
                    entry.id
                ),
            ),
        );
    }
    problems.finish()?;
    if let Some(other) = existing
        .iter()
        .find(|usage| usage.entry == entry.id && usage.overlaps(draft.from, draft.until))
    {
        return Err(Refusal::Conflict(Conflict::UsageOverlaps {
            system: system.id.clone(),
            entry: entry.id.clone(),
            usage: other.id.clone(),
        }));
    }
    let usage = ServiceUsage {
        id,
        system: system.id.clone(),
        org: system.org.clone(),
        entry: entry.id.clone(),
        service: entry.service.clone(),
        from: draft.from,
        until: draft.until,
        note: draft.note,
        recorded_by: by.user_id.clone(),
        recorded_at_ms: at.at_ms,
        status: if draft.until.is_some() {
            UsageStatus::Ended
        } else {
            UsageStatus::Open
        },
    };
    let event = WorkflowEvent::new(by, at, USAGE_RECORDED, &usage.id, json!({ "usage": usage }));
    Ok(Change {
        state: usage,
        event,
    })
}

/// A procurer of the organisation records the last day its system uses the service, once.
pub fn end_usage(
    usage: &ServiceUsage,
    until: CalendarDate,
    by: &Member,
    at: Moment,
) -> Result<Change<ServiceUsage>, Refusal> {
    if !acts_for_procurer(by, &usage.org) {
        return Err(Refusal::NotAllowed(NotAllowed::NotTheProcurer));
    }
    if usage.status == UsageStatus::Ended {
        return Err(Refusal::Conflict(Conflict::UsageEnded {
            usage: usage.id.clone(),
        }));
    }
    let mut problems = Problems::new();
    period_problems(&mut problems, usage.from, Some(until));
    problems.finish()?;
    let mut next = usage.clone();
    next.until = Some(until);
    next.status = UsageStatus::Ended;
    let event = WorkflowEvent::new(by, at, USAGE_ENDED, &next.id, json!({ "usage": next }));
    Ok(Change { state: next, event })
}
