//! What the certificates' API reads and answers: a certificate as its provider declares it, and
//! as anyone reads it, with where it stands today.

use serde::{Deserialize, Serialize};
use shinrai_domain::date::CalendarDate;
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::certification::{
    ApplicabilityLine, Certificate, CertificateDetails, CertificateKind, CloudRole, SoaControl,
};
use shinrai_domain::workflow::statement::DocumentReference;
use utoipa::ToSchema;

use crate::error::Messages;
use crate::registry::views::messages;
use crate::statements::views::DocumentView;
use crate::workflow::schema;

/// One control of an ISO/IEC 27017 statement of applicability.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ApplicabilityLineView {
    /// e.g. `9.2.1` or `CLD.6.3.1`.
    pub control: String,
    /// Who acts on it: `provider`, `customer` or `both`.
    #[schema(schema_with = schema::cloud_role)]
    pub role: CloudRole,
    /// Whether the 27001 statement adopts it; absent for a cloud-only `CLD` control.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adopted_27001: Option<bool>,
    /// Whether the 27017 extension adopts it.
    pub adopted: bool,
    /// Why it is adopted or not; required when not.
    #[schema(value_type = Messages)]
    pub reason: Bilingual,
}

impl From<&ApplicabilityLine> for ApplicabilityLineView {
    fn from(line: &ApplicabilityLine) -> Self {
        ApplicabilityLineView {
            control: line.control.clone(),
            role: line.role,
            adopted_27001: line.adopted_27001,
            adopted: line.adopted,
            reason: line.reason.clone(),
        }
    }
}

/// `POST /api/v1/services/{id}/certificates` and `PUT /api/v1/certificates/{id}`.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CertificateRequest {
    /// Chosen by the server (`cert-…`) when absent; only when declaring.
    #[serde(default)]
    #[schema(nullable = false)]
    pub id: Option<String>,
    #[schema(schema_with = schema::certificate_kind)]
    pub kind: CertificateKind,
    /// The certification body or auditor.
    #[schema(value_type = Messages)]
    pub issuer: Bilingual,
    #[schema(value_type = Messages)]
    pub scope: Bilingual,
    /// The certificate's or report's number; may be empty.
    #[serde(default)]
    pub number: String,
    #[schema(value_type = String, format = Date)]
    pub valid_from: CalendarDate,
    #[schema(value_type = String, format = Date)]
    pub valid_until: CalendarDate,
    #[serde(default)]
    #[schema(nullable = false)]
    pub document: Option<DocumentView>,
    /// Required for `other`, where it names the scheme.
    #[serde(default)]
    #[schema(value_type = Option<Messages>, nullable = false)]
    pub note: Option<Bilingual>,
    /// Only for `iso27017`: its statement of applicability.
    #[serde(default)]
    pub applicability: Vec<ApplicabilityLineView>,
}

impl CertificateRequest {
    pub fn details(self) -> CertificateDetails {
        CertificateDetails {
            kind: self.kind,
            issuer: self.issuer,
            scope: self.scope,
            number: self.number,
            valid_from: self.valid_from,
            valid_until: self.valid_until,
            document: self.document.map(|view| DocumentReference {
                title: view.title,
                location: view.location,
            }),
            note: self.note.unwrap_or_else(|| Bilingual::new("", "")),
            applicability: self
                .applicability
                .into_iter()
                .map(|line| ApplicabilityLine {
                    control: line.control,
                    role: line.role,
                    adopted_27001: line.adopted_27001,
                    adopted: line.adopted,
                    reason: line.reason,
                })
                .collect(),
        }
    }
}

/// A certificate as anyone reads it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CertificateView {
    pub id: String,
    /// The provider's service.
    pub service: String,
    pub provider: String,
    #[schema(schema_with = schema::certificate_kind)]
    pub kind: CertificateKind,
    pub kind_title: Messages,
    pub issuer: Messages,
    pub scope: Messages,
    pub number: String,
    pub valid_from: String,
    pub valid_until: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document: Option<DocumentView>,
    pub note: Messages,
    pub applicability: Vec<ApplicabilityLineView>,
    /// Where it stands today: `not_yet_valid`, `valid`, `lapsed` or `withdrawn`.
    #[schema(schema_with = schema::standing)]
    pub standing: String,
    pub standing_title: Messages,
    /// The day it was withdrawn, if it was.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub withdrawn_on: Option<String>,
}

impl CertificateView {
    pub fn new(certificate: &Certificate, today: CalendarDate) -> Self {
        let details = &certificate.details;
        let standing = certificate.standing(today);
        CertificateView {
            id: certificate.id.clone(),
            service: certificate.service.clone(),
            provider: certificate.provider.clone(),
            kind: details.kind,
            kind_title: messages(&details.kind.title()),
            issuer: messages(&details.issuer),
            scope: messages(&details.scope),
            number: details.number.clone(),
            valid_from: details.valid_from.to_string(),
            valid_until: details.valid_until.to_string(),
            document: details.document.as_ref().map(|document| DocumentView {
                title: document.title.clone(),
                location: document.location.clone(),
            }),
            note: messages(&details.note),
            applicability: details
                .applicability
                .iter()
                .map(ApplicabilityLineView::from)
                .collect(),
            standing: standing.code().to_owned(),
            standing_title: messages(&standing.title()),
            withdrawn_on: certificate
                .withdrawn
                .as_ref()
                .map(|withdrawn| withdrawn.on.to_string()),
        }
    }
}

/// A list of certificates.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CertificateList {
    pub items: Vec<CertificateView>,
}

/// One control of the statement-of-applicability template.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SoaControlView {
    pub id: String,
    pub title: Messages,
    /// A cloud-only control (`CLD.…`), which ISO/IEC 27001 does not have.
    pub cloud_only: bool,
}

impl From<&SoaControl> for SoaControlView {
    fn from(control: &SoaControl) -> Self {
        SoaControlView {
            id: control.id.clone(),
            title: messages(&control.title),
            cloud_only: control.cloud_only,
        }
    }
}

/// `GET /api/v1/certificates/soa-template`.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SoaTemplate {
    pub items: Vec<SoaControlView>,
}
