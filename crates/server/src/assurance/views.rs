//! What the assurance API reads and answers: the map in use with each scheme's zone, an edited
//! map as the operator sends it, and one registration's plain account of what it assures.

use serde::{Deserialize, Serialize};
use shinrai_domain::assurance::{
    AssuranceMap, AssuranceScheme, AssuredObject, CriteriaArea, Zone, zone,
};
use shinrai_domain::text::Bilingual;
use utoipa::ToSchema;

use super::actions::InUse;
use crate::certificates::views::CertificateView;
use crate::error::Messages;
use crate::registry::views::{StatusChangeView, messages};
use crate::systems::coverage::ResponsibilityView;
use crate::workflow::schema;

/// One scheme as the operator writes it (the shape of the shipped `schemes.json`).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SchemeRequest {
    /// Lowercase letters, digits, `_` and `-`: its page is `/assurance/{id}`.
    pub id: String,
    #[schema(value_type = Messages)]
    pub name: Bilingual,
    /// What it puts under assurance.
    #[schema(schema_with = schema::assured_object)]
    pub object: AssuredObject,
    /// Whether anyone can read, per holder, what was assured in enough detail to compare.
    pub details_public: bool,
    /// Whether its criteria were written for cloud services.
    pub cloud_specific: bool,
    /// The areas of criteria it covers.
    #[schema(schema_with = schema::criteria_areas)]
    pub areas: Vec<CriteriaArea>,
    /// What users expect it to assure, 0 to 100 (across).
    pub expected: u8,
    /// What it actually assures for a cloud service, 0 to 100 (up).
    pub actual: u8,
    #[schema(value_type = Messages)]
    pub assures: Bilingual,
    #[schema(value_type = Messages)]
    pub does_not: Bilingual,
    /// Why it stands where it does.
    #[schema(value_type = Messages)]
    pub summary: Bilingual,
}

impl From<SchemeRequest> for AssuranceScheme {
    fn from(request: SchemeRequest) -> Self {
        AssuranceScheme {
            id: request.id,
            name: request.name,
            object: request.object,
            details_public: request.details_public,
            cloud_specific: request.cloud_specific,
            areas: request.areas,
            expected: request.expected,
            actual: request.actual,
            assures: request.assures,
            does_not: request.does_not,
            summary: request.summary,
        }
    }
}

/// `PUT /api/v1/assurance`: the whole map, replacing the one in use.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AssuranceMapRequest {
    /// The revision of the map the edit was made from (`GET` gives it); a map edited meanwhile
    /// is then refused instead of overwritten.
    #[serde(default)]
    #[schema(nullable = false)]
    pub revision: Option<i64>,
    /// The least a scheme must reach on both axes to be of use, 1 to 99.
    pub baseline: u8,
    /// At most 40, in the order readers see them.
    pub schemes: Vec<SchemeRequest>,
}

impl From<AssuranceMapRequest> for AssuranceMap {
    fn from(request: AssuranceMapRequest) -> Self {
        AssuranceMap {
            baseline: request.baseline,
            schemes: request
                .schemes
                .into_iter()
                .map(AssuranceScheme::from)
                .collect(),
        }
    }
}

/// One scheme placed on the map.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SchemeView {
    pub id: String,
    pub name: Messages,
    #[schema(schema_with = schema::assured_object)]
    pub object: String,
    pub details_public: bool,
    pub cloud_specific: bool,
    #[schema(schema_with = schema::criteria_areas)]
    pub areas: Vec<String>,
    pub expected: u8,
    pub actual: u8,
    /// Expected less actual: positive when users expect more than it assures.
    pub gap: i16,
    /// Its zone against the map's baseline.
    #[schema(schema_with = schema::zone)]
    pub zone: String,
    pub assures: Messages,
    pub does_not: Messages,
    pub summary: Messages,
}

