//! What the application routes read and answer, as documented in the OpenAPI document.

use serde::{Deserialize, Serialize};
use shinrai_domain::date::CalendarDate;
use shinrai_domain::level::Level;
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::application::{
    Application, ApplicationKind, ApplicationStatus, Approval, ExplanationRequest,
    RecordedDecision, Verdict,
};
use utoipa::{IntoParams, ToSchema};

use super::actions::NewApplication;
use crate::error::Messages;
use crate::workflow::schema;

/// `POST /api/v1/applications`.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewApplicationRequest {
    /// Chosen by the server (`ap-…`) when absent.
    #[schema(nullable = false)]
    pub id: Option<String>,
    pub service: String,
    /// An audit of the service whose report is signed.
    pub audit: String,
    #[schema(schema_with = schema::application_kind)]
    pub kind: ApplicationKind,
}

impl From<NewApplicationRequest> for NewApplication {
    fn from(request: NewApplicationRequest) -> NewApplication {
        NewApplication {
            id: request.id,
            service: request.service,
            audit: request.audit,
            kind: request.kind,
        }
    }
}

/// `POST /api/v1/applications/{id}/explanations`.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AskRequest {
    /// Recommended controls the review lists in `explanations_requested`, not asked before.
    pub controls: Vec<String>,
}

/// `PUT /api/v1/applications/{id}/explanations/{control}`.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ExplainRequest {
    #[schema(value_type = Messages)]
    pub text: Bilingual,
}

/// `POST /api/v1/applications/{id}/explanations/{control}/verdict`.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct VerdictRequest {
    pub accepted: bool,
}

/// `POST /api/v1/applications/{id}/decision`.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DecisionRequest {
    #[schema(schema_with = schema::verdict)]
    pub decision: Verdict,
    #[schema(value_type = Messages)]
    pub reason: Bilingual,
}

/// One control the reviewer asked the audit body to explain.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ExplanationView {
    pub control: String,
    pub asked_by: String,
    pub asked_at_ms: i64,
    /// The audit body's explanation, once given.
    #[schema(value_type = Option<Messages>)]
    pub text: Option<Bilingual>,
    pub answered_by: Option<String>,
    pub answered_at_ms: Option<i64>,
    /// The reviewer's verdict, once judged.
    pub accepted: Option<bool>,
    pub judged_by: Option<String>,
    pub judged_at_ms: Option<i64>,
}

impl From<ExplanationRequest> for ExplanationView {
    fn from(e: ExplanationRequest) -> ExplanationView {
        ExplanationView {
            control: e.control,
            asked_by: e.asked_by,
            asked_at_ms: e.asked_at_ms,
            text: e.text,
            answered_by: e.answered_by,
            answered_at_ms: e.answered_at_ms,
            accepted: e.accepted,
            judged_by: e.judged_by,
            judged_at_ms: e.judged_at_ms,
        }
    }
}

/// The reviewer's decision.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DecisionView {
    #[schema(schema_with = schema::verdict)]
    pub decision: Verdict,
    #[schema(value_type = Messages)]
    pub reason: Bilingual,
    /// The reviewer who decided.
    pub by: String,
    pub at_ms: i64,
    /// What the registration rule answered when the decision was taken.
    pub rule_decision: String,
    /// For `register`: the level and the last day of the registration.
    #[schema(value_type = Option<u8>, minimum = 1, maximum = 3)]
    pub level: Option<Level>,
    #[schema(value_type = Option<String>, format = Date)]
    pub valid_until: Option<CalendarDate>,
}

impl From<RecordedDecision> for DecisionView {
    fn from(d: RecordedDecision) -> DecisionView {
        DecisionView {
            decision: d.decision,
            reason: d.reason,
            by: d.by,
            at_ms: d.at_ms,
            rule_decision: d.rule_decision,
            level: d.level,
            valid_until: d.valid_until,
        }
    }
}

/// The second administrator's approval.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ApprovalView {
    pub by: String,
    pub at_ms: i64,
    #[schema(value_type = String, format = Date)]
    pub on: CalendarDate,
}

impl From<Approval> for ApprovalView {
    fn from(a: Approval) -> ApprovalView {
        ApprovalView {
            by: a.by,
            at_ms: a.at_ms,
            on: a.on,
        }
    }
}

/// An application for registration.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ApplicationView {
    pub id: String,
    #[schema(schema_with = schema::application_status)]
    pub status: ApplicationStatus,
    pub service: String,
    pub provider: String,
    pub audit: String,
    pub audit_body: String,
    #[schema(schema_with = schema::application_kind)]
    pub kind: ApplicationKind,
    /// The registry entry a renewal renews.
    pub renews: Option<String>,
    pub explanations: Vec<ExplanationView>,
    /// The reviewer's decision, once taken: `register` or `reject`.
    #[schema(schema_with = schema::verdict_or_none)]
    pub decision: Option<Verdict>,
    /// Who decided, when and why, and what the rule answered then.
    pub decision_record: Option<DecisionView>,
    pub approval: Option<ApprovalView>,
    /// The registry entry the approved registration wrote.
    pub registry_entry: Option<String>,
    pub submitted_at_ms: i64,
    pub updated_at_ms: i64,
}

impl From<Application> for ApplicationView {
    fn from(a: Application) -> ApplicationView {
        ApplicationView {
            id: a.id,
            status: a.status,
            service: a.service,
            provider: a.provider,
            audit: a.audit,
            audit_body: a.audit_body,
            kind: a.kind,
            renews: a.renews,
            explanations: a.explanations.into_iter().map(Into::into).collect(),
            decision: a.decision.as_ref().map(|d| d.decision),
            decision_record: a.decision.map(Into::into),
            approval: a.approval.map(Into::into),
            registry_entry: a.registry_entry,
            submitted_at_ms: a.submitted_at_ms,
            updated_at_ms: a.updated_at_ms,
        }
    }
}

/// `GET /api/v1/applications`.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ApplicationList {
    /// The applications the caller may see, by id: the review queue (operator), its own (provider), those on its audits (audit body).
    pub items: Vec<ApplicationView>,
}

#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ApplicationQuery {
    /// Only the applications in this status.
    #[param(schema_with = schema::application_status)]
    pub status: Option<ApplicationStatus>,
    /// Only the applications of this service.
    pub service: Option<String>,
}
