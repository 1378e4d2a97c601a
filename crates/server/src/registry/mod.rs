//! The public registry (登録簿): all entries in memory with their search index, the API that
//! serves them as open data with the shapes it answers, and the pages (the list with search,
//! filters and downloads, each entry with the picture of its dependencies, the Atom feed).

pub mod api;
mod dependency_picture;
mod feed;
mod loaded;
mod measure_form;
pub(crate) mod pages;
pub mod renewals;
pub mod status;
pub mod views;
mod withdraw_form;

use axum::Router;
use axum::routing::get;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::state::AppState;

pub use loaded::{LoadedRegistry, RECHECK_AFTER, RegistryCache};

pub fn api_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(api::list))
        .routes(routes!(api::entry))
        .routes(routes!(api::withdraw))
        .routes(routes!(api::measure))
}

pub fn page_routes() -> Router<AppState> {
    Router::new()
        .route("/registry", get(pages::list))
        .route("/registry/feed.atom", get(feed::feed))
        .route("/registry/export/{format}", get(pages::export))
        .route("/registry/{id}", get(pages::entry))
        .route(
            "/registry/{id}/withdraw",
            axum::routing::post(withdraw_form::withdraw),
        )
        .route(
            "/registry/{id}/measures",
            axum::routing::post(measure_form::take),
        )
}
