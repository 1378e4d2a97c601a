//! The evaluation of the provider's internal audit (the CS Gold model): the kind of audit that
//! supports level 1. Instead of the three phases, the auditors evaluate the provider's own
//! internal audit report (its period, its scope, whether it can be relied on) and re-perform a
//! sample of the selected controls. The sample's size is fixed by rule — a tenth of the selected
//! controls rounded up, at least [`MIN_REPERFORMED`], never more than there are — and its seed
//! comes from the signed log at the evaluation's event, so neither party could choose it.

use serde::{Deserialize, Serialize};

use super::operation::{LogPoint, sample_seed};
use super::reliance::check_relied_report;
use super::{Judged, audit_change, check_working};
use crate::audit_kind::AuditKind;
use crate::policy::Member;
use crate::registry::Period;
use crate::sampling::{Frequency, SampleCase, sample};
use crate::text::Bilingual;
use crate::workflow::audit::Audit;
use crate::workflow::fields::Problems;
use crate::workflow::statement::Statement;
use crate::workflow::{Change, Conflict, Moment, Refusal};

/// The fewest controls re-performed (all of them when fewer are selected).
pub const MIN_REPERFORMED: u64 = 5;

/// The internal audit's papers, kept on the audit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InternalAuditPaper {
    pub report: InternalAuditReport,
    /// Whether the internal audit can be relied on, and why.
    pub reliable: bool,
    pub reason: Bilingual,
    #[serde(flatten)]
    pub judged: Judged,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sample: Option<ReperformanceSample>,
    /// A result per re-performed control, in the sample's order of recording.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub results: Vec<Reperformed>,
}

/// The provider's internal audit report as the auditors read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InternalAuditReport {
    /// The report's number or title.
    pub reference: String,
    /// Who carried out the internal audit (a department, a named firm).
    pub performed_by: String,
    pub period: Period,
    pub scope: Bilingual,
    /// The services its scope covers, by id: the audited one among them.
    pub covers: Vec<String>,
}

/// The controls drawn for re-performance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReperformanceSample {
    /// The log point the seed comes from: the evaluation's event.
    pub from: LogPoint,
    pub seed: u64,
    /// The statement version whose selected controls were drawn from, and how many it selected.
    pub statement: String,
    pub selected: u64,
    /// The drawn controls, in the statement's order.
    pub controls: Vec<String>,
    #[serde(flatten)]
    pub drawn: Judged,
}

/// One control re-performed by the auditors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reperformed {
    pub control: String,
    pub passed: bool,
    pub reason: Bilingual,
    #[serde(flatten)]
    pub judged: Judged,
}

