//! `/api/v1/statements`: a provider writes its service's statement version by version; its
//! owner, the operator and an audit body that accepted an audit of it read it.

use axum::Json;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::Value;

use super::views::{DraftRequest, NewVersionRequest, StatementVersionView};
use super::{actions, files};
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::lang::RequestLang;
use crate::openapi::answers::PrecheckAnswer;
use crate::openapi::{ChangeErrors, LangParams, ReadErrors, UploadErrors};
use crate::state::AppState;
use crate::workflow::Acting;
use crate::workflow::files::{FormatQuery, JSON, Upload, spreadsheet};

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

#[utoipa::path(
    get,
    path = "/api/v1/statements/{id}/template",
    operation_id = "statement_template",
    tag = "statements",
    summary = "The statement as a spreadsheet, filled with its content / 言明書の表（現在の内容入り）",
    description = "The layout of `shinrai statement template`: sheets `instructions` (Japanese \
        and English), `statement`, `items`, `controls` and `documents`, with a row for every \
        item and control that applies to the service's models at the target level, answered or \
        not, and the criteria's texts beside the answers. `format=csv` gives one CSV table. \
        Filled in and sent to `POST /statements/{id}/import`, it replaces the draft's content. / \
        記入して取り込むと下書きの内容を置き換えます。",
    params(("id" = String, Path, description = "The statement id"), FormatQuery),
    responses(
        (status = 200, description = "The file, as an attachment.", content(
            (String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            (String = "text/csv"),
        )),
        (status = 400, description = "`bad_request`: `format` is neither `xlsx` nor `csv`.", body = crate::error::ErrorBody),
        ReadErrors,
    )
)]
pub async fn template(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(id): ApiPath<String>,
    ApiQuery(query): ApiQuery<FormatQuery>,
) -> Result<Response, ApiError> {
    let format = query.download()?;
    let bytes = files::template(&state, &acting, &id, format).await?;
    Ok(spreadsheet(format, &id, bytes))
}

#[utoipa::path(
    post,
    path = "/api/v1/statements/{id}/import",
    operation_id = "import_statement",
    tag = "statements",
    summary = "Replace a draft's content from a filled spreadsheet (its provider) / 記入済みの表で下書きを置き換える",
    description = "The body is the file (XLSX or CSV, by `format` or the `Content-Type`; at most \
        16 MiB) in the layout of `GET /statements/{id}/template`. It replaces the draft's \
        content exactly as `PUT /statements/{id}` does, with the same event in the log. All or \
        nothing: a file with any problem stores nothing, and `problems` places each at its sheet \
        and cell. A submitted statement is `statement_frozen` (409). / 全部か無か。",
    params(("id" = String, Path, description = "The statement id"), FormatQuery),
    request_body(description = "The file's bytes.", content(
        (String = "text/csv"),
        (String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    )),
    responses(
        (status = 200, description = "The draft as saved.", body = StatementVersionView),
        UploadErrors,
    )
)]
pub async fn import(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(id): ApiPath<String>,
    ApiQuery(query): ApiQuery<FormatQuery>,
    request: Request,
) -> Result<Json<StatementVersionView>, ApiError> {
    let rights = files::draft_for_provider(&state, &acting, &id);
    let (format, bytes) = Upload::sheet(request, &state, &query, rights).await?;
    let statement = files::import_sheet(&state, &acting, &id, format, bytes).await?;
    Ok(Json(statement.into()))
}

#[utoipa::path(
    get,
    path = "/api/v1/statements/{id}/ssp",
    operation_id = "statement_ssp",
    tag = "statements",
    summary = "The statement as an OSCAL system security plan / 言明書の OSCAL SSP",
    description = "The plan `shinrai statement export --format oscal-ssp` writes, with the \
        service's name as the system's name. A statement with no answer at all cannot be a plan \
        (`conflict`, 409). / 回答のない言明書は SSP にできません。",
    params(("id" = String, Path, description = "The statement id")),
    responses(
        (status = 200, description = "The plan.", body = Object),
        (status = 409, description = "`conflict`: the statement has no answer yet.", body = crate::error::ErrorBody),
        ReadErrors,
    )
)]
pub async fn ssp(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<Value>, ApiError> {
    Ok(Json(files::ssp(&state, &acting, &id).await?))
}

#[utoipa::path(
    post,
    path = "/api/v1/statements/{id}/ssp",
    operation_id = "import_statement_ssp",
    tag = "statements",
    summary = "Replace a draft's content from an OSCAL system security plan (its provider) / OSCAL SSP で下書きを置き換える",
    description = "The body is the plan as JSON (at most 32 MiB), as `GET /statements/{id}/ssp` \
        gives it. It replaces the draft's content exactly as `PUT /statements/{id}` does. A plan \
        that cannot be read as a statement is `invalid_input` at its JSON pointer. / 全部か無か。",
    params(("id" = String, Path, description = "The statement id")),
    request_body(content = Object, description = "The plan.", content_type = "application/json"),
    responses(
        (status = 200, description = "The draft as saved.", body = StatementVersionView),
        UploadErrors,
    )
)]
pub async fn import_ssp(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(id): ApiPath<String>,
    request: Request,
) -> Result<Json<StatementVersionView>, ApiError> {
    let upload = Upload::read(request, &state).await?;
    if upload.media_type != JSON {
        files::draft_for_provider(&state, &acting, &id).await?;
        return Err(ApiError::UnsupportedMediaType {
            expected: "application/json",
        });
    }
    let statement = files::import_ssp(&state, &acting, &id, upload.bytes).await?;
    Ok(Json(statement.into()))
}
