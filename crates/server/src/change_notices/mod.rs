//! Change notices (変更届出): the provider reports what changed in its registered service, the
//! operator acknowledges it, the registry records it, and a significant change is tracked until
//! its new audit is applied for. The API, the pages (the list, one notice with the operator's
//! form, the provider's form on the entry's page) and the actions both call.

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
        .routes(routes!(api::file))
        .routes(routes!(api::list))
        .routes(routes!(api::get))
        .routes(routes!(api::acknowledge))
}

pub fn page_routes() -> Router<AppState> {
    Router::new()
        .route("/change-notices", get(pages::list))
        .route("/change-notices/{id}", get(pages::show))
        .route("/change-notices/{id}/acknowledge", post(pages::acknowledge))
        .route("/registry/{id}/change-notices", post(entry_form::file))
}
