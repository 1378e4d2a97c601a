//! An audit body's auditors: the qualifications that decide who may sign a report.

use serde::{Deserialize, Serialize};
use serde_json::json;

use super::operator_admin;
use crate::accounts::{OrgKind, Role};
use crate::policy::Member;
use crate::registration::{AuditorGap, AuditorRequirements, SigningAuditor};
use crate::text::Bilingual;
use crate::workflow::fields::Problems;
use crate::workflow::{Change, Moment, Refusal, WorkflowEvent};

/// One auditor of an audit body: the qualifications that decide whether they may sign.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuditorProfile {
    pub user: String,
    /// The audit body the auditor works for.
    pub org: String,
    /// The name printed on reports.
    pub name: Bilingual,
    pub qualifications: Vec<String>,
    pub experience_years: u64,
    pub nationality: String,
    /// Whether the body gave the auditor the signing-auditor role.
    pub may_sign: bool,
}

impl AuditorProfile {
    /// The auditor as the registration rule reads a signing auditor.
    pub fn for_rule(&self) -> SigningAuditor {
        SigningAuditor {
            name: self.user.clone(),
            qualifications: self.qualifications.clone(),
            experience_years: self.experience_years,
            nationality: self.nationality.clone(),
        }
    }

    /// What the auditor lacks to sign for `body` under `required`; empty when they may.
    pub fn signing_gaps(&self, body: &str, required: &AuditorRequirements) -> Vec<SignerGap> {
        let mut gaps = Vec::new();
        if self.org != body {
            gaps.push(SignerGap::OtherBody);
        }
        if !self.may_sign {
            gaps.push(SignerGap::NoSigningRole);
        }
        gaps.extend(
            crate::registration::auditor_gaps(&self.for_rule(), required)
                .into_iter()
                .map(SignerGap::Requirement),
        );
        gaps
    }
}

/// Why an auditor may not sign.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignerGap {
    OtherBody,
    NoSigningRole,
    Requirement(AuditorGap),
}

impl SignerGap {
    pub fn message(&self) -> Bilingual {
        match self {
            SignerGap::OtherBody => Bilingual::new(
                "この監査機関の監査人ではありません",
                "is not an auditor of this audit body",
            ),
            SignerGap::NoSigningRole => Bilingual::new(
                "署名監査人の役割がありません",
                "does not hold the signing-auditor role",
            ),
            SignerGap::Requirement(AuditorGap::Qualification { required_any }) => Bilingual::new(
                format!(
                    "資格 {} のいずれも保有していません",
                    required_any.join("・")
                ),
                format!("holds none of {}", required_any.join(", ")),
            ),
            SignerGap::Requirement(AuditorGap::Experience { has, required }) => Bilingual::new(
                format!("実務経験 {has} 年が {required} 年に足りません"),
                format!("has {has} years of experience, fewer than {required}"),
            ),
            SignerGap::Requirement(AuditorGap::Nationality { has, required }) => Bilingual::new(
                format!("国籍が {has} で {required} ではありません"),
                format!("is of nationality {has}, not {required}"),
            ),
        }
    }
}

/// Whether `by` is an auditor (signing or not) of audit body `body`.
pub fn is_auditor_of(by: &Member, body: &str) -> bool {
    by.org_kind == OrgKind::AuditBody
        && by.org_id == body
        && (by.has(Role::Auditor) || by.has(Role::SigningAuditor))
}

/// Longest list of qualifications an auditor's profile holds.
pub const MAX_QUALIFICATIONS: usize = 50;

/// The operator records an auditor's qualifications, as the audit body declared them when it
/// applied to be selected.
pub fn record_auditor(
    profile: AuditorProfile,
    by: &Member,
    at: Moment,
) -> Result<Change<AuditorProfile>, Refusal> {
    operator_admin(by)?;
    let mut problems = Problems::new();
    problems.reference("/user", &profile.user);
    problems.reference("/org", &profile.org);
    check_auditor(&mut problems, "", &profile);
    problems.finish()?;
    let event = WorkflowEvent::new(
        by,
        at,
        "auditor.record",
        &profile.user,
        json!({ "profile": profile }),
    );
    Ok(Change {
        state: profile,
        event,
    })
}

/// The checks an auditor's name and qualifications pass wherever they are written (`prefix`
/// places them in a larger document, e.g. `/auditors/3`).
pub fn check_auditor(problems: &mut Problems, prefix: &str, profile: &AuditorProfile) {
    let at = |field: &str| format!("{prefix}{field}");
    problems.name(&at("/name"), &profile.name);
    if problems.list_size(
        &at("/qualifications"),
        profile.qualifications.len(),
        MAX_QUALIFICATIONS,
    ) {
        for (i, qualification) in profile.qualifications.iter().enumerate() {
            problems.reference(&at(&format!("/qualifications/{i}")), qualification);
        }
        problems.duplicates(profile.qualifications.iter().map(String::as_str), |i| {
            at(&format!("/qualifications/{i}"))
        });
    }
    if profile.experience_years > MAX_EXPERIENCE_YEARS {
        problems.push(
            at("/experience_years"),
            "out_of_range",
            Bilingual::new(
                format!("実務経験年数は 0〜{MAX_EXPERIENCE_YEARS} 年で入力してください"),
                format!("years of experience are 0 to {MAX_EXPERIENCE_YEARS}"),
            ),
        );
    }
    if profile.nationality.len() != 2
        || !profile.nationality.bytes().all(|b| b.is_ascii_uppercase())
    {
        problems.push(
            at("/nationality"),
            "invalid_country",
            Bilingual::new(
                "国籍は ISO 3166 の 2 文字（例: JP）で入力してください",
                "nationality is an ISO 3166 two-letter code, e.g. JP",
            ),
        );
    }
}

/// The most years of experience an auditor's profile may state.
pub const MAX_EXPERIENCE_YEARS: u64 = 80;
