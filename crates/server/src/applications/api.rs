//! `/api/v1/applications`: a provider applies for registration with a signed report; the
//! operator reviews, asks for explanations and decides; a second administrator approves.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde_json::Value;

use super::actions;
use super::views::{
    ApplicationList, ApplicationQuery, ApplicationView, AskRequest, DecisionRequest,
    ExplainRequest, NewApplicationRequest, VerdictRequest,
};
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::lang::RequestLang;
use crate::openapi::answers::RegistrationAnswer;
use crate::openapi::{ChangeErrors, LangParams, ReadErrors};
use crate::state::AppState;
use crate::workflow::Acting;

#[utoipa::path(
    post,
    path = "/api/v1/applications",
    operation_id = "apply_for_registration",
    tag = "applications",
    summary = "Apply for registration with a signed report (its provider) / 登録を申請する",
    request_body(content = NewApplicationRequest, content_type = "application/json"),
    responses(
        (status = 201, description = "The application, `submitted`.", body = ApplicationView),
        ChangeErrors,
    )
)]
pub async fn apply(
    State(state): State<AppState>,
    acting: Acting,
    ApiJson(request): ApiJson<NewApplicationRequest>,
) -> Result<(StatusCode, Json<ApplicationView>), ApiError> {
    let application = actions::apply(&state, &acting, request.into()).await?;
    Ok((StatusCode::CREATED, Json(application.into())))
}

#[utoipa::path(
    get,
    path = "/api/v1/applications/{id}",
    operation_id = "get_application",
    tag = "applications",
    summary = "One application (its provider, the operator, the audit body) / 登録申請",
    params(("id" = String, Path, description = "The application id")),
    responses(
        (status = 200, description = "The application; `registry_entry` once registered.", body = ApplicationView),
        ReadErrors,
    )
)]
pub async fn get(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<ApplicationView>, ApiError> {
    Ok(Json(actions::get(&state, &acting, &id).await?.into()))
}

#[utoipa::path(
    get,
    path = "/api/v1/applications/{id}/review",
    operation_id = "review_application",
    tag = "applications",
    summary = "Review: the registration rule on the stored facts (operator) / 審査",
    description = "The `registration` answer computed from the stored facts: the criteria version \
        of the audited statement, the service, the registry, the audit body's selection, the \
        signing auditor, the audit and its conclusions, and the judged explanations. The first \
        review moves `submitted` to `under_review`. / 初回の審査で審査中になります。",
    params(("id" = String, Path, description = "The application id"), LangParams),
    responses(
        (status = 200, description = "The rule's answer.", body = RegistrationAnswer),
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
    path = "/api/v1/applications/{id}/explanations",
    operation_id = "ask_for_explanations",
    tag = "applications",
    summary = "Ask the audit body to explain controls (operator reviewer) / 監査機関に説明を求める",
    description = "Each control must be one the review lists in `explanations_requested`. The \
        application is `explanation_requested` until every asked control has a verdict. / \
        すべての説明に判断が出るまで説明依頼中になります。",
    params(("id" = String, Path, description = "The application id")),
    request_body(content = AskRequest, content_type = "application/json"),
    responses(
        (status = 200, description = "The application.", body = ApplicationView),
        ChangeErrors,
    )
)]
pub async fn ask(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(id): ApiPath<String>,
    ApiJson(request): ApiJson<AskRequest>,
) -> Result<Json<ApplicationView>, ApiError> {
    let application = actions::ask(&state, &acting, &id, &request.controls).await?;
    Ok(Json(application.into()))
}

#[utoipa::path(
    put,
    path = "/api/v1/applications/{id}/explanations/{control}",
    operation_id = "explain_control",
    tag = "applications",
    summary = "Explain one asked control (an auditor of the audit body) / 説明を回答する",
    params(
        ("id" = String, Path, description = "The application id"),
        ("control" = String, Path, description = "The control asked about"),
    ),
    request_body(content = ExplainRequest, content_type = "application/json"),
    responses(
        (status = 200, description = "The application.", body = ApplicationView),
        ChangeErrors,
    )
)]
pub async fn explain(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath((id, control)): ApiPath<(String, String)>,
    ApiJson(request): ApiJson<ExplainRequest>,
) -> Result<Json<ApplicationView>, ApiError> {
    let application = actions::explain(&state, &acting, &id, &control, request.text).await?;
    Ok(Json(application.into()))
}

