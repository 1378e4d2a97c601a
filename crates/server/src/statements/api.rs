//! `/api/v1/statements`: a provider writes its service's statement version by version; its
//! owner, the operator and an audit body that accepted an audit of it read it.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde_json::Value;

use super::actions;
use super::views::{DraftRequest, NewVersionRequest, StatementVersionView};
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiPath};
use crate::lang::RequestLang;
use crate::openapi::answers::PrecheckAnswer;
use crate::openapi::{ChangeErrors, LangParams, ReadErrors};
use crate::state::AppState;
use crate::workflow::Acting;

#[utoipa::path(
    post,
    path = "/api/v1/services/{id}/statements",
    operation_id = "start_statement",
    tag = "statements",
    summary = "Start the next version of a service's statement (its provider) / 言明書の新しい版",
    description = "The new version is a draft holding a copy of the latest version's content \
        (what the named criteria version still has). / 直前の版の内容を写した下書きを作ります。",
    params(("id" = String, Path, description = "The service id")),
    request_body(content = NewVersionRequest, content_type = "application/json"),
    responses(
        (status = 201, description = "The new draft.", body = StatementVersionView),
        ChangeErrors,
    )
)]
pub async fn start(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(service): ApiPath<String>,
    ApiJson(request): ApiJson<NewVersionRequest>,
) -> Result<(StatusCode, Json<StatementVersionView>), ApiError> {
    let statement = actions::start(&state, &acting, &service, request.into()).await?;
    Ok((StatusCode::CREATED, Json(statement.into())))
}

#[utoipa::path(
    get,
    path = "/api/v1/statements/{id}",
    operation_id = "get_statement",
    tag = "statements",
    summary = "One statement version / 言明書",
    params(("id" = String, Path, description = "The statement id, `SERVICE-vN`")),
    responses(
        (status = 200, description = "The statement.", body = StatementVersionView),
        ReadErrors,
    )
)]
pub async fn get(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<StatementVersionView>, ApiError> {
    Ok(Json(actions::get(&state, &acting, &id).await?.into()))
}

#[utoipa::path(
    put,
    path = "/api/v1/statements/{id}",
    operation_id = "replace_statement",
    tag = "statements",
    summary = "Replace a draft's content (its provider) / 下書きの内容を置き換える",
    description = "Nothing is stored unless all of it is valid; every problem is listed at its \
        JSON pointer. A submitted statement is `statement_frozen` (409). / 提出済みの言明書は変更できません。",
    params(("id" = String, Path, description = "The statement id")),
    request_body(content = DraftRequest, content_type = "application/json"),
    responses(
        (status = 200, description = "The draft as saved.", body = StatementVersionView),
        ChangeErrors,
    )
)]
pub async fn replace(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(id): ApiPath<String>,
    ApiJson(request): ApiJson<DraftRequest>,
) -> Result<Json<StatementVersionView>, ApiError> {
    Ok(Json(
        actions::replace(&state, &acting, &id, request.into())
            .await?
            .into(),
    ))
}

#[utoipa::path(
    post,
    path = "/api/v1/statements/{id}/submit",
    operation_id = "submit_statement",
    tag = "statements",
    summary = "Submit a draft: it never changes again (its provider) / 言明書を提出する",
    description = "A statement with pre-check findings may be submitted: the audit judges it. \
        The body is empty or `{}`. / 事前チェックの指摘があっても提出できます。",
    params(("id" = String, Path, description = "The statement id")),
    responses(
        (status = 200, description = "The submitted statement.", body = StatementVersionView),
        ChangeErrors,
    )
)]
pub async fn submit(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<StatementVersionView>, ApiError> {
    Ok(Json(actions::submit(&state, &acting, &id).await?.into()))
}

#[utoipa::path(
    get,
    path = "/api/v1/statements/{id}/precheck",
    operation_id = "precheck_statement",
    tag = "statements",
    summary = "Pre-check the stored statement / 保存された言明書の事前チェック",
    description = "The `precheck` rule's answer on the stored statement, the criteria version it \
        names, its service and the registry as it stands: the same answer as \
        `shinrai decide precheck` for the same facts. / 事前チェックの判定結果です。",
    params(("id" = String, Path, description = "The statement id"), LangParams),
    responses(
        (status = 200, description = "The pre-check's answer.", body = PrecheckAnswer),
        ReadErrors,
    )
)]
pub async fn precheck(
    State(state): State<AppState>,
    acting: Acting,
    RequestLang(lang): RequestLang,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<Value>, ApiError> {
    let outcome = actions::precheck(&state, &acting, &id).await?;
    Ok(Json(outcome.to_json(lang)))
}
