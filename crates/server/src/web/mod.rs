//! The human pages, server-rendered in Japanese and English: the home page with the registry's
//! figures, the registry with search, filters, downloads and a feed, each entry with its
//! dependencies, the criteria and their differences, the procurers' tools, the audit bodies,
//! signing in and the signed-in start page. Forms are plain HTML forms, so everything works
//! without scripts.

mod account;
mod audit_bodies;
mod availability_tool;
mod chart;
mod classification_tool;
mod context;
mod criteria;
mod criteria_diff;
mod dependency_picture;
mod feed;
mod home;
mod labels;
mod next_path;
mod page;
mod registry;
mod start;

use axum::Router;
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};

use crate::state::AppState;

pub use labels::Labels;

const STYLESHEET: &str = include_str!("../../static/shinrai.css");
const ICON: &str = include_str!("../../static/icon.svg");

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(home::home))
        .route("/registry", get(registry::list))
        .route("/registry/feed.atom", get(feed::feed))
        .route("/registry/export/{format}", get(registry::export))
        .route("/registry/{id}", get(registry::entry))
        .route("/criteria", get(criteria::versions))
        .route("/criteria/diff", get(criteria_diff::page))
        .route("/criteria/{version}", get(criteria::version))
        .route("/criteria/{version}/{id}", get(criteria::control))
        .route("/tools/classification", get(classification_tool::tool))
        .route("/tools/availability", get(availability_tool::tool))
        .route("/audit-bodies", get(audit_bodies::list))
        .route("/login", get(account::login_page).post(account::login))
        .route("/logout", post(account::logout))
        .route("/start", get(start::start))
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
    render(&registry::NotFound { page }, StatusCode::NOT_FOUND)
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
fn error_page(
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
fn form_status(problems: &[String]) -> StatusCode {
    if problems.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    }
}

/// A rendered page, or a plain 500 when a template fails (it cannot: templates are checked at
/// compile time; the error is logged with an incident number all the same).
fn render(template: &impl askama::Template, status: StatusCode) -> Response {
    match template.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(error) => crate::error::ApiError::internal(error).into_response(),
    }
}
