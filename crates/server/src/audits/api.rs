//! `/api/v1/audits`: a provider orders an audit of a submitted statement; the audit body's
//! auditors accept it, conclude it and sign its report.

use axum::Json;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::Value;

use super::views::{
    AcceptRequest, AuditList, AuditQuery, AuditView, ConclusionsView, DeclineRequest,
    NewAuditRequest,
};
use super::{actions, files};
use crate::error::ApiError;
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::lang::RequestLang;
use crate::openapi::{ChangeErrors, DownloadErrors, ReadErrors, UploadErrors};
use crate::state::AppState;
use crate::workflow::Acting;
use crate::workflow::files::{FormatQuery, Upload, spreadsheet};

#[utoipa::path(
    post,
    path = "/api/v1/audits",
    operation_id = "order_audit",
    tag = "audits",
    summary = "Order an audit of a submitted statement (its provider) / 監査を依頼する",
    description = "The audited scope is the service's scope at this moment, kept with the audit. \
        The audit body must be selected today; the period lasts at most twelve months. / \
        監査対象範囲は依頼時のサービスの範囲です。",
    request_body(content = NewAuditRequest, content_type = "application/json"),
    responses(
        (status = 201, description = "The audit, `requested`.", body = AuditView),
        ChangeErrors,
    )
)]
pub async fn order(
    State(state): State<AppState>,
    acting: Acting,
    ApiJson(request): ApiJson<NewAuditRequest>,
) -> Result<(StatusCode, Json<AuditView>), ApiError> {
    let audit = actions::order(&state, &acting, request.into()).await?;
    Ok((StatusCode::CREATED, Json(audit.into())))
}

#[utoipa::path(
    get,
    path = "/api/v1/audits/{id}",
    operation_id = "get_audit",
    tag = "audits",
    summary = "One audit (its provider, the audit body, the operator) / 監査",
    params(("id" = String, Path, description = "The audit id")),
    responses(
        (status = 200, description = "The audit.", body = AuditView),
        ReadErrors,
    )
)]
pub async fn get(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<AuditView>, ApiError> {
    Ok(Json(actions::get(&state, &acting, &id).await?.into()))
}

#[utoipa::path(
    post,
    path = "/api/v1/audits/{id}/accept",
    operation_id = "accept_audit",
    tag = "audits",
    summary = "Accept the audit and name its signing auditor (an auditor of the body) / 監査を受諾する",
    description = "Naming a user who is not a qualified signing auditor of the audit body is \
        `invalid_input` at `/signing_auditor`. / 署名監査人の要件を満たさない利用者は指名できません。",
    params(("id" = String, Path, description = "The audit id")),
    request_body(content = AcceptRequest, content_type = "application/json"),
    responses(
        (status = 200, description = "The audit, `in_progress`.", body = AuditView),
        ChangeErrors,
    )
)]
pub async fn accept(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(id): ApiPath<String>,
    ApiJson(request): ApiJson<AcceptRequest>,
) -> Result<Json<AuditView>, ApiError> {
    let audit = actions::accept(&state, &acting, &id, &request.signing_auditor).await?;
    Ok(Json(audit.into()))
}

#[utoipa::path(
    post,
    path = "/api/v1/audits/{id}/decline",
    operation_id = "decline_audit",
    tag = "audits",
    summary = "Decline the audit, with a reason (an auditor of the body) / 監査を辞退する",
    params(("id" = String, Path, description = "The audit id")),
    request_body(content = DeclineRequest, content_type = "application/json"),
    responses(
        (status = 200, description = "The audit, `declined`.", body = AuditView),
        ChangeErrors,
    )
)]
pub async fn decline(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(id): ApiPath<String>,
    ApiJson(request): ApiJson<DeclineRequest>,
) -> Result<Json<AuditView>, ApiError> {
    let audit = actions::decline(&state, &acting, &id, request.reason).await?;
    Ok(Json(audit.into()))
}

#[utoipa::path(
    put,
    path = "/api/v1/audits/{id}/conclusions",
    operation_id = "record_conclusions",
    tag = "audits",
    summary = "Record the conclusions, until signed (an auditor of the body) / 監査の結論を記録する",
    params(("id" = String, Path, description = "The audit id")),
    request_body(content = ConclusionsView, content_type = "application/json"),
    responses(
        (status = 200, description = "The audit with its conclusions.", body = AuditView),
        ChangeErrors,
    )
)]
pub async fn conclude(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(id): ApiPath<String>,
    ApiJson(request): ApiJson<ConclusionsView>,
) -> Result<Json<AuditView>, ApiError> {
    let audit = actions::conclude(&state, &acting, &id, request.into()).await?;
    Ok(Json(audit.into()))
}

