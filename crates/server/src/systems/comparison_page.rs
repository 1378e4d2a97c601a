//! `/systems/{id}/compare?service=…`: the candidates ticked on the system page side by side, as
//! the exports print them, with links to the XLSX and PDF in either language.

use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use shinrai_formats::comparison::ComparisonSheet;

use super::comparison::comparison;
use super::comparison_sheet::comparison_sheet;
use super::views::compared_services;
use crate::error::ApiError;
use crate::state::AppState;
use crate::web::comparison_labels::ComparisonLabels;
use crate::web::context::PageContext;
use crate::web::form::{acting, in_lang, path_segment, private, to_sign_in};
use crate::web::page::Page;
use crate::web::render;

#[derive(Template)]
#[template(path = "system_comparison.html")]
struct ComparisonPage {
    page: Page,
    m: ComparisonLabels,
    system_href: String,
    /// The comparison, or why there is none (none or too many chosen).
    sheet: Option<ComparisonSheet>,
    /// The exports: (label, address, language).
    exports: Vec<(&'static str, String, &'static str)>,
}

/// `GET /systems/{id}/compare`.
pub async fn show(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Response {
    let Some(by) = acting(&ctx, &state) else {
        return to_sign_in(&ctx);
    };
    let lang = ctx.lang;
    let m = ComparisonLabels::of(lang);
    let pairs = query.map(|Query(pairs)| pairs).unwrap_or_default();
    let chosen = pairs
        .iter()
        .filter(|(name, _)| name == "service")
        .map(|(_, value)| value.as_str());
    let system_href = in_lang(&format!("/systems/{}", path_segment(&id)), lang);
    let (sheet, services, status) = match compared_services(chosen) {
        Ok(services) => match comparison(&state, &by, &id, &services)
            .await
            .and_then(|view| comparison_sheet(&view, lang, by.at.date()))
        {
            Ok(sheet) => (Some(sheet), services, StatusCode::OK),
            Err(error) => return crate::web::error_page(lang, &ctx.uri, &error),
        },
        // The system must still be the reader's own before the choice is questioned.
        Err(ApiError::BadRequest(_)) => {
            if let Err(failure) = super::actions::visible(&state, &by, &id).await {
                return crate::web::form::failure_page(&ctx, failure);
            }
            (None, Vec::new(), StatusCode::BAD_REQUEST)
        }
        Err(error) => return crate::web::error_page(lang, &ctx.uri, &error),
    };
    let listed = services
        .iter()
        .map(|service| path_segment(service))
        .collect::<Vec<_>>()
        .join(",");
    let export = |kind: &str, code: &str| {
        format!(
            "/api/v1/systems/{}/comparison/{kind}?services={listed}&lang={code}",
            path_segment(&id)
        )
    };
    let exports = if sheet.is_some() {
        vec![
            (m.xlsx_ja, export("xlsx", "ja"), "ja"),
            (m.xlsx_en, export("xlsx", "en"), "en"),
            (m.pdf_ja, export("pdf", "ja"), "ja"),
            (m.pdf_en, export("pdf", "en"), "en"),
        ]
    } else {
        Vec::new()
    };
    let view = ComparisonPage {
        page: ctx.page(m.title.to_owned()),
        m,
        system_href,
        sheet,
        exports,
    };
    private(render(&view, status))
}