impl SchemeView {
    pub fn new(scheme: &AssuranceScheme, baseline: u8) -> Self {
        SchemeView {
            id: scheme.id.clone(),
            name: messages(&scheme.name),
            object: scheme.object.code().to_owned(),
            details_public: scheme.details_public,
            cloud_specific: scheme.cloud_specific,
            areas: scheme
                .areas
                .iter()
                .map(|area| area.code().to_owned())
                .collect(),
            expected: scheme.expected,
            actual: scheme.actual,
            gap: scheme.gap(),
            zone: zone(scheme, baseline).code().to_owned(),
            assures: messages(&scheme.assures),
            does_not: messages(&scheme.does_not),
            summary: messages(&scheme.summary),
        }
    }
}

/// One of the four zones the baseline cuts.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ZoneView {
    #[schema(schema_with = schema::zone)]
    pub code: String,
    /// 1 to 4.
    pub number: u8,
    pub title: Messages,
    pub meaning: Messages,
}

impl From<Zone> for ZoneView {
    fn from(zone: Zone) -> Self {
        ZoneView {
            code: zone.code().to_owned(),
            number: zone.number(),
            title: messages(&zone.title()),
            meaning: messages(&zone.meaning()),
        }
    }
}

/// `GET /api/v1/assurance`: the map in use.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AssuranceMapView {
    pub baseline: u8,
    pub schemes: Vec<SchemeView>,
    pub zones: Vec<ZoneView>,
    /// What an edit names to be refused if the map changed meanwhile; 0 for the shipped map.
    pub revision: i64,
    /// The day the operator last edited it; absent while the shipped map is in use.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revised_on: Option<String>,
}

impl AssuranceMapView {
    pub fn new(in_use: &InUse) -> Self {
        let map = &in_use.map;
        AssuranceMapView {
            baseline: map.baseline,
            schemes: map
                .schemes
                .iter()
                .map(|scheme| SchemeView::new(scheme, map.baseline))
                .collect(),
            zones: Zone::ALL.into_iter().map(ZoneView::from).collect(),
            revision: in_use.revision,
            revised_on: in_use.revised_on.clone(),
        }
    }
}

/// A control objective of the criteria.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ObjectiveView {
    /// e.g. `12.3.1`.
    pub id: String,
    pub title: Messages,
}

/// A control the registered statement left out, with the reason it gives.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ExclusionView {
    pub control: String,
    /// Its objective, when the criteria in force know the control.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub objective: Option<String>,
    pub reason: Messages,
}

/// A risk of cloud use the registration covers only in part or not at all.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OpenRiskView {
    pub id: String,
    /// `high`, `medium` or `low`.
    pub band: String,
    pub title: Messages,
    /// `partial` or `none`.
    pub coverage: String,
    /// The risk's objectives it does not implement.
    pub missing: Vec<String>,
    /// What is left to the contract, the SLA or the customer.
    pub left_to: Messages,
}

/// `GET /api/v1/registry/{id}/assurance`: what one registration assures and what it does not.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RegistrationAssuranceView {
    /// The registration number.
    pub entry: String,
    pub service_name: Messages,
    pub level: u8,
    /// `registered`, `suspended`, `withdrawn` …
    pub status: String,
    /// The criteria version read; empty when none is published.
    pub criteria: String,
    /// What the map says of this scheme's registration at the entry's level.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scheme: Option<SchemeView>,
    /// Objectives its level and models call for that the statement implements.
    pub implemented: Vec<ObjectiveView>,
    /// Objectives its level and models call for that the statement does not implement.
    pub not_implemented: Vec<ObjectiveView>,
    /// The controls the registered statement excluded, with its reasons (absent for entries
    /// loaded from a file).
    pub exclusions: Vec<ExclusionView>,
    /// Objectives only a higher level calls for.
    pub above_level: Vec<ObjectiveView>,
    pub open_risks: Vec<OpenRiskView>,
    pub customer_responsibilities: Vec<ResponsibilityView>,
    /// The provider's other certifications, with where each stands today.
    pub certificates: Vec<CertificateView>,
    /// Every change of status, oldest first.
    pub history: Vec<StatusChangeView>,
}
