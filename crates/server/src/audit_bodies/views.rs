//! What the audit-body routes read and answer, as documented in the OpenAPI document.

use serde::{Deserialize, Serialize};
use shinrai_domain::date::CalendarDate;
use shinrai_domain::registration::AuditBodyStatus;
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::audit_body::{
    AuditBodyRecord, AuditorProfile, Measure, MeasureKind, NewMeasure,
};
use utoipa::ToSchema;

use shinrai_domain::workflow::FieldError;

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
            measures: Vec::new(),
            status_reports: Vec::new(),
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
    /// Every measure taken against the body, in the order of their days.
    pub measures: Vec<MeasureView>,
    /// The yearly status reports of the selection, one per full year.
    pub status_reports: Vec<ReportView>,
}

impl SelectionView {
    /// The record as published, its yearly reports as they stand on `today`.
    pub fn of(record: AuditBodyRecord, today: CalendarDate) -> SelectionView {
        let reports = record
            .reports_due(today)
            .into_iter()
            .map(|due| {
                let sent = record.status_reports.iter().find(|r| r.year == due.year);
                ReportView {
                    year: due.year,
                    due_on: due.due_on,
                    state: due.state.code(),
                    submitted_on: sent.map(|r| r.submitted_on),
                    text: sent.map(|r| r.text.clone()),
                }
            })
            .collect();
        SelectionView {
            org: record.org,
            status: record.status,
            valid_from: record.valid_from,
            valid_until: record.valid_until,
            measures: record.measures.into_iter().map(MeasureView::from).collect(),
            status_reports: reports,
        }
    }
}

/// One year's status report, owed or sent.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ReportView {
    /// The year of the selection it covers, from 1.
    pub year: u32,
    /// The last day of that year.
    #[schema(value_type = String, format = Date)]
    pub due_on: CalendarDate,
    /// `upcoming`, `due_soon` (within 30 days of its day), `overdue` or `submitted`, today.
    pub state: &'static str,
    #[schema(value_type = Option<String>, format = Date)]
    pub submitted_on: Option<CalendarDate>,
    #[schema(value_type = Option<Messages>)]
    pub text: Option<Bilingual>,
}

/// `POST /api/v1/audit-bodies/{org}/status-reports`.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StatusReportRequest {
    /// How the body stands: its auditors, quality control, subcontracting, independence, and
    /// what changed in the year.
    #[schema(value_type = Messages)]
    pub text: Bilingual,
}

/// `GET /api/v1/audit-bodies`.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SelectionList {
    pub items: Vec<SelectionView>,
    /// The ratings of closed quality reviews, by body then day: what the public learns of the
    /// operator's review of each body's audits (the findings stay with the operator and the
    /// body).
    pub quality_reviews: Vec<PublicRatingView>,
}

/// One reviewed engagement's rating, as published once its review is closed.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PublicRatingView {
    pub audit_body: String,
    pub review: String,
    pub audit: String,
    #[schema(value_type = String, format = Date)]
    pub reviewed_on: CalendarDate,
    #[schema(schema_with = schema::review_rating)]
    pub rating: &'static str,
}

/// A measure taken against an audit body, as published.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MeasureView {
    #[schema(schema_with = schema::measure_kind)]
    pub kind: &'static str,
    /// The day it takes effect.
    #[schema(value_type = String, format = Date)]
    pub on: CalendarDate,
    /// What the operator found.
    #[schema(value_type = Messages)]
    pub facts: Bilingual,
    #[schema(value_type = Messages)]
    pub reason: Bilingual,
    /// For a lifted suspension: the first day the body was selected again.
    #[schema(value_type = Option<String>, format = Date)]
    pub lifted_on: Option<CalendarDate>,
    #[schema(value_type = Option<Messages>)]
    pub lift_reason: Option<Bilingual>,
}

impl From<Measure> for MeasureView {
    fn from(measure: Measure) -> MeasureView {
        MeasureView {
            kind: measure.kind.code(),
            on: measure.on,
            facts: measure.facts,
            reason: measure.reason,
            lifted_on: measure.lifted_on,
            lift_reason: measure.lift_reason,
        }
    }
}

/// `POST /api/v1/audit-bodies/{org}/measures`.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MeasureRequest {
    #[schema(schema_with = schema::measure_kind)]
    pub kind: String,
    /// The day it takes effect, within the selection and not before the last measure's.
    #[schema(value_type = String, format = Date)]
    pub on: CalendarDate,
    #[schema(value_type = Messages)]
    pub facts: Bilingual,
    #[schema(value_type = Messages)]
    pub reason: Bilingual,
}

impl MeasureRequest {
    /// The measure asked for, or the problem with its kind.
    pub fn measure(self) -> Result<NewMeasure, FieldError> {
        let kind = MeasureKind::from_code(&self.kind).ok_or_else(|| {
            let known: Vec<_> = MeasureKind::ALL.map(MeasureKind::code).to_vec();
            FieldError::new(
                "/kind",
                "unknown_kind",
                Bilingual::new(
                    format!("措置 {} はありません（{}）", self.kind, known.join("・")),
                    format!("there is no measure {} ({})", self.kind, known.join(", ")),
                ),
            )
        })?;
        Ok(NewMeasure {
            kind,
            on: self.on,
            facts: self.facts,
            reason: self.reason,
        })
    }
}

/// `POST /api/v1/audit-bodies/{org}/suspension/lift`.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LiftRequest {
    /// The first day the body is selected again.
    #[schema(value_type = String, format = Date)]
    pub on: CalendarDate,
    #[schema(value_type = Messages)]
    pub reason: Bilingual,
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
