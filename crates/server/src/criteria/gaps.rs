//! `GET /api/v1/criteria/{version}/gaps`: per registered service, the mandatory controls and
//! items the version requires at its level that its statement does not cover — every service
//! for the operator's staff, its own for a provider — with the version's transition day.

use axum::Json;
use axum::extract::State;
use serde::Serialize;
use shinrai_domain::criteria::transition::{ServiceGap, gaps};

use super::api::visible;
use super::transition::{readable_by, registered_services};
use crate::auth::caller::Caller;
use crate::error::{ApiError, ErrorBody};
use crate::extract::ApiPath;
use crate::state::AppState;
use crate::workflow::Acting;

/// The answer: the version, its days, and the services that lack something.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct GapsView {
    pub version: String,
    #[schema(value_type = Option<String>, format = Date)]
    pub published_on: Option<shinrai_domain::date::CalendarDate>,
    /// From this day renewals must be written against this version (or a later one).
    #[schema(value_type = Option<String>, format = Date)]
    pub transition_on: Option<shinrai_domain::date::CalendarDate>,
    /// By registration number; a service that lacks nothing is not listed.
    #[schema(value_type = Vec<Object>)]
    pub services: Vec<ServiceGap>,
}

#[utoipa::path(
    get,
    path = "/api/v1/criteria/{version}/gaps",
    operation_id = "criteria_gaps",
    tag = "criteria",
    summary = "What registered services lack of a version / 登録サービスに不足する管理策",
    params(("version" = String, Path, description = "A criteria version")),
    responses(
        (status = 200, description = "Per registered service (the operator's staff: all; a provider: its own), the mandatory controls and items of the version its statement does not cover.", body = GapsView),
        (status = 401, description = "`sign_in_required`", body = ErrorBody),
        (status = 403, description = "`forbidden`: neither the operator's staff nor a provider.", body = ErrorBody),
        (status = 404, description = "`not_found`", body = ErrorBody),
    )
)]
pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
    acting: Acting,
    ApiPath(version): ApiPath<String>,
) -> Result<Json<GapsView>, ApiError> {
    let provider = readable_by(&acting.member)?;
    let loaded = visible(&state, &caller, &version).await?;
    let services = registered_services(&state.store, provider).await?;
    Ok(Json(GapsView {
        version: loaded.version.version.clone(),
        published_on: loaded.version.published_on,
        transition_on: loaded.version.transition_on,
        services: gaps(&loaded.version, &services),
    }))
}
