//! Fair presentation (適正表示), the first phase: does the statement present the service
//! fairly? Per control, whether its selection is necessary and sufficient for the scope, or its
//! exclusion justified; and whether governance, with the provider's own evaluation of it, is
//! effective. A challenge goes back to the provider, who answers with a new statement version
//! that the audit then continues on ([`continue_on`]); the audit keeps every version it looked at.

use serde::{Deserialize, Serialize};

use super::{ControlWork, Judged, audit_change, check_open, check_phases, check_working, recorded};
use crate::criteria::CriteriaVersion;
use crate::policy::Member;
use crate::text::Bilingual;
use crate::workflow::audit::{
    Audit, ControlConclusion, ObjectiveConclusion, objectives_of_selected,
};
use crate::workflow::fields::Problems;
use crate::workflow::service::acts_for_provider;
use crate::workflow::statement::{Statement, StatementStatus};
use crate::workflow::{Change, Conflict, Moment, NotAllowed, Refusal};

/// What a fair-presentation judgement is about: the control's selection or its exclusion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FairSubject {
    Selection,
    Exclusion,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FairVerdict {
    Accepted,
    /// Sent back to the provider with the reason.
    Challenged,
}

impl FairVerdict {
    pub const ALL: [FairVerdict; 2] = [FairVerdict::Accepted, FairVerdict::Challenged];

