//! `/api/v1/audit-bodies/{org}/selection` and `/api/v1/auditors/{user}`: the operator's
//! administrators record which audit bodies are selected and who of their auditors may sign,
//! so that audits can be ordered and accepted.

use axum::Json;
use axum::extract::State;

use super::actions;
use super::views::{AuditorRequest, AuditorView, SelectionRequest, SelectionView};
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiPath};
use crate::openapi::ChangeErrors;
use crate::state::AppState;
use crate::workflow::Acting;

#[utoipa::path(
    put,
    path = "/api/v1/audit-bodies/{org}/selection",
    operation_id = "record_audit_body_selection",
    tag = "audit bodies",
    summary = "Record an audit body's selection (operator administrators) / 監査機関の選定を記録する",
    description = "Replaces what was recorded before. An audit can be ordered from a body only \
        on a day it is selected, and the review checks the selection over the audit period. / \
        選定期間中の監査機関にのみ監査を依頼できます。",
    params(("org" = String, Path, description = "The audit body's organisation id")),
    request_body(content = SelectionRequest, content_type = "application/json"),
    responses(
        (status = 200, description = "The selection as recorded.", body = SelectionView),
        ChangeErrors,
    )
)]
pub async fn record_selection(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(org): ApiPath<String>,
    ApiJson(request): ApiJson<SelectionRequest>,
) -> Result<Json<SelectionView>, ApiError> {
    let record = actions::record_body(&state, &acting, request.for_body(org)).await?;
    Ok(Json(record.into()))
}

#[utoipa::path(
    put,
    path = "/api/v1/auditors/{user}",
    operation_id = "record_auditor_profile",
    tag = "audit bodies",
    summary = "Record an auditor's profile (operator administrators) / 監査人の資格を記録する",
    description = "Replaces what was recorded before. Only an auditor with `may_sign` who meets \
        the requirements (a listed qualification, years of experience, nationality) may be \
        named signing auditor. / 署名監査人に指名できるのは要件を満たす監査人だけです。",
    params(("user" = String, Path, description = "The auditor's user id")),
    request_body(content = AuditorRequest, content_type = "application/json"),
    responses(
        (status = 200, description = "The profile as recorded.", body = AuditorView),
        ChangeErrors,
    )
)]
pub async fn record_auditor(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(user): ApiPath<String>,
    ApiJson(request): ApiJson<AuditorRequest>,
) -> Result<Json<AuditorView>, ApiError> {
    let profile = actions::record_profile(&state, &acting, request.for_user(user)).await?;
    Ok(Json(profile.into()))
}
