//! Audits (監査): the API and pages that order an audit, let the audit body accept or decline
//! it, record its conclusions (as JSON, a spreadsheet or a page) and sign its report, and read
//! the audit and its report; the actions behind both, and the shapes the API reads and answers.

pub mod actions;
pub mod api;
pub mod body_pages;
pub mod files;
pub mod pages;
pub mod report_print;
pub mod views;

use axum::Router;
use axum::routing::{get, post};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::state::AppState;

pub fn api_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(api::list, api::order))
        .routes(routes!(api::get))
        .routes(routes!(api::accept))
        .routes(routes!(api::decline))
        .routes(routes!(api::conclude))
        .routes(routes!(api::conclusions_template))
        .merge(
            OpenApiRouter::new()
                .routes(routes!(api::import_conclusions))
                .layer(axum::extract::DefaultBodyLimit::max(
                    crate::workflow::files::MAX_SHEET_BYTES,
                )),
        )
        .routes(routes!(api::sign))
        .routes(routes!(api::report))
        .routes(routes!(api::report_pdf))
        .routes(routes!(api::report_oscal))
}

/// The audit pages: the provider orders and reads; the audit body accepts (or declines),
/// concludes objective by objective and signs. `new` is no audit's id.
pub fn page_routes() -> Router<AppState> {
    Router::new()
        .route("/audits/new", get(pages::new_form).post(pages::order))
        .route("/audits/{id}", get(pages::show))
        .route("/audits/{id}/accept", post(body_pages::accept))
        .route("/audits/{id}/decline", post(body_pages::decline))
        .route("/audits/{id}/sign", post(body_pages::sign))
        .route("/audits/{id}/report", get(body_pages::report))
        .route(
            "/audits/{id}/conclusions/import",
            post(body_pages::import_conclusions).layer(axum::extract::DefaultBodyLimit::max(
                crate::web::upload::MAX_SHEET_FORM_BYTES,
            )),
        )
        .route(
            "/audits/{id}/conclusions/{objective}",
            get(body_pages::conclusions).post(body_pages::save_conclusions),
        )
        .layer(axum::extract::DefaultBodyLimit::max(
            crate::statements::MAX_PAGE_FORM_BYTES,
        ))
}
