//! The operator's decision on an incident: no measure, or a change of the registration's
//! status. Either way the entry gets a public notice in both languages and the incident keeps
//! the decision; both are written together.

use serde::{Deserialize, Serialize};
use serde_json::json;

use super::{DECIDED, Decision, Incident};
use crate::policy::Member;
use crate::registry::{NoticeKind, RegistryEntry};
use crate::text::Bilingual;
use crate::workflow::fields::Problems;
use crate::workflow::registry_status::{self, NoticeText, StatusDecision, StatusMove};
use crate::workflow::{Change, Moment, NotAllowed, Refusal, WorkflowEvent};

/// What the operator does about the registration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IncidentMeasure {
    /// The registration stands as it is; the notice says why.
    None,
    Suspend,
    Reinstate,
    Deregister,
}

impl IncidentMeasure {
    pub const ALL: [IncidentMeasure; 4] = [
        IncidentMeasure::None,
        IncidentMeasure::Suspend,
        IncidentMeasure::Reinstate,
        IncidentMeasure::Deregister,
    ];

    pub fn code(self) -> &'static str {
        match self {
            IncidentMeasure::None => "none",
            IncidentMeasure::Suspend => "suspend",
            IncidentMeasure::Reinstate => "reinstate",
            IncidentMeasure::Deregister => "deregister",
        }
    }

    pub fn from_code(code: &str) -> Option<IncidentMeasure> {
        IncidentMeasure::ALL
            .into_iter()
            .find(|one| one.code() == code)
    }

    pub fn title(self) -> Bilingual {
        match self {
            IncidentMeasure::None => Bilingual::new("措置なし", "No measure"),
            IncidentMeasure::Suspend => Bilingual::new("一時停止", "Suspend"),
            IncidentMeasure::Reinstate => Bilingual::new("一時停止の解除", "Reinstate"),
            IncidentMeasure::Deregister => Bilingual::new("登録抹消", "Deregister"),
        }
    }

    /// The change of status it makes, if any.
    pub fn status_move(self) -> Option<StatusMove> {
        match self {
            IncidentMeasure::None => None,
            IncidentMeasure::Suspend => Some(StatusMove::Suspend),
            IncidentMeasure::Reinstate => Some(StatusMove::Reinstate),
            IncidentMeasure::Deregister => Some(StatusMove::Deregister),
        }
    }
}

/// The operator's decision, with its reason and the notice that publishes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeasureDecision {
    pub measure: IncidentMeasure,
    pub reason: Bilingual,
    pub notice: NoticeText,
}

/// The incident with the decision kept, and the entry with its notice (and new status).
#[derive(Debug, Clone, PartialEq)]
pub struct Decided {
    pub incident: Change<Incident>,
    pub entry: Change<RegistryEntry>,
}

/// Decides `decision` on `incident` of `entry`; only the operator's administrators do.
pub fn decide(
    incident: &Incident,
    entry: &RegistryEntry,
    decision: MeasureDecision,
    by: &Member,
    at: Moment,
) -> Result<Decided, Refusal> {
    if !by.is_operator_admin() {
        return Err(Refusal::NotAllowed(NotAllowed::NotAnAdministrator));
    }
    let entry = match decision.measure.status_move() {
        Some(change) => registry_status::change_status(
            entry,
            change,
            StatusDecision {
                reason: decision.reason.clone(),
                notice: decision.notice,
                remarks: None,
            },
            by,
            at,
        )?,
        None => {
            // No status moves, yet the decision needs its reason as much as a measure does.
            let mut problems = Problems::new();
            problems.long_text("/reason", &decision.reason);
            problems.finish()?;
            registry_status::publish_notice(entry, NoticeKind::Measure, decision.notice, by, at)?
        }
    };
    let mut next = incident.clone();
    next.decisions.push(Decision {
        measure: decision.measure,
        reason: decision.reason,
        by: by.user_id.clone(),
        at_ms: at.at_ms,
        on: at.date(),
    });
    let event = WorkflowEvent::new(by, at, DECIDED, &next.id, json!({ "incident": next }));
    Ok(Decided {
        incident: Change { state: next, event },
        entry,
    })
}
