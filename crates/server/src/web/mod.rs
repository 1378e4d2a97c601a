//! The page shell every feature's pages share: the reader's context (language, address, who
//! is reading), the fixed labels in both languages, the page frame, the SVG charts, rendering
//! with the error and not-found pages, and the stylesheet and icon. The pages themselves live
//! with their feature (`registry/pages.rs`, `criteria/pages.rs`, …). Pages are server-rendered
//! in Japanese and English; forms are plain HTML forms, so everything works without scripts.

pub(crate) mod annex_labels;
pub(crate) mod assurance_labels;
pub(crate) mod certificate_labels;
pub(crate) mod change_notice_labels;
pub(crate) mod chart;
pub(crate) mod comparison_labels;
pub(crate) mod context;
pub(crate) mod coverage_labels;
pub(crate) mod criteria_gaps_labels;
pub(crate) mod entry_form_labels;
pub(crate) mod field_values;
pub(crate) mod form;
pub(crate) mod inbox_labels;
pub(crate) mod incident_labels;
pub(crate) mod labels;
pub(crate) mod page;
pub(crate) mod paper_labels;
pub(crate) mod record_filter;
pub(crate) mod review_labels;
pub(crate) mod system_labels;
pub(crate) mod upload;
pub(crate) mod work_labels;

use axum::Router;
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;

use crate::state::AppState;

pub use labels::Labels;

/// Every label pair of every set, shell and features alike, as (name, Japanese, English): what
/// the language tests walk.
pub fn all_label_pairs() -> Vec<(&'static str, &'static str, &'static str)> {
    let mut pairs = Labels::pairs();
    pairs.extend(work_labels::WorkLabels::pairs());
    pairs.extend(review_labels::ReviewLabels::pairs());
    pairs.extend(paper_labels::PaperLabels::pairs());
    pairs.extend(inbox_labels::InboxLabels::pairs());
    pairs.extend(entry_form_labels::EntryFormLabels::pairs());
    pairs.extend(change_notice_labels::ChangeNoticeLabels::pairs());
    pairs.extend(incident_labels::IncidentLabels::pairs());
    pairs.extend(criteria_gaps_labels::CriteriaGapsLabels::pairs());
    pairs.extend(system_labels::SystemLabels::pairs());
    pairs.extend(coverage_labels::CoverageLabels::pairs());
    pairs.extend(comparison_labels::ComparisonLabels::pairs());
    pairs.extend(annex_labels::AnnexLabels::pairs());
    pairs.extend(certificate_labels::CertificateLabels::pairs());
    pairs.extend(assurance_labels::AssuranceLabels::pairs());
    pairs
}

const STYLESHEET: &str = include_str!("../../static/shinrai.css");
const ICON: &str = include_str!("../../static/icon.svg");

/// The stylesheet and the icon every page links to.
pub(crate) fn static_routes() -> Router<AppState> {
    Router::new()
        .route("/static/shinrai.css", get(stylesheet))
        .route("/static/icon.svg", get(icon))
}

async fn icon() -> Response {
    (
        [
            (header::CONTENT_TYPE, "image/svg+xml"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        ICON,
    )
        .into_response()
}

/// The not-found page in the reader's language.
pub fn not_found_page(lang: shinrai_domain::text::Lang, uri: &axum::http::Uri) -> Response {
    let page = page::Page::new(lang, uri, Labels::of(lang).not_found_title);
    render(&NotFound { page }, StatusCode::NOT_FOUND)
}

#[derive(askama::Template)]
#[template(path = "not_found.html")]
struct NotFound {
    page: page::Page,
}

async fn stylesheet() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        STYLESHEET,
    )
        .into_response()
}

#[derive(askama::Template)]
#[template(path = "error.html")]
struct ErrorPage {
    page: page::Page,
    message: String,
}

/// Any failure behind a page (a bad query parameter, the store not answering) as a page in the
/// reader's language, with the status and message the API would give.
pub(crate) fn error_page(
    lang: shinrai_domain::text::Lang,
    uri: &axum::http::Uri,
    error: &crate::error::ApiError,
) -> Response {
    let page = page::Page::new(lang, uri, Labels::of(lang).error_title);
    let message = error.message().get(lang).to_owned();
    let mut response = render(&ErrorPage { page, message }, error.status());
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    response
}

/// A form page's status: 422 when the form had problems to show, else 200.
pub(crate) fn form_status(problems: &[String]) -> StatusCode {
    if problems.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    }
}

/// A rendered page, or a plain 500 when a template fails (it cannot: templates are checked at
/// compile time; the error is logged with an incident number all the same).
pub(crate) fn render(template: &impl askama::Template, status: StatusCode) -> Response {
    match template.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(error) => crate::error::ApiError::internal(error).into_response(),
    }
}
