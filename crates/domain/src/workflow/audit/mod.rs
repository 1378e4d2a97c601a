//! An audit (監査) of one submitted statement by one selected audit body, over a period of at
//! most twelve months: ordered by the provider, accepted by the body (which names its signing
//! auditor), concluded control by control, and signed — after which its report never changes.

mod conclusions;

pub use conclusions::{
    Conclusions, ControlConclusion, ObjectiveConclusion, objectives_of_selected,
    selected_objectives,
};

use serde::{Deserialize, Serialize};
use serde_json::json;

use super::audit_body::{AuditBodyRecord, AuditorProfile, is_auditor_of};
use super::fields::Problems;
use super::report::{AuditReport, Papers};
use super::service::{Service, acts_for_provider};
use super::statement::{Statement, StatementStatus};
use super::working_papers::{
    ExaminedVersion, GovernanceJudgement, InternalAuditPaper, PhaseResults,
};
use super::{Change, Conflict, FieldError, Moment, NotAllowed, Refusal, WorkflowEvent};
use crate::audit_kind::AuditKind;
use crate::case::bounds::MAX_TEXT_CHARS;
use crate::criteria::CriteriaVersion;
use crate::date::CalendarDate;
use crate::level::Level;
use crate::policy::Member;
use crate::registration::AuditorRequirements;
use crate::registry::Period;
use crate::text::Bilingual;

/// The longest audit period, in calendar months.
pub const MAX_PERIOD_MONTHS: u32 = 12;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuditStatus {
    /// Ordered by the provider, waiting for the audit body.
    Requested,
    /// The audit body turned it down.
    Declined,
    /// Accepted: the auditors are at work.
    InProgress,
    /// The report is signed and never changes again.
    Signed,
}

impl AuditStatus {
    pub const ALL: [AuditStatus; 4] = [
        AuditStatus::Requested,
        AuditStatus::Declined,
        AuditStatus::InProgress,
        AuditStatus::Signed,
    ];

