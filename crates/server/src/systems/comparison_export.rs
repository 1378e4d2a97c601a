//! The comparison exported: `GET /api/v1/systems/{id}/comparison/xlsx` and `…/pdf`, in the
//! language asked for (`?lang=`, else `Accept-Language`), made from the same view the API
//! answers. Both are rendered off the request threads.

use axum::extract::State;
use axum::response::Response;
use shinrai_domain::text::Lang;
use shinrai_formats::comparison::{ComparisonSheet, comparison_pdf, comparison_xlsx};

use super::comparison::comparison;
use super::comparison_sheet::comparison_sheet;
use super::views::ComparisonQuery;
use crate::error::{ApiError, ErrorBody};
use crate::extract::{ApiPath, ApiQuery};
use crate::lang::RequestLang;
use crate::openapi::ReadErrors;
use crate::state::AppState;
use crate::workflow::Acting;
use crate::workflow::files::{XLSX, attachment};

/// The sheet of the comparison asked for, in the request's language.
async fn sheet(
    state: &AppState,
    acting: &Acting,
    id: &str,
    query: &ComparisonQuery,
    lang: Lang,
) -> Result<ComparisonSheet, ApiError> {
    let services = query.services()?;
    let view = comparison(state, acting, id, &services).await?;
    comparison_sheet(&view, lang, acting.at.date())
}

fn file_name(id: &str, lang: Lang, extension: &str) -> String {
    format!("comparison-{id}-{}.{extension}", lang.code())
}

#[utoipa::path(
    get,
    path = "/api/v1/systems/{id}/comparison/xlsx",
    operation_id = "system_comparison_xlsx",
    tag = "procurement",
    summary = "The comparison as an XLSX workbook / 候補サービスの比較（XLSX）",
    description = "One sheet: the system, then per section (registration, availability, risks, \
        customer responsibilities, each checklist with its answers) a row per item with a \
        column per service. / 比較を XLSX で書き出します。",
    params(("id" = String, Path, description = "The system id"), ComparisonQuery),
    responses(
        (status = 200, description = "The workbook.", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = Vec<u8>),
        (status = 400, description = "`bad_request`: no service or more than four", body = ErrorBody),
        ReadErrors
    )
)]
pub async fn xlsx(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(id): ApiPath<String>,
    ApiQuery(query): ApiQuery<ComparisonQuery>,
    RequestLang(lang): RequestLang,
) -> Result<Response, ApiError> {
    let sheet = sheet(&state, &acting, &id, &query, lang).await?;
    let bytes = tokio::task::spawn_blocking(move || comparison_xlsx(&sheet))
        .await
        .map_err(ApiError::internal)?
        .map_err(ApiError::internal)?;
    Ok(attachment(XLSX, &file_name(&id, lang, "xlsx"), bytes))
}

#[utoipa::path(
    get,
    path = "/api/v1/systems/{id}/comparison/pdf",
    operation_id = "system_comparison_pdf",
    tag = "procurement",
    summary = "The comparison as PDF / 候補サービスの比較（PDF）",
    description = "A4 landscape, the column headings on every page, real text with an embedded \
        Japanese font; every page's footer carries the SHA-256 of the compared data. / 比較を \
        PDF で書き出します。",
    params(("id" = String, Path, description = "The system id"), ComparisonQuery),
    responses(
        (status = 200, description = "The PDF.", content_type = "application/pdf", body = Vec<u8>),
        (status = 400, description = "`bad_request`: no service or more than four", body = ErrorBody),
        ReadErrors
    )
)]
pub async fn pdf(
    State(state): State<AppState>,
    acting: Acting,
    ApiPath(id): ApiPath<String>,
    ApiQuery(query): ApiQuery<ComparisonQuery>,
    RequestLang(lang): RequestLang,
) -> Result<Response, ApiError> {
    let sheet = sheet(&state, &acting, &id, &query, lang).await?;
    let font = crate::pdf_font::pdf_font()?;
    let bytes = tokio::task::spawn_blocking(move || comparison_pdf(&sheet, font))
        .await
        .map_err(ApiError::internal)?
        .map_err(ApiError::internal)?;
    Ok(attachment(
        "application/pdf",
        &file_name(&id, lang, "pdf"),
        bytes,
    ))
}
