//! `/api/v1/audit-bodies/{org}/selection` and `/api/v1/auditors/{user}`: the operator's
//! administrators record which audit bodies are selected and who of their auditors may sign,
//! so that audits can be ordered and accepted; `/api/v1/audit-bodies/{org}/measures` and
//! `…/suspension/lift`: the measures they take against a body that fell short. Selections
//! and measures are public: `GET /api/v1/audit-bodies` lists them.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use shinrai_domain::date::CalendarDate;
use shinrai_domain::workflow::Refusal;

use super::actions;
use super::views::{
    AuditorRequest, AuditorView, LiftRequest, MeasureRequest, PublicRatingView, SelectionList,
    SelectionRequest, SelectionView, StatusReportRequest,
};
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiPath};
use crate::openapi::ChangeErrors;
use crate::state::AppState;
use crate::workflow::{Acting, Failure};

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
    Ok(Json(SelectionView::of(record, acting.at.date())))
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

#[utoipa::path(
    post,
    path = "/api/v1/audit-bodies/{org}/measures",
    operation_id = "take_audit_body_measure",
    tag = "audit bodies",
    summary = "Take a measure against an audit body (operator administrators) / 監査機関に措置をとる",
    description = "A caution or an improvement order leaves the body selected; a suspension \
        keeps audits from resting on the body's work on the days it is in force, until lifted; \
        a revocation ends the selection for good. Each is public with its day, facts and reason. \
        / 注意・改善命令・一時停止・選定取消し。いずれも日付・事実・理由とともに公開されます。",
    params(("org" = String, Path, description = "The audit body's organisation id")),
    request_body(content = MeasureRequest, content_type = "application/json"),
    responses(
        (status = 201, description = "The body's record with the measure.", body = SelectionView),
        ChangeErrors,
    )
)]
pub async fn take_measure(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(org): ApiPath<String>,
    ApiJson(request): ApiJson<MeasureRequest>,
) -> Result<(StatusCode, Json<SelectionView>), ApiError> {
    let measure = request
        .measure()
        .map_err(|error| ApiError::from(Failure::from(Refusal::Invalid(vec![error]))))?;
    let record = actions::measure(&state, &acting, &org, measure).await?;
    Ok((
        StatusCode::CREATED,
        Json(SelectionView::of(record, acting.at.date())),
    ))
}

#[utoipa::path(
    post,
    path = "/api/v1/audit-bodies/{org}/suspension/lift",
    operation_id = "lift_audit_body_suspension",
    tag = "audit bodies",
    summary = "Lift an audit body's suspension (operator administrators) / 監査機関の一時停止を解除する",
    description = "The body is selected again from `on`, which must come after the suspension's \
        day. / `on` の日から再び選定中になります。",
    params(("org" = String, Path, description = "The audit body's organisation id")),
    request_body(content = LiftRequest, content_type = "application/json"),
    responses(
        (status = 200, description = "The body's record with the suspension lifted.", body = SelectionView),
        ChangeErrors,
    )
)]
pub async fn lift_suspension(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(org): ApiPath<String>,
    ApiJson(request): ApiJson<LiftRequest>,
) -> Result<Json<SelectionView>, ApiError> {
    let record = actions::lift(&state, &acting, &org, request.on, request.reason).await?;
    Ok(Json(SelectionView::of(record, acting.at.date())))
}

#[utoipa::path(
    get,
    path = "/api/v1/audit-bodies",
    operation_id = "list_audit_bodies",
    tag = "audit bodies",
    summary = "The audit bodies' selections, measures and quality-review ratings (public) / 監査機関の選定・措置・品質レビュー",
    responses(
        (status = 200, description = "Every recorded selection, by organisation id.", body = SelectionList),
    )
)]
pub async fn list(State(state): State<AppState>) -> Result<Json<SelectionList>, ApiError> {
    let today = CalendarDate::from_unix_ms(state.wall.now_ms());
    let mut items: Vec<SelectionView> = state
        .store
        .audit_body_records()
        .await?
        .into_iter()
        .map(|stored| SelectionView::of(stored.value, today))
        .collect();
    items.sort_by(|a, b| a.org.cmp(&b.org));
    let reviews: Vec<_> = state
        .store
        .quality_reviews()
        .await?
        .into_iter()
        .map(|stored| stored.value)
        .collect();
    let quality_reviews = items
        .iter()
        .flat_map(|body| {
            shinrai_domain::workflow::quality_review::public_ratings(&reviews, &body.org)
        })
        .map(|rated| PublicRatingView {
            audit_body: rated.audit_body,
            review: rated.review,
            audit: rated.audit,
            reviewed_on: rated.reviewed_on,
            rating: rated.rating.code(),
        })
        .collect();
    Ok(Json(SelectionList {
        items,
        quality_reviews,
    }))
}

#[utoipa::path(
    post,
    path = "/api/v1/audit-bodies/{org}/status-reports",
    operation_id = "send_status_report",
    tag = "audit bodies",
    summary = "Send the yearly status report (the audit body's auditors) / 年次の状況報告を提出する",
    description = "A selected body reports once for each full year of its selection, from 30 days \
        before that year's last day; the report covers the oldest year owed (409 \
        `no_status_report_owed` when none is). A report not sent by its day is shown overdue. / \
        各年の最終日の 30 日前から提出できます。",
    params(("org" = String, Path, description = "The audit body's organisation id")),
    request_body(content = StatusReportRequest, content_type = "application/json"),
    responses(
        (status = 201, description = "The body's record with the report.", body = SelectionView),
        ChangeErrors,
    )
)]
pub async fn send_status_report(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(org): ApiPath<String>,
    ApiJson(request): ApiJson<StatusReportRequest>,
) -> Result<(StatusCode, Json<SelectionView>), ApiError> {
    let record = actions::report(&state, &acting, &org, request.text).await?;
    Ok((
        StatusCode::CREATED,
        Json(SelectionView::of(record, acting.at.date())),
    ))
}