impl InternalAuditPaper {
    /// The drawn controls that have no result yet.
    pub fn awaiting(&self) -> Vec<&str> {
        self.sample
            .as_ref()
            .map(|sample| {
                sample
                    .controls
                    .iter()
                    .filter(|control| !self.results.iter().any(|r| &r.control == *control))
                    .map(String::as_str)
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The re-performed controls that failed.
    pub fn failed(&self) -> Vec<&str> {
        self.results
            .iter()
            .filter(|result| !result.passed)
            .map(|result| result.control.as_str())
            .collect()
    }

    /// Whether the evaluation is complete: judged, sampled, every drawn control re-performed.
    pub fn is_complete(&self) -> bool {
        self.sample.is_some() && self.awaiting().is_empty()
    }

    /// Why `control` cannot be concluded conformant on this evaluation: the internal audit was
    /// judged unreliable, or the control's re-performance failed.
    pub fn bars_conformance(&self, control: &str) -> Option<Bilingual> {
        if !self.reliable {
            return Some(Bilingual::new(
                format!(
                    "内部監査（{}）は依拠できないと評価されたため、{control} を適合とできません",
                    self.report.reference
                ),
                format!(
                    "the internal audit ({}) was judged unreliable, so {control} cannot be concluded conformant",
                    self.report.reference
                ),
            ));
        }
        self.results
            .iter()
            .any(|result| result.control == control && !result.passed)
            .then(|| {
                Bilingual::new(
                    format!("{control} の再実施で不備が見つかっています"),
                    format!("the re-performance of {control} failed"),
                )
            })
    }
}

/// How many of `selected` controls are re-performed.
pub fn reperformance_size(selected: u64) -> u64 {
    selected.div_ceil(10).max(MIN_REPERFORMED).min(selected)
}

/// The controls a re-performance sample draws from the statement's selected ones (in the
/// statement's order), seeded by `seed`.
pub fn draw_controls(selected: &[String], seed: u64) -> Vec<String> {
    let population = selected.len() as u64;
    let drawn = sample(&SampleCase {
        frequency: Frequency::Annual,
        population,
        seed,
        table: vec![(Frequency::Annual, reperformance_size(population))],
    });
    drawn
        .items
        .iter()
        .filter_map(|item| usize::try_from(item - 1).ok())
        .filter_map(|index| selected.get(index).cloned())
        .collect()
}

/// What the auditors record of the internal audit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InternalAuditInput {
    pub report: InternalAuditReport,
    pub reliable: bool,
    pub reason: Bilingual,
}

/// Only an evaluation of the internal audit has these papers.
fn check_kind(audit: &Audit) -> Result<(), Refusal> {
    if audit.kind == AuditKind::InternalAuditEvaluation {
        Ok(())
    } else {
        Err(Refusal::Conflict(Conflict::WrongAuditKind {
            audit: audit.id.clone(),
            kind: audit.kind.code(),
        }))
    }
}

/// An auditor records the internal audit report and whether it can be relied on. It may be
/// recorded again until the re-performance sample is drawn, which rests on it.
pub fn evaluate_internal_audit(
    audit: &Audit,
    input: InternalAuditInput,
    by: &Member,
    at: Moment,
) -> Result<Change<Audit>, Refusal> {
    check_working(audit, by)?;
    check_kind(audit)?;
    if audit
        .internal_audit
        .as_ref()
        .is_some_and(|p| p.sample.is_some())
    {
        return Err(Refusal::Conflict(Conflict::ReperformanceDrawn {
            audit: audit.id.clone(),
        }));
    }
    let report = &input.report;
    let mut problems = Problems::new();
    check_relied_report(
        &mut problems,
        audit,
        [
            ("/reference", &report.reference),
            ("/performed_by", &report.performed_by),
        ],
        report.period,
        &report.scope,
        &report.covers,
    );
    problems.long_text("/reason", &input.reason);
    problems.finish()?;
    let paper = InternalAuditPaper {
        report: input.report,
        reliable: input.reliable,
        reason: input.reason,
        judged: Judged::now(by, at),
        sample: None,
        results: Vec::new(),
    };
    Ok(with_paper(audit, paper, "audit.internal_audit", by, at))
}

/// An auditor draws the controls to re-perform, once, seeded from the log point of the
/// evaluation's event (`evaluated_at`).
pub fn draw_reperformance(
    audit: &Audit,
    statement: &Statement,
    evaluated_at: &LogPoint,
    by: &Member,
    at: Moment,
) -> Result<Change<Audit>, Refusal> {
    check_working(audit, by)?;
    check_kind(audit)?;
    let Some(paper) = audit.internal_audit.as_ref() else {
        return Err(Refusal::Conflict(Conflict::InternalAuditNotEvaluated {
            audit: audit.id.clone(),
        }));
    };
    if paper.sample.is_some() {
        return Err(Refusal::Conflict(Conflict::ReperformanceDrawn {
            audit: audit.id.clone(),
        }));
    }
    let selected = selected_controls(statement);
    let seed = sample_seed(&audit.id, super::REPERFORMANCE, 1, evaluated_at);
    let paper = InternalAuditPaper {
        sample: Some(ReperformanceSample {
            from: evaluated_at.clone(),
            seed,
            statement: statement.id.clone(),
            selected: selected.len() as u64,
            controls: draw_controls(&selected, seed),
            drawn: Judged::now(by, at),
        }),
        ..paper.clone()
    };
    Ok(with_paper(audit, paper, "audit.reperformance.draw", by, at))
}

/// An auditor records the result of re-performing a drawn control (again, to correct it).
pub fn record_reperformance(
    audit: &Audit,
    control: &str,
    passed: bool,
    reason: Bilingual,
    by: &Member,
    at: Moment,
) -> Result<Change<Audit>, Refusal> {
    check_working(audit, by)?;
    check_kind(audit)?;
    let Some(paper) = audit.internal_audit.as_ref() else {
        return Err(Refusal::Conflict(Conflict::InternalAuditNotEvaluated {
            audit: audit.id.clone(),
        }));
    };
    let drawn = paper
        .sample
        .as_ref()
        .is_some_and(|sample| sample.controls.iter().any(|c| c == control));
    if !drawn {
        return Err(Refusal::Conflict(Conflict::ControlNotReperformed {
            control: control.to_owned(),
        }));
    }
    let mut problems = Problems::new();
    problems.long_text("/reason", &reason);
    problems.finish()?;
    let mut paper = paper.clone();
    paper.results.retain(|result| result.control != control);
    paper.results.push(Reperformed {
        control: control.to_owned(),
        passed,
        reason,
        judged: Judged::now(by, at),
    });
    Ok(with_paper(
        audit,
        paper,
        "audit.reperformance.result",
        by,
        at,
    ))
}

fn with_paper(
    audit: &Audit,
    paper: InternalAuditPaper,
    action: &'static str,
    by: &Member,
    at: Moment,
) -> Change<Audit> {
    let audit = Audit {
        internal_audit: Some(paper),
        updated_at_ms: at.at_ms,
        ..audit.clone()
    };
    audit_change(audit, action, by, at)
}

/// The selected controls of `statement`, in its order: what a re-performance sample draws from.
pub fn selected_controls(statement: &Statement) -> Vec<String> {
    statement
        .content
        .selected
        .iter()
        .map(|entry| entry.control.clone())
        .collect()
}
