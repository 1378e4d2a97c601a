//! Statements (言明書): the API that starts a new version of a service's statement, reads it,
//! replaces a draft's content (as JSON, a spreadsheet or an OSCAL system security plan), submits it,
//! pre-checks it and gives it as files, the actions behind it (shared
//! with the pages), and the shapes it reads and answers.

pub mod actions;
pub mod api;
pub mod editor;
pub mod files;
pub mod pages;
pub mod views;

use axum::Router;
use axum::routing::get;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::state::AppState;

/// Whole statements of large criteria are far larger than other bodies: 5,000 controls with
/// their individual controls in both languages.
pub const MAX_STATEMENT_BYTES: usize = 32 * 1024 * 1024;

pub fn api_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(api::start))
        .merge(
            OpenApiRouter::new()
                .routes(routes!(api::get, api::replace))
                .layer(axum::extract::DefaultBodyLimit::max(MAX_STATEMENT_BYTES)),
        )
        .routes(routes!(api::submit))
        .routes(routes!(api::precheck))
        .routes(routes!(api::template))
        .merge(OpenApiRouter::new().routes(routes!(api::import)).layer(
            axum::extract::DefaultBodyLimit::max(crate::workflow::files::MAX_SHEET_BYTES),
        ))
        .merge(
            OpenApiRouter::new()
                .routes(routes!(api::ssp, api::import_ssp))
                .layer(axum::extract::DefaultBodyLimit::max(
                    shinrai_formats::statement::ssp::MAX_SSP_BYTES,
                )),
        )
}

/// The statement editor's pages. An objective's form holds a few dozen controls with texts in
/// both languages, so its posts may be larger than the general body limit.
pub fn page_routes() -> Router<AppState> {
    Router::new()
        .route("/statements/{id}", get(pages::overview))
        .route(
            "/statements/{id}/import",
            axum::routing::post(pages::import).layer(axum::extract::DefaultBodyLimit::max(
                crate::web::upload::MAX_SHEET_FORM_BYTES,
            )),
        )
        .route(
            "/statements/{id}/submit",
            get(pages::submit_form).post(pages::submit),
        )
        .route(
            "/statements/{id}/objectives/{objective}",
            get(pages::objective).post(pages::save_objective),
        )
        .route(
            "/statements/{id}/{part}",
            get(pages::items).post(pages::save_items),
        )
        .layer(axum::extract::DefaultBodyLimit::max(MAX_PAGE_FORM_BYTES))
}

/// The largest form a statement page takes.
pub const MAX_PAGE_FORM_BYTES: usize = 8 * 1024 * 1024;