    pub fn code(self) -> &'static str {
        match self {
            FairVerdict::Accepted => "accepted",
            FairVerdict::Challenged => "challenged",
        }
    }

    pub fn from_code(code: &str) -> Option<FairVerdict> {
        FairVerdict::ALL.into_iter().find(|v| v.code() == code)
    }

    pub fn title(self) -> Bilingual {
        match self {
            FairVerdict::Accepted => Bilingual::new("妥当", "Accepted"),
            FairVerdict::Challenged => Bilingual::new("指摘", "Challenged"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FairJudgement {
    pub subject: FairSubject,
    pub verdict: FairVerdict,
    pub reason: Bilingual,
    /// The statement version judged: a judgement on an earlier version is judged again.
    pub statement_version: u32,
    #[serde(flatten)]
    pub judged: Judged,
}

/// What the auditor answers for one control.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FairInput {
    pub control: String,
    pub verdict: FairVerdict,
    pub reason: Bilingual,
}

/// An auditor judges one control's selection or exclusion in the statement the audit is on.
pub fn judge_fair(
    audit: &Audit,
    statement: &Statement,
    existing: Option<&ControlWork>,
    input: FairInput,
    by: &Member,
    at: Moment,
) -> Result<Change<ControlWork>, Refusal> {
    check_working(audit, by)?;
    check_phases(audit)?;
    let subject = if statement.content.selected(&input.control).is_some() {
        Some(FairSubject::Selection)
    } else if statement.content.excluded(&input.control).is_some() {
        Some(FairSubject::Exclusion)
    } else {
        None
    };
    let mut problems = Problems::new();
    problems.long_text("/reason", &input.reason);
    let Some(subject) = subject else {
        problems.push(
            "/control",
            "not_in_statement",
            Bilingual::new(
                format!(
                    "{} は言明書 {} 第 {} 版で選択も除外もされていません",
                    input.control, statement.id, statement.version
                ),
                format!(
                    "{} is neither selected nor excluded in statement {} version {}",
                    input.control, statement.id, statement.version
                ),
            ),
        );
        return Err(problems.refusal());
    };
    problems.finish()?;
    let mut work = ControlWork::of(audit, &input.control, existing);
    work.fair = Some(FairJudgement {
        subject,
        verdict: input.verdict,
        reason: input.reason,
        statement_version: statement.version,
        judged: Judged::now(by, at),
    });
    Ok(recorded(work, "audit.fair_presentation", by, at))
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GovernanceJudgement {
    pub effective: bool,
    pub reason: Bilingual,
    pub statement_version: u32,
    #[serde(flatten)]
    pub judged: Judged,
}

/// An auditor judges whether governance, with the provider's own evaluation, is effective.
pub fn judge_governance(
    audit: &Audit,
    effective: bool,
    reason: Bilingual,
    by: &Member,
    at: Moment,
) -> Result<Change<Audit>, Refusal> {
    check_working(audit, by)?;
    check_phases(audit)?;
    let mut problems = Problems::new();
    problems.long_text("/reason", &reason);
    problems.finish()?;
    let audit = Audit {
        governance: Some(GovernanceJudgement {
            effective,
            reason,
            statement_version: audit.statement_version,
            judged: Judged::now(by, at),
        }),
        updated_at_ms: at.at_ms,
        ..audit.clone()
    };
    Ok(audit_change(audit, "audit.governance", by, at))
}

/// A statement version the audit looked at, and from when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExaminedVersion {
    pub statement: String,
    pub version: u32,
    pub since_ms: i64,
}

/// The provider answers challenges with a newer submitted version of the audited statement,
/// written against the same criteria for the same level; the audit goes on with it. Conclusions
/// about controls or objectives the new version no longer selects are dropped.
pub fn continue_on(
    audit: &Audit,
    next: &Statement,
    criteria: &CriteriaVersion,
    by: &Member,
    at: Moment,
) -> Result<Change<Audit>, Refusal> {
    if !acts_for_provider(by, &audit.provider) {
        return Err(Refusal::NotAllowed(NotAllowed::NotTheProvider));
    }
    check_open(audit)?;
    let mut problems = Problems::new();
    if next.service != audit.service {
        problems.push(
            "/statement",
            "other_service",
            Bilingual::new(
                format!(
                    "言明書 {} はサービス {} のものではありません",
                    next.id, audit.service
                ),
                format!("statement {} is not of service {}", next.id, audit.service),
            ),
        );
    }
    if next.version <= audit.statement_version {
        problems.push(
            "/statement",
            "not_newer",
            Bilingual::new(
                format!(
                    "言明書 {} は第 {} 版です。監査中の第 {} 版より新しい版を指定してください",
                    next.id, next.version, audit.statement_version
                ),
                format!(
                    "statement {} is version {}: name a version newer than the audited version {}",
                    next.id, next.version, audit.statement_version
                ),
            ),
        );
    }
    if next.criteria_version != audit.criteria_version || next.target_level != audit.target_level {
        problems.push(
            "/statement",
            "other_criteria_or_level",
            Bilingual::new(
                format!(
                    "言明書 {} は管理基準 {}・レベル {} に対するものです（監査は {}・レベル {}）",
                    next.id,
                    next.criteria_version,
                    next.target_level.get(),
                    audit.criteria_version,
                    audit.target_level.get()
                ),
                format!(
                    "statement {} is written against criteria {} at level {} (the audit: {} at level {})",
                    next.id,
                    next.criteria_version,
                    next.target_level.get(),
                    audit.criteria_version,
                    audit.target_level.get()
                ),
            ),
        );
    }
    problems.finish()?;
    if next.status != StatementStatus::Submitted {
        return Err(Refusal::Conflict(Conflict::StatementNotSubmitted {
            statement: next.id.clone(),
        }));
    }
    let objectives = objectives_of_selected(&next.content, criteria);
    let mut conclusions = audit.conclusions.clone();
    conclusions
        .objectives
        .retain(|c: &ObjectiveConclusion| objectives.contains(c.objective.as_str()));
    conclusions
        .controls
        .retain(|c: &ControlConclusion| next.content.selected(&c.control).is_some());
    let mut examined = audit.examined_versions();
    examined.push(ExaminedVersion {
        statement: next.id.clone(),
        version: next.version,
        since_ms: at.at_ms,
    });
    let audit = Audit {
        statement: next.id.clone(),
        statement_version: next.version,
        examined,
        conclusions,
        updated_at_ms: at.at_ms,
        ..audit.clone()
    };
    Ok(audit_change(audit, "audit.continue_on", by, at))
}
