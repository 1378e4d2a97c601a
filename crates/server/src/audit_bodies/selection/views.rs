//! What the selection-application routes read and answer.

use serde::{Deserialize, Serialize};
use shinrai_domain::date::CalendarDate;
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::selection_application::{
    BodyFacts, DeclaredAuditor, RecordedFinding, SelectionApplication, SelectionDecision,
};
use utoipa::ToSchema;

use crate::error::Messages;

/// One auditor the body declares, by its user account.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DeclaredAuditorView {
    /// A user of the audit body.
    pub user: String,
    /// The name printed on reports.
    #[schema(value_type = Messages)]
    pub name: Bilingual,
    /// e.g. `CISA`, `CISSP`, `RISS`, `CAIS` (at most 50).
    pub qualifications: Vec<String>,
    #[schema(minimum = 0, maximum = 80)]
    pub experience_years: u64,
    /// ISO 3166 two-letter code, e.g. `JP`.
    pub nationality: String,
    /// Whether the body would have the auditor sign reports.
    pub signing: bool,
}

/// `POST /api/v1/audit-bodies/{org}/selection-applications`: what the body declares.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ApplyRequest {
    /// Registered as a company in Japan.
    pub domestic_registration: bool,
    /// How the body controls the quality of its audits.
    #[schema(value_type = Messages)]
    pub quality_control: Bilingual,
    /// Its rules for subcontracting audit work.
    #[schema(value_type = Messages)]
    pub subcontracting_rules: Bilingual,
    /// It declares itself independent of the providers it audits.
    pub independence_declaration: bool,
    /// At most 1,000.
    pub auditors: Vec<DeclaredAuditorView>,
}

impl ApplyRequest {
    pub fn facts(self) -> BodyFacts {
        BodyFacts {
            domestic_registration: self.domestic_registration,
            quality_control: self.quality_control,
            subcontracting_rules: self.subcontracting_rules,
            independence_declaration: self.independence_declaration,
            auditors: self
                .auditors
                .into_iter()
                .map(|a| DeclaredAuditor {
                    user: a.user,
                    name: a.name,
                    qualifications: a.qualifications,
                    experience_years: a.experience_years,
                    nationality: a.nationality,
                    signing: a.signing,
                })
                .collect(),
        }
    }
}

/// `POST /api/v1/selection-applications/{id}/decide`.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DecideRequest {
    /// `select` (refused unless the rule answers `select`) or `reject`.
    #[schema(pattern = "^(select|reject)$")]
    pub decision: String,
    #[schema(value_type = Messages)]
    pub reason: Bilingual,
}

/// A finding of the rule as recorded with the decision.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RecordedFindingView {
    pub code: String,
    pub subject: String,
    #[schema(value_type = Messages)]
    pub messages: Bilingual,
}

/// The operator's decision.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SelectionDecisionView {
    #[schema(value_type = String, format = Date)]
    pub decided_on: CalendarDate,
    /// `select` or `reject`.
    pub decision: &'static str,
    #[schema(value_type = Option<String>, format = Date)]
    pub valid_from: Option<CalendarDate>,
    #[schema(value_type = Option<String>, format = Date)]
    pub valid_until: Option<CalendarDate>,
    /// The declared signing auditors (user ids) who meet every requirement.
    pub qualified_signing_auditors: Vec<String>,
    pub findings: Vec<RecordedFindingView>,
    #[schema(value_type = Messages)]
    pub reason: Bilingual,
    pub decided_by: String,
}

/// An audit body's application to be selected.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SelectionApplicationView {
    pub id: String,
    /// The audit body's organisation id.
    pub org: String,
    /// `submitted`, `selected` or `rejected`.
    pub status: &'static str,
    pub facts: ApplyRequest,
    pub submitted_by: String,
    pub submitted_at_ms: i64,
    pub decision: Option<SelectionDecisionView>,
}

/// `GET /api/v1/audit-bodies/{org}/selection-applications`.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SelectionApplicationList {
    pub items: Vec<SelectionApplicationView>,
}

impl From<SelectionApplication> for SelectionApplicationView {
    fn from(application: SelectionApplication) -> SelectionApplicationView {
        let facts = application.facts;
        SelectionApplicationView {
            id: application.id,
            org: application.org,
            status: application.status.code(),
            facts: ApplyRequest {
                domestic_registration: facts.domestic_registration,
                quality_control: facts.quality_control,
                subcontracting_rules: facts.subcontracting_rules,
                independence_declaration: facts.independence_declaration,
                auditors: facts
                    .auditors
                    .into_iter()
                    .map(|a| DeclaredAuditorView {
                        user: a.user,
                        name: a.name,
                        qualifications: a.qualifications,
                        experience_years: a.experience_years,
                        nationality: a.nationality,
                        signing: a.signing,
                    })
                    .collect(),
            },
            submitted_by: application.submitted_by,
            submitted_at_ms: application.submitted_at_ms,
            decision: application.decision.map(SelectionDecisionView::from),
        }
    }
}

impl From<SelectionDecision> for SelectionDecisionView {
    fn from(decision: SelectionDecision) -> SelectionDecisionView {
        SelectionDecisionView {
            decided_on: decision.decided_on,
            decision: if decision.selected {
                "select"
            } else {
                "reject"
            },
            valid_from: decision.valid_from,
            valid_until: decision.valid_until,
            qualified_signing_auditors: decision.qualified_signing_auditors,
            findings: decision
                .findings
                .into_iter()
                .map(|f: RecordedFinding| RecordedFindingView {
                    code: f.code,
                    subject: f.subject,
                    messages: f.message,
                })
                .collect(),
            reason: decision.reason,
            decided_by: decision.decided_by,
        }
    }
}
