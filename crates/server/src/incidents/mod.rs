//! Incidents: the provider's quick report (速報) and final report (確報) with their deadlines in
//! business days, and the operator's decision on the registration — no measure, suspend,
//! reinstate or deregister — published as a notice on the entry. The API, the pages (the list,
//! one incident with the provider's and the operator's forms, the provider's form on the entry's
//! page) and the actions both call.

pub mod actions;
pub mod api;
pub(crate) mod entry_form;
mod pages;
pub mod views;

use axum::Router;
use axum::routing::{get, post};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::state::AppState;

pub fn api_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(api::report))
        .routes(routes!(api::list))
        .routes(routes!(api::get))
        .routes(routes!(api::final_report))
        .routes(routes!(api::decide))
}

pub fn page_routes() -> Router<AppState> {
    Router::new()
        .route("/incidents", get(pages::list))
        .route("/incidents/{id}", get(pages::show))
        .route("/incidents/{id}/final-report", post(pages::final_report))
        .route("/incidents/{id}/decisions", post(pages::decide))
        .route("/registry/{id}/incidents", post(entry_form::report))
}
