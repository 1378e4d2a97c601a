//! For operators and their tools: liveness, readiness and metrics.

pub mod api;

use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::state::AppState;

pub fn api_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(api::livez))
        .routes(routes!(api::healthz))
        .routes(routes!(api::metrics))
}