    pub fn code(self) -> &'static str {
        match self {
            AuditStatus::Requested => "requested",
            AuditStatus::Declined => "declined",
            AuditStatus::InProgress => "in_progress",
            AuditStatus::Signed => "signed",
        }
    }

    pub fn from_code(code: &str) -> Option<AuditStatus> {
        AuditStatus::ALL
            .into_iter()
            .find(|status| status.code() == code)
    }

    pub fn title(self) -> Bilingual {
        match self {
            AuditStatus::Requested => Bilingual::new("受諾待ち", "Requested"),
            AuditStatus::Declined => Bilingual::new("辞退", "Declined"),
            AuditStatus::InProgress => Bilingual::new("実施中", "In progress"),
            AuditStatus::Signed => Bilingual::new("署名済み", "Signed"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Audit {
    pub id: String,
    pub service: String,
    /// The provider organisation that ordered it.
    pub provider: String,
    /// The audited statement and, since it is frozen, what it was written against.
    pub statement: String,
    pub statement_version: u32,
    pub criteria_version: String,
    pub target_level: Level,
    /// The audit body's organisation id.
    pub audit_body: String,
    pub period: Period,
    /// The service's scope when the audit was ordered.
    pub audited_scope: Bilingual,
    pub status: AuditStatus,
    pub requested_at_ms: i64,
    /// Why the body declined, when it did.
    pub declined_reason: Option<Bilingual>,
    /// The user the body named to sign.
    pub signing_auditor: Option<String>,
    pub conclusions: Conclusions,
    pub report_sha256: Option<String>,
    pub signed_at_ms: Option<i64>,
    pub signed_on: Option<CalendarDate>,
    pub updated_at_ms: i64,
    /// Every statement version the audit looked at, in order (audits stored before versions
    /// were kept list none: see [`Audit::examined_versions`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub examined: Vec<ExaminedVersion>,
    /// Fair presentation of governance, with the provider's own evaluation of it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub governance: Option<GovernanceJudgement>,
    /// The full audit, or the evaluation of the provider's internal audit (level 1 only).
    /// Left out of the stored form when it is the full audit, so that audits stored before
    /// the kind existed read and write the same.
    #[serde(default, skip_serializing_if = "AuditKind::is_three_phase")]
    pub kind: AuditKind,
    /// An evaluation of the internal audit: the report evaluated and the controls re-performed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub internal_audit: Option<InternalAuditPaper>,
}

impl Audit {
    /// The statement versions looked at: those recorded, or else the audited one alone.
    pub fn examined_versions(&self) -> Vec<ExaminedVersion> {
        if self.examined.is_empty() {
            vec![ExaminedVersion {
                statement: self.statement.clone(),
                version: self.statement_version,
                since_ms: self.requested_at_ms,
            }]
        } else {
            self.examined.clone()
        }
    }
}

/// What the provider asks for when ordering an audit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Order {
    pub id: String,
    pub audit_body: String,
    pub period_start: CalendarDate,
    pub period_end: CalendarDate,
    pub kind: AuditKind,
}

/// The provider orders an audit of a submitted statement of its service from an audit body
/// that is selected today.
pub fn order(
    order: Order,
    service: &Service,
    statement: &Statement,
    body: Option<&AuditBodyRecord>,
    by: &Member,
    at: Moment,
) -> Result<Change<Audit>, Refusal> {
    if !acts_for_provider(by, &service.provider) {
        return Err(Refusal::NotAllowed(NotAllowed::NotTheProvider));
    }
    let mut problems = Problems::new();
    problems.id("/id", &order.id);
    if statement.service != service.id {
        problems.push(
            "/statement",
            "other_service",
            Bilingual::new(
                format!(
                    "言明書 {} はサービス {} のものではありません",
                    statement.id, service.id
                ),
                format!(
                    "statement {} is not of service {}",
                    statement.id, service.id
                ),
            ),
        );
    }
    match body {
        Some(body) if body.selected_on(at.date()) => {}
        _ => problems.push(
            "/audit_body",
            "not_selected",
            Bilingual::new(
                format!(
                    "{} は現在選定されている監査機関ではありません",
                    order.audit_body
                ),
                format!("{} is not an audit body selected today", order.audit_body),
            ),
        ),
    }
    check_period(&mut problems, order.period_start, order.period_end);
    if statement.target_level > order.kind.highest_level() {
        problems.push(
            "/kind",
            "kind_below_level",
            Bilingual::new(
                format!(
                    "内部監査の評価はレベル1の登録にしか使えません（言明書はレベル{}）",
                    statement.target_level
                ),
                format!(
                    "an evaluation of the internal audit supports level 1 only (the statement is for level {})",
                    statement.target_level
                ),
            ),
        );
    }
    problems.finish()?;
    if statement.status != StatementStatus::Submitted {
        return Err(Refusal::Conflict(Conflict::StatementNotSubmitted {
            statement: statement.id.clone(),
        }));
    }
    let audit = Audit {
        id: order.id,
        service: service.id.clone(),
        provider: service.provider.clone(),
        statement: statement.id.clone(),
        statement_version: statement.version,
        criteria_version: statement.criteria_version.clone(),
        target_level: statement.target_level,
        audit_body: order.audit_body,
        period: Period {
            start: order.period_start,
            end: order.period_end,
        },
        audited_scope: service.details.scope.clone(),
        status: AuditStatus::Requested,
        requested_at_ms: at.at_ms,
        declined_reason: None,
        signing_auditor: None,
        conclusions: Conclusions::default(),
        report_sha256: None,
        signed_at_ms: None,
        signed_on: None,
        updated_at_ms: at.at_ms,
        examined: vec![ExaminedVersion {
            statement: statement.id.clone(),
            version: statement.version,
            since_ms: at.at_ms,
        }],
        governance: None,
        kind: order.kind,
        internal_audit: None,
    };
    Ok(recorded(audit, "audit.order", by, at))
}

/// An evaluation of the internal audit is signed once the internal audit is evaluated and every
/// control drawn for re-performance has its result.
fn check_evaluation_complete(audit: &Audit) -> Result<(), Refusal> {
    let Some(paper) = &audit.internal_audit else {
        return Err(Refusal::Conflict(Conflict::InternalAuditNotEvaluated {
            audit: audit.id.clone(),
        }));
    };
    if paper.is_complete() {
        return Ok(());
    }
    Err(Refusal::Conflict(Conflict::ReperformanceIncomplete {
        audit: audit.id.clone(),
        missing: paper.awaiting().into_iter().map(str::to_owned).collect(),
    }))
}

/// A period runs forwards and lasts at most twelve months: its last day falls before the day
/// twelve months after its first.
fn check_period(problems: &mut Problems, start: CalendarDate, end: CalendarDate) {
    if end < start {
        problems.push(
            "/period_end",
            "period_reversed",
            Bilingual::new(
                "監査期間の終了日が開始日より前です",
                "the audit period ends before it starts",
            ),
        );
        return;
    }
    let limit = start.add_months_clamped(MAX_PERIOD_MONTHS);
    if limit.is_none_or(|limit| end >= limit) {
        problems.push(
            "/period_end",
            "period_too_long",
            Bilingual::new(
                format!("監査期間は {MAX_PERIOD_MONTHS} か月以内にしてください（{start}〜{end}）"),
                format!(
                    "an audit period lasts at most {MAX_PERIOD_MONTHS} months ({start} to {end})"
                ),
            ),
        );
    }
}

/// An auditor of the body accepts the audit and names the signing auditor, who must be one of
/// its auditors with the signing role who meets the requirements.
pub fn accept(
    audit: &Audit,
    signer: Option<&AuditorProfile>,
    signer_id: &str,
    required: &AuditorRequirements,
    by: &Member,
    at: Moment,
) -> Result<Change<Audit>, Refusal> {
    if !is_auditor_of(by, &audit.audit_body) {
        return Err(Refusal::NotAllowed(NotAllowed::NotTheAuditBody));
    }
    if audit.status != AuditStatus::Requested {
        return Err(Refusal::Conflict(Conflict::AuditNotRequested {
            audit: audit.id.clone(),
        }));
    }
    let gaps: Vec<Bilingual> = match signer {
        Some(profile) if profile.user == signer_id => profile
            .signing_gaps(&audit.audit_body, required)
            .iter()
            .map(|gap| gap.message())
            .collect(),
        _ => vec![Bilingual::new(
            "監査人として登録されていません",
            "is not a registered auditor",
        )],
    };
    if !gaps.is_empty() {
        return Err(Refusal::Invalid(vec![FieldError::new(
            "/signing_auditor",
            "not_a_qualified_signer",
            Bilingual::new(
                format!(
                    "{signer_id} は署名監査人に指名できません: {}",
                    gaps.iter()
                        .map(|g| g.ja.as_str())
                        .collect::<Vec<_>>()
                        .join("。")
                ),
                format!(
                    "{signer_id} cannot be named signing auditor: {}",
                    gaps.iter()
                        .map(|g| g.en.as_str())
                        .collect::<Vec<_>>()
                        .join("; ")
                ),
            ),
        )]));
    }
    let audit = Audit {
        status: AuditStatus::InProgress,
        signing_auditor: Some(signer_id.to_owned()),
        updated_at_ms: at.at_ms,
        ..audit.clone()
    };
    Ok(recorded(audit, "audit.accept", by, at))
}

/// An auditor of the body turns the audit down, with a reason.
pub fn decline(
    audit: &Audit,
    reason: Bilingual,
    by: &Member,
    at: Moment,
) -> Result<Change<Audit>, Refusal> {
    if !is_auditor_of(by, &audit.audit_body) {
        return Err(Refusal::NotAllowed(NotAllowed::NotTheAuditBody));
    }
    if audit.status != AuditStatus::Requested {
        return Err(Refusal::Conflict(Conflict::AuditNotRequested {
            audit: audit.id.clone(),
        }));
    }
    let mut problems = Problems::new();
    problems.required_text("/reason", &reason, MAX_TEXT_CHARS);
    problems.finish()?;
    let audit = Audit {
        status: AuditStatus::Declined,
        declined_reason: Some(reason),
        updated_at_ms: at.at_ms,
        ..audit.clone()
    };
    Ok(recorded(audit, "audit.decline", by, at))
}

/// An auditor of the body records the conclusions (they replace those recorded before). Each
/// names a selected control of the audited statement or one of their objectives, and no control
/// whose design or operation failed in the working papers is concluded conformant.
pub fn conclude(
    audit: &Audit,
    statement: &Statement,
    criteria: &CriteriaVersion,
    conclusions: Conclusions,
    results: &PhaseResults,
    by: &Member,
    at: Moment,
) -> Result<Change<Audit>, Refusal> {
    if !is_auditor_of(by, &audit.audit_body) {
        return Err(Refusal::NotAllowed(NotAllowed::NotTheAuditBody));
    }
    if audit.status != AuditStatus::InProgress {
        return Err(Refusal::Conflict(Conflict::AuditNotInProgress {
            audit: audit.id.clone(),
        }));
    }
    conclusions.check(statement, criteria)?;
    conclusions.check_against_work(results)?;
    let audit = Audit {
        conclusions,
        updated_at_ms: at.at_ms,
        ..audit.clone()
    };
    Ok(recorded(audit, "audit.conclude", by, at))
}

/// The named signing auditor signs: every selected objective and control has a conclusion with
/// a reason, the signer still meets the requirements today, and the report's canonical form is
/// hashed. From then on nothing of the audit changes.
pub fn sign(
    audit: &Audit,
    papers: Papers<'_>,
    criteria: &CriteriaVersion,
    signer: &AuditorProfile,
    required: &AuditorRequirements,
    by: &Member,
    at: Moment,
) -> Result<(Change<Audit>, AuditReport), Refusal> {
    if audit.signing_auditor.as_deref() != Some(by.user_id.as_str()) || signer.user != by.user_id {
        return Err(Refusal::NotAllowed(NotAllowed::NotTheSigningAuditor));
    }
    if audit.status != AuditStatus::InProgress {
        return Err(Refusal::Conflict(Conflict::AuditNotInProgress {
            audit: audit.id.clone(),
        }));
    }
    if !signer.signing_gaps(&audit.audit_body, required).is_empty() {
        return Err(Refusal::Conflict(Conflict::SignerNoLongerQualified {
            user: signer.user.clone(),
        }));
    }
    let statement = papers.statement;
    let missing = audit.conclusions.missing(statement, criteria);
    if !missing.is_empty() {
        return Err(Refusal::Conflict(Conflict::ConclusionsIncomplete {
            audit: audit.id.clone(),
            missing,
        }));
    }
    if audit.kind == AuditKind::InternalAuditEvaluation {
        check_evaluation_complete(audit)?;
    }
    // The papers may have changed since the conclusions were recorded.
    let results = PhaseResults::of(papers.work).with_internal_audit(audit.internal_audit.as_ref());
    let contradicted: Vec<String> = audit
        .conclusions
        .controls
        .iter()
        .filter(|c| c.conformant && results.bars_conformance(&c.control).is_some())
        .map(|c| c.control.clone())
        .collect();
    if !contradicted.is_empty() {
        return Err(Refusal::Conflict(Conflict::ConclusionsContradictWork {
            audit: audit.id.clone(),
            controls: contradicted,
        }));
    }
    let signed_on = at.date();
    let report = AuditReport::of(audit, papers, signer, signed_on);
    let audit = Audit {
        status: AuditStatus::Signed,
        report_sha256: Some(report.sha256()),
        signed_at_ms: Some(at.at_ms),
        signed_on: Some(signed_on),
        updated_at_ms: at.at_ms,
        ..audit.clone()
    };
    // The report as signed goes into the event too: the signer's name and qualifications are
    // those of the day of signing, which the audit alone does not keep.
    let event = WorkflowEvent::new(
        by,
        at,
        "audit.sign",
        &audit.id,
        json!({ "audit": audit, "report": report }),
    );
    Ok((
        Change {
            state: audit,
            event,
        },
        report,
    ))
}

fn recorded(audit: Audit, action: &'static str, by: &Member, at: Moment) -> Change<Audit> {
    let event = WorkflowEvent::new(by, at, action, &audit.id, json!({ "audit": audit }));
    Change {
        state: audit,
        event,
    }
}

#[cfg(test)]
pub(crate) mod tests;
