//! The working papers (監査調書) of an audit: what the auditors judged, control by control, in the
//! three phases — fair presentation, design, operation — and the evidence behind it. Each
//! control's papers are one [`ControlWork`]; populations, evidence and requests for evidence are
//! aggregates of their own, because they grow large or are written by the provider.
//!
//! Everything here is written while the audit is in progress and never after it is signed:
//! the transitions check that first ([`check_working`]).

mod design;
mod evidence;
mod fair;
mod internal_audit;
mod operation;
mod population;
mod progress;
mod reliance;
mod report_lines;
mod requests;
mod results;
mod sample_check;

pub use design::{DesignInput, DesignJudgement, Equivalence, free_technologies, judge_design};
pub use evidence::{
    Evidence, EvidenceContent, EvidenceMethod, MAX_EVIDENCE_BYTES, NewEvidence, Withdrawal,
    add_evidence, evidence_id, withdraw_evidence,
};
pub use fair::{
    ExaminedVersion, FairInput, FairJudgement, FairSubject, FairVerdict, GovernanceJudgement,
    continue_on, judge_fair, judge_governance,
};
pub use internal_audit::{
    InternalAuditInput, InternalAuditPaper, InternalAuditReport, MIN_REPERFORMED,
    ReperformanceSample, Reperformed, draw_controls, draw_reperformance, evaluate_internal_audit,
    record_reperformance, reperformance_size, selected_controls,
};
pub use operation::{
    DrawnSample, ItemResult, LogPoint, OperationWork, PopulationSummary, SampledItem, draw_items,
    draw_sample, record_item, sample_seed, set_frequency,
};
pub use population::{
    MAX_OCCURRENCES, Occurrence, Population, freeze_population, population_sha256,
};
pub use progress::{PhaseProgress, Progress};
pub use reliance::{Reliance, RelianceInput, RelianceKind, rely};
pub use report_lines::{ControlWorkLine, RelianceLine, report_lines};
pub use requests::{EvidenceRequest, NewRequest, RequestStatus, answer_request, ask, request_id};
pub use results::{ControlResults, DesignResult, OperationResult, PhaseResults};
pub use sample_check::{REPERFORMANCE, SampleCheck, check_reperformance, check_samples};

use serde::{Deserialize, Serialize};
use serde_json::json;

use super::audit::{Audit, AuditStatus};
use super::audit_body::is_auditor_of;
use super::{Change, Conflict, Moment, NotAllowed, Refusal, WorkflowEvent};
use crate::policy::Member;

/// The papers of one control of one audit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ControlWork {
    /// `{audit}/{control}`.
    pub id: String,
    pub audit: String,
    pub control: String,
    pub service: String,
    pub provider: String,
    pub audit_body: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fair: Option<FairJudgement>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub design: Option<DesignJudgement>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operation: Option<OperationWork>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reliance: Option<Reliance>,
    pub updated_at_ms: i64,
}

/// The id of a control's papers in an audit.
pub fn work_id(audit: &str, control: &str) -> String {
    format!("{audit}/{control}")
}

impl ControlWork {
    /// Empty papers for a control, or a copy of the existing ones.
    pub fn of(audit: &Audit, control: &str, existing: Option<&ControlWork>) -> ControlWork {
        existing.cloned().unwrap_or_else(|| ControlWork {
            id: work_id(&audit.id, control),
            audit: audit.id.clone(),
            control: control.to_owned(),
            service: audit.service.clone(),
            provider: audit.provider.clone(),
            audit_body: audit.audit_body.clone(),
            fair: None,
            design: None,
            operation: None,
            reliance: None,
            updated_at_ms: 0,
        })
    }

    /// The status column lists keep: how far the control's work has gone.
    pub fn stage(&self) -> &'static str {
        if self.operation.is_some() || self.reliance.is_some() {
            "operation"
        } else if self.design.is_some() {
            "design"
        } else {
            "fair_presentation"
        }
    }
}

/// Who judged and when, kept with every judgement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Judged {
    pub by: String,
    pub at_ms: i64,
}

impl Judged {
    pub fn now(by: &Member, at: Moment) -> Judged {
        Judged {
            by: by.user_id.clone(),
            at_ms: at.at_ms,
        }
    }
}

/// Papers are written by an auditor of the audit's body while the audit is in progress.
pub(crate) fn check_working(audit: &Audit, by: &Member) -> Result<(), Refusal> {
    if !is_auditor_of(by, &audit.audit_body) {
        return Err(Refusal::NotAllowed(NotAllowed::NotTheAuditBody));
    }
    check_open(audit)
}

/// The three phases (and reliance, which stands in for a sample) are the full audit's work: an
/// evaluation of the internal audit re-performs controls instead.
pub(crate) fn check_phases(audit: &Audit) -> Result<(), Refusal> {
    if audit.kind.is_three_phase() {
        Ok(())
    } else {
        Err(Refusal::Conflict(Conflict::WrongAuditKind {
            audit: audit.id.clone(),
            kind: audit.kind.code(),
        }))
    }
}

/// Nothing of an audit's papers changes unless it is in progress: after signing they are
/// read-only for good.
pub(crate) fn check_open(audit: &Audit) -> Result<(), Refusal> {
    if audit.status != AuditStatus::InProgress {
        return Err(Refusal::Conflict(Conflict::AuditNotInProgress {
            audit: audit.id.clone(),
        }));
    }
    Ok(())
}

/// A change of the audit itself made by its papers (governance, versions examined, the
/// internal audit's evaluation), as the audit's own event.
pub(crate) fn audit_change(
    audit: Audit,
    action: &'static str,
    by: &Member,
    at: Moment,
) -> Change<Audit> {
    let event = WorkflowEvent::new(by, at, action, &audit.id, json!({ "audit": audit }));
    Change {
        state: audit,
        event,
    }
}

pub(crate) fn recorded(
    mut work: ControlWork,
    action: &'static str,
    by: &Member,
    at: Moment,
) -> Change<ControlWork> {
    work.updated_at_ms = at.at_ms;
    let event = WorkflowEvent::new(by, at, action, &work.id, json!({ "work": work }));
    Change { state: work, event }
}

#[cfg(test)]
mod tests;
