//! The selection of audit bodies (監査機関の選定): may this body audit services under the scheme,
//! which of its auditors may sign, and for how long?
//!
//! Every check runs and every finding is reported. A signing auditor counts as qualified exactly
//! as a signing auditor does for registration, so a body selected with an auditor is never told
//! later, at registration, that the same auditor may not sign.

mod case;
mod finding;
mod messages;

use serde_json::{Value, json};

pub use case::{
    Applicant, Auditor, DEFAULT_MIN_SIGNING_AUDITORS, DEFAULT_VALIDITY_YEARS, MAX_AUDITORS,
    MAX_VALIDITY_YEARS, SelectionCase, SelectionRequirements,
};
use finding::Reason;
pub use finding::{Finding, FindingCode};

use crate::date::CalendarDate;
use crate::registration::auditor_gaps;
use crate::text::{Lang, is_blank};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Select,
    Reject,
}

impl Decision {
    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Select => "select",
            Decision::Reject => "reject",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SelectionOutcome {
    pub decision: Decision,
    /// The first and last day of the selection; only when selected.
    pub valid_from: Option<CalendarDate>,
    pub valid_until: Option<CalendarDate>,
    /// The signing auditors who meet every auditor requirement, sorted by name.
    pub qualified_signing_auditors: Vec<String>,
    /// Sorted by code, then subject.
    pub findings: Vec<Finding>,
}

impl SelectionOutcome {
    pub fn to_json(&self, lang: Lang) -> Value {
        let findings: Vec<Value> = self
            .findings
            .iter()
            .map(|finding| {
                json!({
                    "code": finding.code,
                    "subject": finding.subject,
                    "message": finding.message.get(lang),
                    "messages": finding.message,
                })
            })
            .collect();
        json!({
            "decision": self.decision.as_str(),
            "valid_from": self.valid_from,
            "valid_until": self.valid_until,
            "qualified_signing_auditors": self.qualified_signing_auditors,
            "findings": findings,
        })
    }
}

pub fn decide(case: &SelectionCase) -> SelectionOutcome {
    let applicant = &case.applicant;
    let mut reasons: Vec<(&str, Reason)> = Vec::new();
    let about_body = |holds: bool, reason: Reason| holds.then_some((applicant.id.as_str(), reason));
    reasons.extend(about_body(
        !applicant.domestic_registration,
        Reason::NotDomestic,
    ));
    reasons.extend(about_body(
        is_blank(&applicant.quality_control),
        Reason::NoQualityControl,
    ));
    reasons.extend(about_body(
        is_blank(&applicant.subcontracting_rules),
        Reason::NoSubcontractingRules,
    ));
    reasons.extend(about_body(
        !applicant.independence_declaration,
        Reason::NoIndependenceDeclaration,
    ));

    let mut qualified = Vec::new();
    for auditor in applicant.auditors.iter().filter(|auditor| auditor.signing) {
        let name = auditor.person.name.as_str();
        let gaps = auditor_gaps(&auditor.person, &case.requirements.auditor);
        if gaps.is_empty() {
            qualified.push(name.to_owned());
        } else {
            reasons.push((name, Reason::AuditorNotQualified(gaps)));
        }
    }
    qualified.sort_unstable();
    let required = case.requirements.min_signing_auditors;
    if (qualified.len() as u64) < required {
        reasons.push((
            applicant.id.as_str(),
            Reason::TooFewSigningAuditors {
                qualified: qualified.len(),
                required,
            },
        ));
    }

    let mut findings: Vec<Finding> = reasons
        .iter()
        .map(|(subject, reason)| Finding {
            code: reason.code(),
            subject: (*subject).to_owned(),
            message: messages::message(subject, reason),
        })
        .collect();
    findings.sort_by(|a, b| {
        (a.code.as_str(), a.subject.as_str()).cmp(&(b.code.as_str(), b.subject.as_str()))
    });

    let rejected = findings.iter().any(|finding| finding.code.rejects());
    let (decision, valid_from, valid_until) = if rejected {
        (Decision::Reject, None, None)
    } else {
        (
            Decision::Select,
            Some(case.decided_on),
            // The reader refuses a case whose selection would end after 9999-12-31.
            case.decided_on
                .last_day_of_years(case.requirements.validity_years),
        )
    };
    SelectionOutcome {
        decision,
        valid_from,
        valid_until,
        qualified_signing_auditors: qualified,
        findings,
    }
}
