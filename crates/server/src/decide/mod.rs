//! The scheme's decision rules over the API, one route per kind of decision.

pub mod api;

use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::state::AppState;

pub fn api_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(api::classification))
        .routes(routes!(api::registration))
        .routes(routes!(api::cascade))
        .routes(routes!(api::sample))
        .routes(routes!(api::availability))
        .routes(routes!(api::precheck))
        .routes(routes!(api::selection))
        .routes(routes!(api::lifecycle))
}
