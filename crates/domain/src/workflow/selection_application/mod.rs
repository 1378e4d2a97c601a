//! An audit body's application to be selected (選定申請): the body declares its corporate facts,
//! its quality control, its rules for subcontracting, its independence and its auditors (who
//! would sign); an administrator of the operator decides with the `selection` rule. Selecting
//! writes the body's record (validity by the rule) and its auditors' profiles, so that audits
//! can be ordered from it and its signing auditors named.

mod facts;

pub use facts::{BodyFacts, DeclaredAuditor, MAX_DECLARED_AUDITORS};

use serde::{Deserialize, Serialize};
use serde_json::json;

use super::audit_body::{
    AuditBodyRecord, AuditorProfile, is_auditor_of, record_auditor, record_selection,
};
use super::fields::Problems;
use super::{Change, Conflict, Moment, NotAllowed, Refusal, WorkflowEvent};
use crate::case::bounds::MAX_TEXT_CHARS;
use crate::date::CalendarDate;
use crate::policy::Member;
use crate::registration::AuditBodyStatus;
use crate::selection::{self, Decision, SelectionCase, SelectionOutcome, SelectionRequirements};
use crate::text::Bilingual;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SelectionApplicationStatus {
    /// Waiting for the operator's decision.
    Submitted,
    Selected,
    Rejected,
}

impl SelectionApplicationStatus {
    pub const ALL: [SelectionApplicationStatus; 3] = [
        SelectionApplicationStatus::Submitted,
        SelectionApplicationStatus::Selected,
        SelectionApplicationStatus::Rejected,
    ];

    pub fn code(self) -> &'static str {
        match self {
            SelectionApplicationStatus::Submitted => "submitted",
            SelectionApplicationStatus::Selected => "selected",
            SelectionApplicationStatus::Rejected => "rejected",
        }
    }

    pub fn from_code(code: &str) -> Option<SelectionApplicationStatus> {
        SelectionApplicationStatus::ALL
            .into_iter()
            .find(|status| status.code() == code)
    }

    pub fn title(self) -> Bilingual {
        match self {
            SelectionApplicationStatus::Submitted => Bilingual::new("審査待ち", "Submitted"),
            SelectionApplicationStatus::Selected => Bilingual::new("選定", "Selected"),
            SelectionApplicationStatus::Rejected => Bilingual::new("不選定", "Rejected"),
        }
    }
}

/// A finding of the rule as recorded with the decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordedFinding {
    pub code: String,
    pub subject: String,
    pub message: Bilingual,
}

/// The operator's decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SelectionDecision {
    pub decided_on: CalendarDate,
    pub selected: bool,
    pub valid_from: Option<CalendarDate>,
    pub valid_until: Option<CalendarDate>,
    /// The users among the declared signing auditors who meet every requirement.
    pub qualified_signing_auditors: Vec<String>,
    /// What the rule found, as it found it on the day of the decision.
    pub findings: Vec<RecordedFinding>,
    pub reason: Bilingual,
    pub decided_by: String,
    pub decided_at_ms: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SelectionApplication {
    pub id: String,
    /// The audit body's organisation id.
    pub org: String,
    pub status: SelectionApplicationStatus,
    pub facts: BodyFacts,
    pub submitted_by: String,
    pub submitted_at_ms: i64,
    pub decision: Option<SelectionDecision>,
    pub updated_at_ms: i64,
}

/// An auditor of the body applies for it. A body has one application open at a time.
pub fn apply(
    id: String,
    org: &str,
    facts: BodyFacts,
    open: Option<&SelectionApplication>,
    by: &Member,
    at: Moment,
) -> Result<Change<SelectionApplication>, Refusal> {
    if !is_auditor_of(by, org) {
        return Err(Refusal::NotAllowed(NotAllowed::NotTheAuditBody));
    }
    let mut problems = Problems::new();
    problems.id("/id", &id);
    facts.check(&mut problems);
    problems.finish()?;
    if let Some(open) = open.filter(|open| open.status == SelectionApplicationStatus::Submitted) {
        return Err(Refusal::Conflict(Conflict::SelectionApplicationOpen {
            application: open.id.clone(),
        }));
    }
    let application = SelectionApplication {
        id,
        org: org.to_owned(),
        status: SelectionApplicationStatus::Submitted,
        facts,
        submitted_by: by.user_id.clone(),
        submitted_at_ms: at.at_ms,
        decision: None,
        updated_at_ms: at.at_ms,
    };
    let event = WorkflowEvent::new(
        by,
        at,
        "selection_application.submit",
        &application.id,
        json!({ "application": application }),
    );
    Ok(Change {
        state: application,
        event,
    })
}

