//! The criteria (管理基準): loaded versions kept in memory with their search index, the API that
//! reads, compares, imports and publishes them with the shapes it answers, what registered
//! services lack of a version, and the pages that browse a version and compare two.

pub mod api;
mod diff_page;
mod gaps;
mod gaps_page;
mod loaded;
mod pages;
pub mod transition;
pub mod upload;
pub mod views;

use axum::Router;
use axum::routing::get;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::state::AppState;

pub use loaded::{CriteriaCache, Loaded};

pub fn api_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(api::list))
        .merge(
            // Criteria files are far larger than other bodies.
            OpenApiRouter::new().routes(routes!(api::import)).layer(
                axum::extract::DefaultBodyLimit::max(upload::MAX_UPLOAD_BYTES),
            ),
        )
        .routes(routes!(api::get))
        .routes(routes!(api::controls))
        .routes(routes!(api::control))
        .routes(routes!(api::difference))
        .routes(routes!(api::publish))
        .routes(routes!(gaps::list))
}

pub fn page_routes() -> Router<AppState> {
    Router::new()
        .route("/criteria", get(pages::versions))
        .route("/criteria/diff", get(diff_page::page))
        .route("/criteria/{version}", get(pages::version))
        .route("/criteria/{version}/gaps", get(gaps_page::page))
        .route("/criteria/{version}/{id}", get(pages::control))
}
