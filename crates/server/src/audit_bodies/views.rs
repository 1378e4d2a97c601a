//! What the audit-body routes read and answer, as documented in the OpenAPI document.

use serde::{Deserialize, Serialize};
use shinrai_domain::date::CalendarDate;
use shinrai_domain::registration::AuditBodyStatus;
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::audit_body::{AuditBodyRecord, AuditorProfile};
use utoipa::ToSchema;

use crate::error::Messages;
use crate::workflow::schema;

/// `PUT /api/v1/audit-bodies/{org}/selection`.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SelectionRequest {
    #[schema(schema_with = schema::audit_body_status)]
    pub status: AuditBodyStatus,
    #[schema(value_type = String, format = Date)]
    pub valid_from: CalendarDate,
    #[schema(value_type = String, format = Date)]
    pub valid_until: CalendarDate,
}

impl SelectionRequest {
    pub fn for_body(self, org: String) -> AuditBodyRecord {
        AuditBodyRecord {
            org,
            status: self.status,
            valid_from: self.valid_from,
            valid_until: self.valid_until,
        }
    }
}

/// An audit body's selection as recorded.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SelectionView {
    /// The audit body's organisation id.
    pub org: String,
    #[schema(schema_with = schema::audit_body_status)]
    pub status: AuditBodyStatus,
    #[schema(value_type = String, format = Date)]
    pub valid_from: CalendarDate,
    #[schema(value_type = String, format = Date)]
    pub valid_until: CalendarDate,
}

impl From<AuditBodyRecord> for SelectionView {
    fn from(record: AuditBodyRecord) -> SelectionView {
        SelectionView {
            org: record.org,
            status: record.status,
            valid_from: record.valid_from,
            valid_until: record.valid_until,
        }
    }
}

/// `PUT /api/v1/auditors/{user}`: an auditor's profile, as the audit body declared it.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AuditorRequest {
    /// The audit body the user belongs to.
    pub org: String,
    /// The name printed on reports.
    #[schema(value_type = Messages)]
    pub name: Bilingual,
    /// e.g. `CISA`, `CISSP`, `RISS`, `CAIS` (at most 50).
    pub qualifications: Vec<String>,
    #[schema(minimum = 0, maximum = 80)]
    pub experience_years: u64,
    /// ISO 3166 two-letter code, e.g. `JP`.
    #[schema(example = "JP")]
    pub nationality: String,
    /// Whether the body gave the auditor the signing-auditor role.
    pub may_sign: bool,
}

impl AuditorRequest {
    pub fn for_user(self, user: String) -> AuditorProfile {
        AuditorProfile {
            user,
            org: self.org,
            name: self.name,
            qualifications: self.qualifications,
            experience_years: self.experience_years,
            nationality: self.nationality,
            may_sign: self.may_sign,
        }
    }
}

/// An auditor's profile as recorded.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AuditorView {
    pub user: String,
    pub org: String,
    #[schema(value_type = Messages)]
    pub name: Bilingual,
    pub qualifications: Vec<String>,
    pub experience_years: u64,
    pub nationality: String,
    pub may_sign: bool,
}

impl From<AuditorProfile> for AuditorView {
    fn from(profile: AuditorProfile) -> AuditorView {
        AuditorView {
            user: profile.user,
            org: profile.org,
            name: profile.name,
            qualifications: profile.qualifications,
            experience_years: profile.experience_years,
            nationality: profile.nationality,
            may_sign: profile.may_sign,
        }
    }
}