/// The case the `selection` rule decides for `application` on `decided_on`: each declared
/// auditor goes by its user id, so the rule's list of qualified signing auditors names users.
pub fn case_of(
    application: &SelectionApplication,
    requirements: &SelectionRequirements,
    decided_on: CalendarDate,
) -> SelectionCase {
    SelectionCase {
        decided_on,
        requirements: requirements.clone(),
        applicant: application.facts.applicant(&application.org),
    }
}

/// The rule's answer on the application as it stands, on `day`.
pub fn review(
    application: &SelectionApplication,
    requirements: &SelectionRequirements,
    day: CalendarDate,
) -> SelectionOutcome {
    selection::decide(&case_of(application, requirements, day))
}

/// Everything a decision to select writes: the application, the body's record and a profile
/// for each declared auditor.
#[derive(Debug, Clone)]
pub struct Selected {
    pub application: Change<SelectionApplication>,
    pub record: Change<AuditBodyRecord>,
    pub profiles: Vec<Change<AuditorProfile>>,
}

/// What a decision writes.
#[derive(Debug, Clone)]
pub enum Decided {
    Selected(Box<Selected>),
    Rejected(Box<Change<SelectionApplication>>),
}

/// An administrator decides the application with the rule on the day of the decision. Selecting
/// is refused while the rule does not answer `select`; rejecting is open whatever it answers.
/// A selection keeps the measures taken against the body before (`before`).
pub fn decide(
    application: &SelectionApplication,
    requirements: &SelectionRequirements,
    select: bool,
    reason: Bilingual,
    before: Option<&AuditBodyRecord>,
    by: &Member,
    at: Moment,
) -> Result<Decided, Refusal> {
    if !by.is_operator_admin() {
        return Err(Refusal::NotAllowed(NotAllowed::NotAnAdministrator));
    }
    let mut problems = Problems::new();
    problems.required_text("/reason", &reason, MAX_TEXT_CHARS);
    problems.finish()?;
    if application.status != SelectionApplicationStatus::Submitted {
        return Err(Refusal::Conflict(Conflict::SelectionApplicationDecided {
            application: application.id.clone(),
        }));
    }
    let day = at.date();
    let outcome = review(application, requirements, day);
    if select && outcome.decision != Decision::Select {
        return Err(Refusal::Conflict(Conflict::RuleDoesNotSelect));
    }
    let decision = SelectionDecision {
        decided_on: day,
        selected: select,
        valid_from: outcome.valid_from.filter(|_| select),
        valid_until: outcome.valid_until.filter(|_| select),
        qualified_signing_auditors: outcome.qualified_signing_auditors.clone(),
        findings: outcome
            .findings
            .iter()
            .map(|finding| RecordedFinding {
                code: finding.code.as_str().to_owned(),
                subject: finding.subject.clone(),
                message: finding.message.clone(),
            })
            .collect(),
        reason,
        decided_by: by.user_id.clone(),
        decided_at_ms: at.at_ms,
    };
    let mut decided = application.clone();
    decided.status = if select {
        SelectionApplicationStatus::Selected
    } else {
        SelectionApplicationStatus::Rejected
    };
    decided.decision = Some(decision.clone());
    decided.updated_at_ms = at.at_ms;
    let event = WorkflowEvent::new(
        by,
        at,
        "selection_application.decide",
        &decided.id,
        json!({ "application": decided }),
    );
    let change = Change {
        state: decided,
        event,
    };
    let (Some(valid_from), Some(valid_until)) = (decision.valid_from, decision.valid_until) else {
        return Ok(Decided::Rejected(Box::new(change)));
    };
    let record = record_selection(
        AuditBodyRecord {
            org: application.org.clone(),
            status: AuditBodyStatus::Selected,
            valid_from: renewed_from(before, valid_from),
            valid_until,
            measures: Vec::new(),
            status_reports: Vec::new(),
        },
        before,
        by,
        at,
    )?;
    let profiles = application
        .facts
        .auditors
        .iter()
        .map(|auditor| {
            let may_sign =
                auditor.signing && decision.qualified_signing_auditors.contains(&auditor.user);
            record_auditor(auditor.profile(&application.org, may_sign), by, at)
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Decided::Selected(Box::new(Selected {
        application: change,
        record,
        profiles,
    })))
}

/// A selection that continues one in force without a gap starts when that one started, so that
/// an audit whose period spans the renewal still finds the body selected on every day of it.
fn renewed_from(before: Option<&AuditBodyRecord>, valid_from: CalendarDate) -> CalendarDate {
    match before {
        Some(record)
            if record.status == AuditBodyStatus::Selected
                && record.valid_from <= valid_from
                && valid_from
                    .day_before()
                    .is_some_and(|eve| eve <= record.valid_until) =>
        {
            record.valid_from
        }
        _ => valid_from,
    }
}

#[cfg(test)]
mod tests;
