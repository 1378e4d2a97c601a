//! The tamper-evident log as the API shows it: the signed head, the key to check it with, and
//! the events, each as far as its reader may see it.

pub mod api;
pub mod views;

use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::state::AppState;

pub fn api_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(api::checkpoint))
        .routes(routes!(api::public_key))
        .routes(routes!(api::events))
}
