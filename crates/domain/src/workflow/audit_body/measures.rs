//! Measures the operator takes against an audit body found to have fallen short (skipped
//! procedures, a failed quality review): a caution, an improvement order, a suspension or a
//! revocation. Each is public with the day it takes effect, the facts and the reason; a
//! suspension lasts until it is lifted, a revocation for good.

use serde::{Deserialize, Serialize};
use serde_json::json;

use super::operator_admin;
use super::record::AuditBodyRecord;
use crate::case::bounds::MAX_TEXT_CHARS;
use crate::date::CalendarDate;
use crate::policy::Member;
use crate::text::Bilingual;
use crate::workflow::fields::Problems;
use crate::workflow::{Change, Conflict, Moment, Refusal, WorkflowEvent};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeasureKind {
    /// 注意: a warning on record; the body stays selected.
    Caution,
    /// 改善命令: the body must fix its procedures; it stays selected.
    ImprovementOrder,
    /// 一時停止: no audit may rest on the body's work on the days it is in force.
    Suspension,
    /// 選定取消し: the selection ends for good.
    Revocation,
}

impl MeasureKind {
    pub const ALL: [MeasureKind; 4] = [
        MeasureKind::Caution,
        MeasureKind::ImprovementOrder,
        MeasureKind::Suspension,
        MeasureKind::Revocation,
    ];

    pub fn code(self) -> &'static str {
        match self {
            MeasureKind::Caution => "caution",
            MeasureKind::ImprovementOrder => "improvement_order",
            MeasureKind::Suspension => "suspension",
            MeasureKind::Revocation => "revocation",
        }
    }

    pub fn from_code(code: &str) -> Option<MeasureKind> {
        MeasureKind::ALL
            .into_iter()
            .find(|kind| kind.code() == code)
    }

    pub fn title(self) -> Bilingual {
        match self {
            MeasureKind::Caution => Bilingual::new("注意", "Caution"),
            MeasureKind::ImprovementOrder => Bilingual::new("改善命令", "Improvement order"),
            MeasureKind::Suspension => Bilingual::new("一時停止", "Suspension"),
            MeasureKind::Revocation => Bilingual::new("選定取消し", "Revocation"),
        }
    }
}

/// One measure as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    pub kind: MeasureKind,
    /// The day it takes effect.
    pub on: CalendarDate,
    /// What the operator found.
    pub facts: Bilingual,
    /// Why this measure.
    pub reason: Bilingual,
    /// For a suspension: the first day the body is selected again, once lifted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lifted_on: Option<CalendarDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lift_reason: Option<Bilingual>,
    /// The administrator who took it, and when.
    pub taken_by: String,
    pub taken_at_ms: i64,
}

impl Measure {
    /// Whether a suspension keeps the body from audits on `day`.
    pub fn in_force_on(&self, day: CalendarDate) -> bool {
        self.on <= day && self.lifted_on.is_none_or(|lifted| day < lifted)
    }
}

/// What the administrator decides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMeasure {
    pub kind: MeasureKind,
    pub on: CalendarDate,
    pub facts: Bilingual,
    pub reason: Bilingual,
}

/// An administrator takes a measure against the body. Measures are kept in the order of their
/// days, within the selection; none follows a revocation, and a second suspension waits for the
/// first to be lifted.
pub fn take_measure(
    record: &AuditBodyRecord,
    measure: NewMeasure,
    by: &Member,
    at: Moment,
) -> Result<Change<AuditBodyRecord>, Refusal> {
    operator_admin(by)?;
    let mut problems = Problems::new();
    problems.required_text("/facts", &measure.facts, MAX_TEXT_CHARS);
    problems.required_text("/reason", &measure.reason, MAX_TEXT_CHARS);
    if measure.on < record.valid_from || measure.on > record.valid_until {
        problems.push(
            "/on",
            "outside_selection",
            Bilingual::new(
                format!(
                    "措置の日 {} が選定期間（{}〜{}）の外です",
                    measure.on, record.valid_from, record.valid_until
                ),
                format!(
                    "the measure's day {} is outside the selection ({} to {})",
                    measure.on, record.valid_from, record.valid_until
                ),
            ),
        );
    }
    if let Some(last) = record.measures.last().filter(|last| measure.on < last.on) {
        problems.push(
            "/on",
            "before_last_measure",
            Bilingual::new(
                format!(
                    "措置の日 {} が前回の措置の日 {} より前です",
                    measure.on, last.on
                ),
                format!(
                    "the measure's day {} comes before the last measure's, {}",
                    measure.on, last.on
                ),
            ),
        );
    }
    problems.finish()?;
    if let Some(revoked) = record.revocation() {
        return Err(Refusal::Conflict(Conflict::AuditBodyRevoked {
            org: record.org.clone(),
            on: revoked.on.to_string(),
        }));
    }
    if measure.kind == MeasureKind::Suspension
        && let Some(suspended) = record.suspension_in_force()
    {
        return Err(Refusal::Conflict(Conflict::AuditBodySuspended {
            org: record.org.clone(),
            since: suspended.on.to_string(),
        }));
    }
    let taken = Measure {
        kind: measure.kind,
        on: measure.on,
        facts: measure.facts,
        reason: measure.reason,
        lifted_on: None,
        lift_reason: None,
        taken_by: by.user_id.clone(),
        taken_at_ms: at.at_ms,
    };
    let mut state = record.clone();
    state.measures.push(taken.clone());
    let event = WorkflowEvent::new(
        by,
        at,
        "audit_body.measure",
        &state.org,
        json!({ "record": state, "measure": taken }),
    );
    Ok(Change { state, event })
}

/// An administrator lifts the suspension in force: the body is selected again from `on`.
pub fn lift_suspension(
    record: &AuditBodyRecord,
    on: CalendarDate,
    reason: Bilingual,
    by: &Member,
    at: Moment,
) -> Result<Change<AuditBodyRecord>, Refusal> {
    operator_admin(by)?;
    let Some(suspended) = record.suspension_in_force() else {
        return Err(Refusal::Conflict(Conflict::AuditBodyNotSuspended {
            org: record.org.clone(),
        }));
    };
    let mut problems = Problems::new();
    problems.required_text("/reason", &reason, MAX_TEXT_CHARS);
    if on <= suspended.on {
        problems.push(
            "/on",
            "not_after_suspension",
            Bilingual::new(
                format!(
                    "解除の日 {on} が停止の日 {} より後ではありません",
                    suspended.on
                ),
                format!(
                    "the suspension is lifted on {on}, not after it began on {}",
                    suspended.on
                ),
            ),
        );
    }
    problems.finish()?;
    let mut state = record.clone();
    if let Some(measure) = state
        .measures
        .iter_mut()
        .find(|m| m.kind == MeasureKind::Suspension && m.lifted_on.is_none())
    {
        measure.lifted_on = Some(on);
        measure.lift_reason = Some(reason.clone());
    }
    let event = WorkflowEvent::new(
        by,
        at,
        "audit_body.lift_suspension",
        &state.org,
        json!({ "record": state, "lifted_on": on, "reason": reason }),
    );
    Ok(Change { state, event })
}
