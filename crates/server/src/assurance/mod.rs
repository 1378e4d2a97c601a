//! The expectation gap (期待ギャップ): the map of assurance schemes — what each certification,
//! report or registration assures against what users expect of it — as an API and public pages
//! with its chart, edited by the operator's administrators; and, for every registered service,
//! one page that says plainly what its registration assures and what it does not.

pub mod actions;
pub mod api;
mod editor;
mod pages;
pub mod registration;
mod registration_page;
pub mod views;

use axum::Router;
use axum::routing::{get, post};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::state::AppState;

pub fn api_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(api::map, api::revise))
        .routes(routes!(api::scheme))
        .routes(routes!(api::registration))
}

pub fn page_routes() -> Router<AppState> {
    Router::new()
        .route("/assurance", get(pages::map).post(editor::set_baseline))
        .route("/assurance/new", get(editor::new_form).post(editor::add))
        .route("/assurance/{id}", get(pages::scheme))
        .route(
            "/assurance/{id}/edit",
            get(editor::edit_form).post(editor::save),
        )
        .route("/assurance/{id}/remove", post(editor::remove))
        .route(
            "/registry/{id}/assurance",
            get(registration_page::account_page),
        )
}