#[utoipa::path(
    get,
    path = "/api/v1/audits/{id}/conclusions/template",
    operation_id = "conclusions_template",
    tag = "audits",
    summary = "The conclusions as a spreadsheet to fill in (an auditor of the body, while in progress) / 結論の記入用の表",
    description = "One row per objective of a selected control (sheet `objectives`: `effective` \
        yes/no and the reason) and per selected control (sheet `controls`: `conformant` yes/no \
        and the reason), with the criteria's and the statement's texts for reference and the \
        conclusions recorded so far; the sheet `instructions` explains it in Japanese and \
        English. `format=csv` gives the same rows as one CSV table with a `part` column. / \
        統制目標・詳細管理策ごとの結論と理由を記入する表です。",
    params(("id" = String, Path, description = "The audit id"), FormatQuery),
    responses(
        (status = 200, description = "The file, as an attachment.", content(
            (String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            (String = "text/csv"),
        )),
        DownloadErrors,
    )
)]
pub async fn conclusions_template(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(id): ApiPath<String>,
    ApiQuery(query): ApiQuery<FormatQuery>,
) -> Result<Response, ApiError> {
    let format = query.download()?;
    let bytes = files::template(&state, &acting, &id, format).await?;
    Ok(spreadsheet(format, &format!("{id}-conclusions"), bytes))
}

#[utoipa::path(
    post,
    path = "/api/v1/audits/{id}/conclusions/import",
    operation_id = "import_conclusions",
    tag = "audits",
    summary = "Record the conclusions from a filled spreadsheet (an auditor of the body, while in progress) / 記入済みの表から結論を記録する",
    description = "The body is the file (XLSX or CSV, by `format` or the `Content-Type`; at most \
        16 MiB). Rows whose conclusion is empty are skipped; a conclusion needs a reason. The \
        conclusions read replace those recorded, exactly as `PUT /audits/{id}/conclusions` \
        does, with the same event in the log. All or nothing: a file with any problem records \
        nothing, and `problems` places each at its sheet and cell. / 全部か無か。問題はシートとセルで示します。",
    params(("id" = String, Path, description = "The audit id"), FormatQuery),
    request_body(description = "The file's bytes.", content(
        (String = "text/csv"),
        (String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    )),
    responses(
        (status = 200, description = "The audit with its conclusions.", body = AuditView),
        UploadErrors,
    )
)]
pub async fn import_conclusions(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(id): ApiPath<String>,
    ApiQuery(query): ApiQuery<FormatQuery>,
    request: Request,
) -> Result<Json<AuditView>, ApiError> {
    let rights = files::template_rights(&state, &acting, &id);
    let (format, bytes) = Upload::sheet(request, &state, &query, rights).await?;
    let audit = files::import(&state, &acting, &id, format, bytes).await?;
    Ok(Json(audit.into()))
}

