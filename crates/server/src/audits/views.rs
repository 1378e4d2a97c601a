//! What the audit routes read and answer, as documented in the OpenAPI document.

use serde::{Deserialize, Serialize};
use shinrai_domain::audit_kind::AuditKind;
use shinrai_domain::date::CalendarDate;
use shinrai_domain::level::Level;
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::audit::{
    Audit, AuditStatus, Conclusions, ControlConclusion, ObjectiveConclusion,
};
use shinrai_domain::workflow::working_papers::InternalAuditPaper;
use utoipa::{IntoParams, ToSchema};

use super::actions::NewAudit;
use crate::error::Messages;
use crate::workflow::schema;

fn blank() -> Bilingual {
    Bilingual::new("", "")
}

/// `POST /api/v1/audits`.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewAuditRequest {
    /// Chosen by the server (`au-…`) when absent.
    #[schema(nullable = false)]
    pub id: Option<String>,
    pub service: String,
    /// A submitted statement of the service.
    pub statement: String,
    /// The audit body's organisation id; it must be selected today.
    pub audit_body: String,
    /// The audit period, at most twelve months.
    #[schema(value_type = String, format = Date)]
    pub period_start: CalendarDate,
    #[schema(value_type = String, format = Date)]
    pub period_end: CalendarDate,
    /// `three_phase` (the default) or `internal_audit_evaluation`, which supports level 1 only.
    #[serde(default)]
    #[schema(schema_with = schema::audit_kind)]
    pub kind: AuditKind,
}

impl From<NewAuditRequest> for NewAudit {
    fn from(request: NewAuditRequest) -> NewAudit {
        NewAudit {
            id: request.id,
            service: request.service,
            statement: request.statement,
            audit_body: request.audit_body,
            period_start: request.period_start,
            period_end: request.period_end,
            kind: request.kind,
        }
    }
}

/// `POST /api/v1/audits/{id}/accept`.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AcceptRequest {
    /// The user id of a qualified signing auditor of the audit body.
    pub signing_auditor: String,
}

/// `POST /api/v1/audits/{id}/decline`.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DeclineRequest {
    #[schema(value_type = Messages)]
    pub reason: Bilingual,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ObjectiveConclusionView {
    pub objective: String,
    pub effective: bool,
    /// Needed, not empty, for every selected objective before signing.
    #[serde(default = "blank")]
    #[schema(value_type = Messages)]
    pub reason: Bilingual,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ControlConclusionView {
    pub control: String,
    pub conformant: bool,
    /// Needed, not empty, for every selected control before signing.
    #[serde(default = "blank")]
    #[schema(value_type = Messages)]
    pub reason: Bilingual,
}

/// `PUT /api/v1/audits/{id}/conclusions`: every conclusion, replacing those recorded before.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConclusionsView {
    /// Each objective of the statement's selected controls, once.
    #[serde(default)]
    pub objectives: Vec<ObjectiveConclusionView>,
    /// Each selected control, once.
    #[serde(default)]
    pub controls: Vec<ControlConclusionView>,
}

impl From<ConclusionsView> for Conclusions {
    fn from(view: ConclusionsView) -> Conclusions {
        Conclusions {
            objectives: view
                .objectives
                .into_iter()
                .map(|c| ObjectiveConclusion {
                    objective: c.objective,
                    effective: c.effective,
                    reason: c.reason,
                })
                .collect(),
            controls: view
                .controls
                .into_iter()
                .map(|c| ControlConclusion {
                    control: c.control,
                    conformant: c.conformant,
                    reason: c.reason,
                })
                .collect(),
        }
    }
}

impl From<Conclusions> for ConclusionsView {
    fn from(conclusions: Conclusions) -> ConclusionsView {
        ConclusionsView {
            objectives: conclusions
                .objectives
                .into_iter()
                .map(|c| ObjectiveConclusionView {
                    objective: c.objective,
                    effective: c.effective,
                    reason: c.reason,
                })
                .collect(),
            controls: conclusions
                .controls
                .into_iter()
                .map(|c| ControlConclusionView {
                    control: c.control,
                    conformant: c.conformant,
                    reason: c.reason,
                })
                .collect(),
        }
    }
}

/// An audit.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AuditView {
    pub id: String,
    #[schema(schema_with = schema::audit_status)]
    pub status: AuditStatus,
    pub service: String,
    /// The provider organisation that ordered it.
    pub provider: String,
    /// The audited statement, its version and what it was written against.
    pub statement: String,
    pub statement_version: u32,
    pub criteria_version: String,
    #[schema(value_type = u8, minimum = 1, maximum = 3)]
    pub target_level: Level,
    pub audit_body: String,
    #[schema(value_type = String, format = Date)]
    pub period_start: CalendarDate,
    #[schema(value_type = String, format = Date)]
    pub period_end: CalendarDate,
    #[schema(schema_with = schema::audit_kind)]
    pub kind: AuditKind,
    /// For an evaluation of the internal audit: the report evaluated (`report`, `reliable`,
    /// `reason`), the controls drawn to re-perform (`sample`) and each one's result
    /// (`results`).
    #[schema(value_type = Option<Object>)]
    pub internal_audit: Option<InternalAuditPaper>,
    /// The service's scope when the audit was ordered.
    #[schema(value_type = Messages)]
    pub audited_scope: Bilingual,
    /// The user the audit body named to sign, once accepted.
    pub signing_auditor: Option<String>,
    pub conclusions: ConclusionsView,
    /// SHA-256 of the signed report's canonical form, once signed.
    pub report_sha256: Option<String>,
    #[schema(value_type = Option<String>, format = Date)]
    pub signed_on: Option<CalendarDate>,
    /// Why the audit body declined, when it did.
    #[schema(value_type = Option<Messages>)]
    pub declined_reason: Option<Bilingual>,
    pub requested_at_ms: i64,
    pub updated_at_ms: i64,
}

impl From<Audit> for AuditView {
    fn from(audit: Audit) -> AuditView {
        AuditView {
            id: audit.id,
            status: audit.status,
            service: audit.service,
            provider: audit.provider,
            statement: audit.statement,
            statement_version: audit.statement_version,
            criteria_version: audit.criteria_version,
            target_level: audit.target_level,
            audit_body: audit.audit_body,
            period_start: audit.period.start,
            period_end: audit.period.end,
            kind: audit.kind,
            internal_audit: audit.internal_audit,
            audited_scope: audit.audited_scope,
            signing_auditor: audit.signing_auditor,
            conclusions: audit.conclusions.into(),
            report_sha256: audit.report_sha256,
            signed_on: audit.signed_on,
            declined_reason: audit.declined_reason,
            requested_at_ms: audit.requested_at_ms,
            updated_at_ms: audit.updated_at_ms,
        }
    }
}

/// `GET /api/v1/audits`.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AuditList {
    /// The audits the caller may see, by id: its own (provider), the engagements it was asked for (audit body), all (operator).
    pub items: Vec<AuditView>,
}

#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct AuditQuery {
    /// Only the audits in this status.
    #[param(schema_with = schema::audit_status)]
    pub status: Option<AuditStatus>,
    /// Only the audits of this service.
    pub service: Option<String>,
}
