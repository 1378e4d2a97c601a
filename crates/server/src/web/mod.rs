//! The human pages, server-rendered in Japanese and English: the home page with the registry's
//! figures, the registry with search and filters, and each entry. Forms are plain GET forms, so
//! everything works without scripts.

mod chart;
mod criteria;
mod home;
mod labels;
mod page;
mod registry;

use axum::Router;
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;

use crate::state::AppState;

pub use labels::Labels;

const STYLESHEET: &str = include_str!("../../static/shinrai.css");

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(home::home))
        .route("/registry", get(registry::list))
        .route("/registry/export/{format}", get(registry::export))
        .route("/registry/{id}", get(registry::entry))
        .route("/criteria", get(criteria::versions))
        .route("/criteria/{version}", get(criteria::version))
        .route("/criteria/{version}/{id}", get(criteria::control))
        .route("/static/shinrai.css", get(stylesheet))
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

/// A rendered page, or a plain 500 when a template fails (it cannot: templates are checked at
/// compile time; the error is logged with an incident number all the same).
fn render(template: &impl askama::Template, status: StatusCode) -> Response {
    match template.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(error) => crate::error::ApiError::internal(error).into_response(),
    }
}