#[utoipa::path(
    post,
    path = "/api/v1/audits/{id}/sign",
    operation_id = "sign_audit",
    tag = "audits",
    summary = "Sign the report (the named signing auditor only) / 監査報告書に署名する",
    description = "Every selected objective and control needs a conclusion with a reason, and \
        the signer must still meet the requirements today. The report's canonical form is hashed \
        (`report_sha256`) and recorded in the signed log; it never changes again. The body is \
        empty or `{}`. / 署名後、報告書は変更されません。",
    params(("id" = String, Path, description = "The audit id")),
    responses(
        (status = 200, description = "The audit, `signed`, with `report_sha256`.", body = AuditView),
        ChangeErrors,
    )
)]
pub async fn sign(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<AuditView>, ApiError> {
    let (audit, _report) = actions::sign(&state, &acting, &id).await?;
    Ok(Json(audit.into()))
}

#[utoipa::path(
    get,
    path = "/api/v1/audits/{id}/report",
    operation_id = "get_audit_report",
    tag = "audits",
    summary = "The signed report (its provider, the audit body, the operator) / 署名済みの監査報告書",
    description = "The report exactly as signed (`format`: `shinrai-audit-report/2`; reports \
        signed before the working papers were kept say `/1`). Besides the conclusions it lists \
        the statement versions examined, governance and, per selected control, the phases' \
        results and the SHA-256 of the evidence behind them. Its \
        canonical form — keys sorted, no white space — hashes to the audit's `report_sha256`; \
        `shinrai report verify` checks a downloaded copy against the signed log. Before signing \
        the answer is `report_not_signed` (409). / 署名前は 409 です。",
    params(("id" = String, Path, description = "The audit id")),
    responses(
        (status = 200, description = "The signed report.", body = Object),
        (status = 409, description = "`conflict` (`report_not_signed`).", body = crate::error::ErrorBody),
        ReadErrors,
    )
)]
pub async fn report(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<Value>, ApiError> {
    let report = actions::report(&state, &acting, &id).await?;
    serde_json::to_value(&report)
        .map(Json)
        .map_err(ApiError::internal)
}

#[utoipa::path(
    get,
    path = "/api/v1/audits/{id}/report/pdf",
    operation_id = "get_audit_report_pdf",
    tag = "audits",
    summary = "The signed report as PDF, in Japanese or English (its provider, the audit body, the operator) / 監査報告書の PDF",
    description = "The language is `?lang=ja|en`, else the request's `Accept-Language`. Every \
        page carries the report's SHA-256 in its footer; the text is real text with an \
        embedded Japanese font. / 各ページのフッターに報告書のハッシュを印字します。",
    params(
        ("id" = String, Path, description = "The audit id"),
        ("lang" = Option<String>, Query, description = "`ja` or `en`"),
    ),
    responses(
        (status = 200, description = "The PDF.", content_type = "application/pdf", body = Vec<u8>),
        (status = 409, description = "`conflict` (`report_not_signed`).", body = crate::error::ErrorBody),
        ReadErrors,
    )
)]
pub async fn report_pdf(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(id): ApiPath<String>,
    RequestLang(lang): RequestLang,
) -> Result<Response, ApiError> {
    let report = actions::report(&state, &acting, &id).await?;
    let pdf = tokio::task::spawn_blocking(move || super::report_print::report_pdf(&report, lang))
        .await
        .map_err(ApiError::internal)??;
    let suffix = match lang {
        shinrai_domain::text::Lang::Ja => "ja",
        shinrai_domain::text::Lang::En => "en",
    };
    Ok(crate::workflow::files::attachment(
        "application/pdf",
        &format!("report-{id}-{suffix}.pdf"),
        pdf,
    ))
}

#[utoipa::path(
    get,
    path = "/api/v1/audits/{id}/report/{document}",
    operation_id = "get_audit_report_oscal",
    tag = "audits",
    summary = "The signed report as OSCAL assessment plan or results (its provider, the audit body, the operator) / OSCAL 評価計画・評価結果",
    description = "`assessment-plan`: an OSCAL 1.2.1 `assessment-plan` with the audited \
        controls, the service as subject and a task per phase. `assessment-results`: per \
        control an observation with the SHA-256 of every evidence record behind it and a \
        finding (`satisfied` or `not-satisfied`) with the reason and the phases' results; the \
        report's hash as a property; it imports its plan as `assessment-plan.json`. Texts in \
        `?lang=ja|en`; both are valid by `shinrai oscal validate`. / \
        管理策ごとに観察と所見を示します。`shinrai oscal validate` で妥当です。",
    params(
        ("id" = String, Path, description = "The audit id"),
        ("document" = String, Path, description = "`assessment-plan` or `assessment-results`"),
        ("lang" = Option<String>, Query, description = "`ja` or `en`"),
    ),
    responses(
        (status = 200, description = "The OSCAL document.", body = Object),
        (status = 409, description = "`conflict` (`report_not_signed`).", body = crate::error::ErrorBody),
        ReadErrors,
    )
)]
pub async fn report_oscal(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath((id, document)): ApiPath<(String, String)>,
    RequestLang(lang): RequestLang,
) -> Result<Json<Value>, ApiError> {
    let write = match document.as_str() {
        "assessment-plan" => shinrai_formats::oscal_assessment::assessment_plan,
        "assessment-results" => shinrai_formats::oscal_assessment::assessment_results,
        _ => {
            return Err(ApiError::NotFound(shinrai_domain::text::Bilingual::new(
                format!("報告書の形式 {document} はありません"),
                format!("there is no report document {document}"),
            )));
        }
    };
    let report = actions::report(&state, &acting, &id).await?;
    Ok(Json(write(&report, lang)))
}

#[utoipa::path(
    get,
    path = "/api/v1/audits",
    operation_id = "list_audits",
    tag = "audits",
    summary = "The audits the caller may see / 閲覧できる監査の一覧",
    params(AuditQuery),
    responses(
        (status = 200, description = "The audits, by id.", body = AuditList),
        ReadErrors,
    )
)]
pub async fn list(
    State(state): State<AppState>,
    acting: Acting,
    ApiQuery(query): ApiQuery<AuditQuery>,
) -> Result<Json<AuditList>, ApiError> {
    let audits = actions::list(&state, &acting, query.status, query.service.as_deref()).await?;
    Ok(Json(AuditList {
        items: audits.into_iter().map(AuditView::from).collect(),
    }))
}
