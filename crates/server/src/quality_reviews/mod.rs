//! The operator's quality reviews of signed audits: the API, the reviews' pages, and the
//! ratings that join the audit bodies' public records.

pub mod actions;
pub mod api;
mod pages;
pub mod views;

use axum::Router;
use axum::routing::{get, post};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::state::AppState;

pub fn api_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(api::open, api::list))
        .routes(routes!(api::get))
        .routes(routes!(api::draw))
        .routes(routes!(api::rate))
        .routes(routes!(api::close))
        .routes(routes!(api::check))
}

pub fn page_routes() -> Router<AppState> {
    Router::new()
        .route("/quality-reviews", get(pages::list).post(pages::open))
        .route("/quality-reviews/{id}", get(pages::show))
        .route("/quality-reviews/{id}/audits/{audit}", post(pages::rate))
        .route("/quality-reviews/{id}/draw", post(pages::draw))
        .route("/quality-reviews/{id}/close", post(pages::close))
}
