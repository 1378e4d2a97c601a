//! `/api/v1/assurance` and `/api/v1/registry/{id}/assurance`: the map of assurance schemes,
//! public, edited whole by the operator's administrators; one scheme; and what one registration
//! assures and does not.

use axum::Json;
use axum::extract::State;

use super::actions::{self, SCHEME};
use super::registration::account;
use super::views::{AssuranceMapRequest, AssuranceMapView, RegistrationAssuranceView, SchemeView};
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiPath};
use crate::openapi::{ChangeErrors, ReadErrors};
use crate::state::AppState;
use crate::workflow::{Acting, Failure};

#[utoipa::path(
    get,
    path = "/api/v1/assurance",
    operation_id = "assurance_map",
    tag = "assurance",
    summary = "The map of assurance schemes (public) / 保証の対応図",
    description = "Every certification, report and registration a user may meet, placed by what \
        users expect it to assure (`expected`, across) and what it actually assures for a cloud \
        service (`actual`, up), each with its zone against the baseline: `below_baseline`, \
        `over_expected`, `under_recognised` or `practical`; what it puts under assurance, whether \
        its details are public, whether it was written for cloud services, the areas it covers, \
        what it assures and what it does not. / 認証・報告書・登録制度ごとの期待と実際の保証です。",
    responses((status = 200, description = "The map in use.", body = AssuranceMapView))
)]
pub async fn map(State(state): State<AppState>) -> Result<Json<AssuranceMapView>, ApiError> {
    let in_use = actions::in_use(&state).await?;
    Ok(Json(AssuranceMapView::new(&in_use)))
}

#[utoipa::path(
    put,
    path = "/api/v1/assurance",
    operation_id = "revise_assurance_map",
    tag = "assurance",
    summary = "Replace the map (the operator's administrators) / 保証の対応図の更新",
    description = "The whole map: a baseline of 1 to 99 and 1 to 40 schemes, each id unique and \
        safe in an address, both languages of every text, both axes 0 to 100, at least one area \
        and none twice; every problem is reported at its pointer (422). With `revision` (from \
        `GET`), a map edited meanwhile is refused (409 `stale`). The same map again changes \
        nothing. Event `assurance.revise`. / 対応図を置き換えます。",
    request_body(content = AssuranceMapRequest, content_type = "application/json"),
    responses((status = 200, description = "The map now in use.", body = AssuranceMapView), ChangeErrors)
)]
pub async fn revise(
    State(state): State<AppState>,
    acting: Acting,
    ApiJson(request): ApiJson<AssuranceMapRequest>,
) -> Result<Json<AssuranceMapView>, ApiError> {
    let made_from = request.revision;
    actions::revise(&state, &acting, request.into(), made_from).await?;
    let in_use = actions::in_use(&state).await?;
    Ok(Json(AssuranceMapView::new(&in_use)))
}

#[utoipa::path(
    get,
    path = "/api/v1/assurance/{id}",
    operation_id = "assurance_scheme",
    tag = "assurance",
    summary = "One assurance scheme (public) / 保証制度",
    params(("id" = String, Path, description = "The scheme id, e.g. `isms`, `soc2`, `shinrai_2`")),
    responses((status = 200, description = "The scheme on the map in use.", body = SchemeView), ReadErrors)
)]
pub async fn scheme(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<SchemeView>, ApiError> {
    let in_use = actions::in_use(&state).await?;
    let scheme = in_use
        .map
        .scheme(&id)
        .ok_or_else(|| Failure::not_found(SCHEME, &id))?;
    Ok(Json(SchemeView::new(scheme, in_use.map.baseline)))
}

#[utoipa::path(
    get,
    path = "/api/v1/registry/{id}/assurance",
    operation_id = "registration_assurance",
    tag = "assurance",
    summary = "What a registration assures and does not (public) / 登録が保証すること・しないこと",
    description = "Read against the criteria in force: the objectives its level and service \
        models call for that its statement implements and those it does not, the controls the \
        registered statement excluded with its reasons, the objectives only a higher level calls \
        for, the risks of cloud use it covers in part or not at all, what it leaves to its \
        customers, what the map says of its level, the provider's other certifications and every \
        change of status. / 登録が保証する範囲と保証しない範囲です。",
    params(("id" = String, Path, description = "The registration number")),
    responses((status = 200, description = "The account.", body = RegistrationAssuranceView), ReadErrors)
)]
pub async fn registration(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<RegistrationAssuranceView>, ApiError> {
    Ok(Json(account(&state, &id).await?.view))
}
