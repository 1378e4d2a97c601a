//! Providers' other certifications of their services (ISO/IEC 27001 and 27017 with its statement
//! of applicability, SOC reports, CS marks and others): the API that declares, revises,
//! withdraws and reads them, the pages (a form to declare one, each certificate's page with the
//! ISO/IEC 27017 statement-of-applicability editor), the actions behind both, and the shapes the
//! API reads and answers.

pub mod actions;
pub mod api;
pub mod pages;
pub mod views;

use axum::Router;
use axum::routing::{get, post};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::state::AppState;

pub fn api_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(api::declare, api::of_service))
        .routes(routes!(api::of_entry))
        .routes(routes!(api::template))
        .routes(routes!(api::get, api::revise))
        .routes(routes!(api::withdraw))
}

pub fn page_routes() -> Router<AppState> {
    Router::new()
        .route("/services/{id}/certificates/new", get(pages::new_form))
        .route("/services/{id}/certificates", post(pages::declare))
        .route("/certificates/{id}", get(pages::show))
        .route(
            "/certificates/{id}/applicability",
            post(pages::save_applicability),
        )
        .route("/certificates/{id}/withdraw", post(pages::withdraw))
}