#[utoipa::path(
    post,
    path = "/api/v1/applications/{id}/explanations/{control}/verdict",
    operation_id = "judge_explanation",
    tag = "applications",
    summary = "Accept or reject an explanation (operator reviewer) / 説明を判断する",
    params(
        ("id" = String, Path, description = "The application id"),
        ("control" = String, Path, description = "The control explained"),
    ),
    request_body(content = VerdictRequest, content_type = "application/json"),
    responses(
        (status = 200, description = "The application.", body = ApplicationView),
        ChangeErrors,
    )
)]
pub async fn judge(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath((id, control)): ApiPath<(String, String)>,
    ApiJson(request): ApiJson<VerdictRequest>,
) -> Result<Json<ApplicationView>, ApiError> {
    let application = actions::judge(&state, &acting, &id, &control, request.accepted).await?;
    Ok(Json(application.into()))
}

#[utoipa::path(
    post,
    path = "/api/v1/applications/{id}/decision",
    operation_id = "decide_application",
    tag = "applications",
    summary = "Decide (operator reviewer) / 登録の可否を決定する",
    description = "`register` is `rule_does_not_register` (409) unless the review answers \
        `register`. The decision takes effect when a second administrator approves it. / \
        審査の結果が登録でなければ登録は決定できません。",
    params(("id" = String, Path, description = "The application id")),
    request_body(content = DecisionRequest, content_type = "application/json"),
    responses(
        (status = 200, description = "The application, `decided`.", body = ApplicationView),
        ChangeErrors,
    )
)]
pub async fn decide(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(id): ApiPath<String>,
    ApiJson(request): ApiJson<DecisionRequest>,
) -> Result<Json<ApplicationView>, ApiError> {
    let application =
        actions::decide(&state, &acting, &id, request.decision, request.reason).await?;
    Ok(Json(application.into()))
}

#[utoipa::path(
    post,
    path = "/api/v1/applications/{id}/approve",
    operation_id = "approve_decision",
    tag = "applications",
    summary = "Approve the decision (an operator administrator other than the decider) / 決定を承認する",
    description = "Four eyes: the one who decided may not approve (`four_eyes`, 403). A \
        registration writes the registry entry (`registry_entry`) in the same transaction. The \
        body is empty or `{}`. / 決定した本人は承認できません。",
    params(("id" = String, Path, description = "The application id")),
    responses(
        (status = 200, description = "The application, `registered` or `rejected`.", body = ApplicationView),
        ChangeErrors,
    )
)]
pub async fn approve(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<ApplicationView>, ApiError> {
    Ok(Json(actions::approve(&state, &acting, &id).await?.into()))
}

#[utoipa::path(
    post,
    path = "/api/v1/applications/{id}/withdraw",
    operation_id = "withdraw_application",
    tag = "applications",
    summary = "Withdraw before a decision (its provider) / 申請を取り下げる",
    description = "The body is empty or `{}`. / 決定前に限り取り下げられます。",
    params(("id" = String, Path, description = "The application id")),
    responses(
        (status = 200, description = "The application, `withdrawn`.", body = ApplicationView),
        ChangeErrors,
    )
)]
pub async fn withdraw(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<ApplicationView>, ApiError> {
    Ok(Json(actions::withdraw(&state, &acting, &id).await?.into()))
}

#[utoipa::path(
    get,
    path = "/api/v1/applications",
    operation_id = "list_applications",
    tag = "applications",
    summary = "The applications the caller may see / 閲覧できる登録申請の一覧",
    params(ApplicationQuery),
    responses(
        (status = 200, description = "The applications, by id.", body = ApplicationList),
        ReadErrors,
    )
)]
pub async fn list(
    State(state): State<AppState>,
    acting: Acting,
    ApiQuery(query): ApiQuery<ApplicationQuery>,
) -> Result<Json<ApplicationList>, ApiError> {
    let applications =
        actions::list(&state, &acting, query.status, query.service.as_deref()).await?;
    Ok(Json(ApplicationList {
        items: applications
            .into_iter()
            .map(ApplicationView::from)
            .collect(),
    }))
}
