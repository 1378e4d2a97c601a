//! `/api/v1/audit-bodies/{org}/selection-applications` and `/api/v1/selection-applications/{id}`:
//! an audit body applies to be selected; the operator reads the `selection` rule's answer on it
//! and an administrator decides.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde_json::Value;
use shinrai_domain::text::Bilingual;
use shinrai_domain::workflow::FieldError;

use super::actions;
use super::views::{
    ApplyRequest, DecideRequest, SelectionApplicationList, SelectionApplicationView,
};
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiPath};
use crate::lang::RequestLang;
use crate::openapi::answers::SelectionAnswer;
use crate::openapi::{ChangeErrors, LangParams, ReadErrors};
use crate::state::AppState;
use crate::workflow::{Acting, Failure};

#[utoipa::path(
    post,
    path = "/api/v1/audit-bodies/{org}/selection-applications",
    operation_id = "apply_for_selection",
    tag = "audit bodies",
    summary = "Apply to be selected (the audit body's auditors) / 監査機関の選定を申請する",
    description = "The body declares its corporate facts, quality control, subcontracting rules, \
        independence and auditors (each a user of the body). One application waits for a \
        decision at a time. / 決定待ちの申請は一度に一つです。",
    params(("org" = String, Path, description = "The audit body's organisation id")),
    request_body(content = ApplyRequest, content_type = "application/json"),
    responses(
        (status = 201, description = "The application, submitted.", body = SelectionApplicationView),
        ChangeErrors,
    )
)]
pub async fn apply(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(org): ApiPath<String>,
    ApiJson(request): ApiJson<ApplyRequest>,
) -> Result<(StatusCode, Json<SelectionApplicationView>), ApiError> {
    let application = actions::apply(&state, &acting, &org, request.facts()).await?;
    Ok((StatusCode::CREATED, Json(application.into())))
}

#[utoipa::path(
    get,
    path = "/api/v1/audit-bodies/{org}/selection-applications",
    operation_id = "list_selection_applications",
    tag = "audit bodies",
    summary = "An audit body's applications to be selected (its auditors, the operator) / 選定申請の一覧",
    params(("org" = String, Path, description = "The audit body's organisation id")),
    responses(
        (status = 200, description = "The newest first; empty for whoever may not read them.", body = SelectionApplicationList),
        ReadErrors,
    )
)]
pub async fn list(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(org): ApiPath<String>,
) -> Result<Json<SelectionApplicationList>, ApiError> {
    let items = actions::of_body(&state, &acting, &org)
        .await?
        .into_iter()
        .map(SelectionApplicationView::from)
        .collect();
    Ok(Json(SelectionApplicationList { items }))
}

#[utoipa::path(
    get,
    path = "/api/v1/selection-applications/{id}",
    operation_id = "get_selection_application",
    tag = "audit bodies",
    summary = "One application to be selected (the body's auditors, the operator) / 選定申請",
    params(("id" = String, Path, description = "The application id")),
    responses(
        (status = 200, description = "The application.", body = SelectionApplicationView),
        ReadErrors,
    )
)]
pub async fn get(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<SelectionApplicationView>, ApiError> {
    let stored = actions::visible(&state, &acting, &id).await?;
    Ok(Json(stored.value.into()))
}

#[utoipa::path(
    get,
    path = "/api/v1/selection-applications/{id}/review",
    operation_id = "review_selection_application",
    tag = "audit bodies",
    summary = "The selection rule on an application, today (operator) / 選定の判断基準による審査",
    description = "The `selection` answer on the declared facts, decided today with the scheme's \
        requirements. / 申告内容に対する本日時点の判断です。",
    params(("id" = String, Path, description = "The application id"), LangParams),
    responses(
        (status = 200, description = "The rule's answer.", body = SelectionAnswer),
        (status = 403, description = "`forbidden`: only the operator reviews.", body = crate::error::ErrorBody),
        ReadErrors,
    )
)]
pub async fn review(
    State(state): State<AppState>,
    acting: Acting,
    RequestLang(lang): RequestLang,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<Value>, ApiError> {
    let answer = actions::review(&state, &acting, &id).await?;
    Ok(Json(answer.to_json(lang)))
}

#[utoipa::path(
    post,
    path = "/api/v1/selection-applications/{id}/decide",
    operation_id = "decide_selection_application",
    tag = "audit bodies",
    summary = "Decide an application to be selected (operator administrators) / 選定を決定する",
    description = "`select` is refused (409 `rule_does_not_select`) unless the rule answers \
        `select` today; it records the body's selection for the validity the rule gives and a \
        profile for each declared auditor (signing only when qualified). / 選定すると選定記録と\
        監査人の記録が作られます。",
    params(("id" = String, Path, description = "The application id")),
    request_body(content = DecideRequest, content_type = "application/json"),
    responses(
        (status = 200, description = "The decided application.", body = SelectionApplicationView),
        ChangeErrors,
    )
)]
pub async fn decide(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(id): ApiPath<String>,
    ApiJson(request): ApiJson<DecideRequest>,
) -> Result<Json<SelectionApplicationView>, ApiError> {
    let select = match request.decision.as_str() {
        "select" => true,
        "reject" => false,
        other => {
            let error = FieldError::new(
                "/decision",
                "unknown_decision",
                Bilingual::new(
                    format!("決定 {other} はありません（select・reject）"),
                    format!("there is no decision {other} (select, reject)"),
                ),
            );
            return Err(
                Failure::from(shinrai_domain::workflow::Refusal::Invalid(vec![error])).into(),
            );
        }
    };
    let application = actions::decide(&state, &acting, &id, select, request.reason).await?;
    Ok(Json(application.into()))
}
