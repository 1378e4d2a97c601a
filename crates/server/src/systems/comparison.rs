//! `GET /api/v1/systems/{id}/comparison?services=`: up to four candidate services side by side
//! for one of the procurer's systems — each as the registry lists it, whether it is eligible
//! for the system, and its whole coverage (risks, what it leaves to the customer, availability,
//! the checklists with the answers kept for it), read once against the same criteria. The page
//! and the XLSX and PDF exports are made from this view.

use axum::Json;
use axum::extract::State;
use serde::Serialize;
use shinrai_domain::workflow::procurement::{InformationSystem, checklists};
use utoipa::ToSchema;

use super::actions;
use super::coverage::{CoverageView, coverage_view, criteria_in_force};
use super::eligible::serves;
use super::views::ComparisonQuery;
use crate::certificates::views::CertificateView;
use crate::error::{ApiError, ErrorBody, Messages};
use crate::extract::{ApiPath, ApiQuery};
use crate::openapi::ReadErrors;
use crate::registry::views::{RegistryItem, messages};
use crate::state::AppState;
use crate::workflow::{Acting, Failure};

/// What a registry entry is called in messages.
const SERVICE: (&str, &str) = ("登録サービス", "registered service");

/// A risk of the map, once for every column.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ComparedRisk {
    pub id: String,
    pub title: Messages,
    /// `high`, `medium` or `low`.
    pub band: String,
}

/// One candidate of the comparison.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ComparedService {
    /// The entry as the registry lists it.
    pub entry: RegistryItem,
    /// Registered at the system's level or higher, with the models it needs, in the registry.
    pub eligible: bool,
    pub coverage: CoverageView,
    /// Its provider's other certifications, with where each stands today.
    pub certificates: Vec<CertificateView>,
}

/// `GET /api/v1/systems/{id}/comparison`.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ComparisonView {
    pub system: String,
    pub system_name: Messages,
    /// e.g. `C2-I-A3`.
    pub class: String,
    pub registry_level: u8,
    /// The criteria version whose risk map was read; empty when none is published.
    pub criteria: String,
    /// The map's risks, in its order; each service's `coverage.risks` follows it.
    pub risks: Vec<ComparedRisk>,
    /// In the order asked for.
    pub services: Vec<ComparedService>,
}

/// The comparison of `services` for the system `id` of the one acting's organisation.
pub async fn comparison(
    state: &AppState,
    by: &Acting,
    id: &str,
    services: &[String],
) -> Result<ComparisonView, ApiError> {
    let system: InformationSystem = actions::visible(state, by, id).await?.value;
    let registry = state.registry.get(&state.store).await?;
    let criteria = criteria_in_force(state).await?;
    let criteria = criteria.as_ref().map(|loaded| &loaded.version);
    let lists = checklists().map_err(|error| ApiError::internal(error.to_string()))?;
    let mut compared = Vec::with_capacity(services.len());
    for service in services {
        let entry = registry
            .entry(service)
            .ok_or_else(|| Failure::not_found(SERVICE, service))?;
        let certificates = crate::certificates::actions::of_entry(state, &entry.id)
            .await?
            .iter()
            .map(|certificate| CertificateView::new(certificate, by.at.date()))
            .collect();
        compared.push(ComparedService {
            certificates,
            entry: RegistryItem::new(&registry, entry),
            eligible: serves(entry, &system),
            // The annexes stay with each coverage read alone, where their reading is recorded.
            coverage: coverage_view(&system, entry, criteria, &lists, None),
        });
    }
    Ok(ComparisonView {
        system: system.id.clone(),
        system_name: messages(&system.details.name),
        class: system.class.clone(),
        registry_level: system.registry_level.get(),
        criteria: criteria
            .map(|criteria| criteria.version.clone())
            .unwrap_or_default(),
        risks: criteria
            .map(|criteria| {
                criteria
                    .risks
                    .iter()
                    .map(|risk| ComparedRisk {
                        id: risk.id.clone(),
                        title: messages(&risk.title),
                        band: risk.band.code().to_owned(),
                    })
                    .collect()
            })
            .unwrap_or_default(),
        services: compared,
    })
}

#[utoipa::path(
    get,
    path = "/api/v1/systems/{id}/comparison",
    operation_id = "system_comparison",
    tag = "procurement",
    summary = "Up to four candidate services side by side for a system / 候補サービスの比較",
    description = "Each service as the registry lists it, whether it is eligible for the \
        system, and its coverage (risks, customer responsibilities, availability, checklists \
        with the answers kept), against the criteria in force. 400 `bad_request` for none or \
        more than four; 404 for a service not in the registry. The same comparison as XLSX or \
        PDF: `…/comparison/xlsx`, `…/comparison/pdf`. / 最大 4 件の候補を並べて比較します。",
    params(("id" = String, Path, description = "The system id"), ComparisonQuery),
    responses(
        (status = 200, description = "The comparison.", body = ComparisonView),
        (status = 400, description = "`bad_request`: no service or more than four", body = ErrorBody),
        ReadErrors
    )
)]
pub async fn compare(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(id): ApiPath<String>,
    ApiQuery(query): ApiQuery<ComparisonQuery>,
) -> Result<Json<ComparisonView>, ApiError> {
    let services = query.services()?;
    Ok(Json(comparison(&state, &acting, &id, &services).await?))
}
