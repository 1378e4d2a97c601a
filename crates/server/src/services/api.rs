//! `/api/v1/services`: a provider describes its services; its owner, the operator and the audit
//! bodies asked to audit one read it.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;

use super::actions;
use super::views::{NewServiceRequest, ServiceList, ServiceQuery, ServiceView};
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::openapi::{ChangeErrors, ReadErrors};
use crate::state::AppState;
use crate::workflow::Acting;

#[utoipa::path(
    post,
    path = "/api/v1/services",
    operation_id = "create_service",
    tag = "services",
    summary = "Describe a new service (providers) / サービスを登録する",
    request_body(content = NewServiceRequest, content_type = "application/json"),
    responses(
        (status = 201, description = "The service, with its id.", body = ServiceView),
        ChangeErrors,
    )
)]
pub async fn create(
    State(state): State<AppState>,
    acting: Acting,
    ApiJson(request): ApiJson<NewServiceRequest>,
) -> Result<(StatusCode, Json<ServiceView>), ApiError> {
    let service = actions::create(&state, &acting, request.into()).await?;
    Ok((StatusCode::CREATED, Json(service.into())))
}

#[utoipa::path(
    get,
    path = "/api/v1/services",
    operation_id = "list_services",
    tag = "services",
    summary = "The services the caller may see / 閲覧できるサービスの一覧",
    params(ServiceQuery),
    responses(
        (status = 200, description = "The services, by id.", body = ServiceList),
        ReadErrors,
    )
)]
pub async fn list(
    State(state): State<AppState>,
    acting: Acting,
    ApiQuery(query): ApiQuery<ServiceQuery>,
) -> Result<Json<ServiceList>, ApiError> {
    let services = actions::list(&state, &acting, query.provider.as_deref()).await?;
    Ok(Json(ServiceList {
        items: services.into_iter().map(ServiceView::from).collect(),
    }))
}

#[utoipa::path(
    get,
    path = "/api/v1/services/{id}",
    operation_id = "get_service",
    tag = "services",
    summary = "One service (its owner, the operator, the audit bodies it ordered audits from) / サービス",
    params(("id" = String, Path, description = "The service id")),
    responses(
        (status = 200, description = "The service.", body = ServiceView),
        ReadErrors,
    )
)]
pub async fn get(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<ServiceView>, ApiError> {
    Ok(Json(actions::get(&state, &acting, &id).await?.into()))
}
