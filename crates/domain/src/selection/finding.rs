//! Findings of the selection rule: stable codes, which of them reject the application, and the
//! facts each finding's message names.

use serde::Serialize;

use crate::registration::AuditorGap;
use crate::text::Bilingual;

/// Why an application falls short, or what it must know. The `snake_case` names are the stable
/// codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingCode {
    NotDomestic,
    NoQualityControl,
    NoSubcontractingRules,
    NoIndependenceDeclaration,
    TooFewSigningAuditors,
    AuditorNotQualified,
}

impl FindingCode {
    pub const ALL: [FindingCode; 6] = [
        FindingCode::NotDomestic,
        FindingCode::NoQualityControl,
        FindingCode::NoSubcontractingRules,
        FindingCode::NoIndependenceDeclaration,
        FindingCode::TooFewSigningAuditors,
        FindingCode::AuditorNotQualified,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            FindingCode::NotDomestic => "not_domestic",
            FindingCode::NoQualityControl => "no_quality_control",
            FindingCode::NoSubcontractingRules => "no_subcontracting_rules",
            FindingCode::NoIndependenceDeclaration => "no_independence_declaration",
            FindingCode::TooFewSigningAuditors => "too_few_signing_auditors",
            FindingCode::AuditorNotQualified => "auditor_not_qualified",
        }
    }

    /// Whether the finding alone rejects the application. An unqualified auditor only may not
    /// sign; the body falls short only when too few others can.
    pub fn rejects(self) -> bool {
        self != FindingCode::AuditorNotQualified
    }
}

/// One finding about the applicant (its id) or one of its signing auditors (the name).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub code: FindingCode,
    pub subject: String,
    pub message: Bilingual,
}

/// What a finding says, with the facts its message names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Reason {
    NotDomestic,
    NoQualityControl,
    NoSubcontractingRules,
    NoIndependenceDeclaration,
    TooFewSigningAuditors { qualified: usize, required: u64 },
    AuditorNotQualified(Vec<AuditorGap>),
}

impl Reason {
    pub(super) fn code(&self) -> FindingCode {
        match self {
            Reason::NotDomestic => FindingCode::NotDomestic,
            Reason::NoQualityControl => FindingCode::NoQualityControl,
            Reason::NoSubcontractingRules => FindingCode::NoSubcontractingRules,
            Reason::NoIndependenceDeclaration => FindingCode::NoIndependenceDeclaration,
            Reason::TooFewSigningAuditors { .. } => FindingCode::TooFewSigningAuditors,
            Reason::AuditorNotQualified(_) => FindingCode::AuditorNotQualified,
        }
    }
}
