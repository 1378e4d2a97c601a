//! Providers' cloud services: the API that describes, reads and lists them, the actions behind
//! it (shared with the pages), and the shapes it reads and answers.

pub mod actions;
pub mod api;
pub mod views;

use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::state::AppState;

pub fn api_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(api::list, api::create))
        .routes(routes!(api::get))
}
