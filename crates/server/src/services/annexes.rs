//! `/api/v1/services/{id}/annex-grants`: the procuring organisations a provider shares its
//! statement's annexes (individual controls, exclusion reasons) with; granted one at a time,
//! revocable. The procurers granted see the controls in what the service covers for their
//! systems.

use axum::Json;
use axum::extract::State;
use serde::Serialize;
use shinrai_domain::workflow::service::Service;
use utoipa::ToSchema;

use super::actions;
use crate::error::{ApiError, Messages};
use crate::extract::ApiPath;
use crate::openapi::{ChangeErrors, ReadErrors};
use crate::registry::views::messages;
use crate::state::AppState;
use crate::workflow::Acting;

/// One organisation the annexes are shared with.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AnnexGrantView {
    /// The procuring organisation's id.
    pub org: String,
    pub name: Messages,
    /// The day it was granted, and by whom.
    pub since: String,
    pub by: String,
}

/// `GET /api/v1/services/{id}/annex-grants`.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AnnexGrantList {
    pub service: String,
    pub items: Vec<AnnexGrantView>,
}

async fn grant_list(state: &AppState, service: &Service) -> Result<AnnexGrantList, ApiError> {
    let mut items = Vec::with_capacity(service.annex_grants.len());
    for grant in &service.annex_grants {
        let name = state.store.organisation(&grant.org).await?.map_or_else(
            || {
                messages(&shinrai_domain::text::Bilingual::new(
                    &grant.org, &grant.org,
                ))
            },
            |org| messages(&org.name),
        );
        items.push(AnnexGrantView {
            org: grant.org.clone(),
            name,
            since: grant.on.to_string(),
            by: grant.by.clone(),
        });
    }
    Ok(AnnexGrantList {
        service: service.id.clone(),
        items,
    })
}

#[utoipa::path(
    get,
    path = "/api/v1/services/{id}/annex-grants",
    operation_id = "list_annex_grants",
    tag = "services",
    summary = "Who the service's annexes are shared with (its provider, the operator) / 別紙の開示先",
    params(("id" = String, Path, description = "The service id")),
    responses((status = 200, description = "The grants.", body = AnnexGrantList), ReadErrors)
)]
pub async fn list(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<AnnexGrantList>, ApiError> {
    let service = actions::annex_grants(&state, &acting, &id).await?;
    Ok(Json(grant_list(&state, &service).await?))
}

#[utoipa::path(
    put,
    path = "/api/v1/services/{id}/annex-grants/{org}",
    operation_id = "grant_annexes",
    tag = "services",
    summary = "Share the statement's annexes with a procuring organisation (its provider) / 別紙の開示",
    description = "Only a procuring organisation (422 `not_a_procurer`; 404 for one that does not \
        exist), at most 200 per service (409 `too_many_annex_grants`); granting again changes \
        nothing. Event `service.annex_grant`. The organisation's procurers then read the \
        individual controls and exclusion reasons in the service's coverage for their systems; \
        each read is the event `statement.annex_read`. / 調達機関に言明書の別紙を開示します。",
    params(
        ("id" = String, Path, description = "The service id"),
        ("org" = String, Path, description = "The procuring organisation's id"),
    ),
    responses((status = 200, description = "The grants.", body = AnnexGrantList), ChangeErrors)
)]
pub async fn grant(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath((id, org)): ApiPath<(String, String)>,
) -> Result<Json<AnnexGrantList>, ApiError> {
    let service = actions::grant_annexes(&state, &acting, &id, &org).await?;
    Ok(Json(grant_list(&state, &service).await?))
}

#[utoipa::path(
    delete,
    path = "/api/v1/services/{id}/annex-grants/{org}",
    operation_id = "revoke_annexes",
    tag = "services",
    summary = "Stop sharing the annexes with an organisation (its provider) / 別紙の開示の取消し",
    description = "404 when they are not shared with it. Event `service.annex_revoke`. / 別紙の\
        開示を取り消します。",
    params(
        ("id" = String, Path, description = "The service id"),
        ("org" = String, Path, description = "The procuring organisation's id"),
    ),
    responses((status = 200, description = "The grants.", body = AnnexGrantList), ChangeErrors)
)]
pub async fn revoke(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath((id, org)): ApiPath<(String, String)>,
) -> Result<Json<AnnexGrantList>, ApiError> {
    let service = actions::revoke_annexes(&state, &acting, &id, &org).await?;
    Ok(Json(grant_list(&state, &service).await?))
}
