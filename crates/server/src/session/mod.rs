//! Signing in and out: the API's session (`/api/v1/session`, who am I) and the sign-in and
//! sign-out forms of the pages, with where a browser goes after signing in.

pub mod api;
mod next_path;
mod pages;
pub mod views;

use axum::Router;
use axum::routing::{get, post};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::state::AppState;

pub fn api_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(api::sign_in, api::sign_out))
        .routes(routes!(api::me))
}

pub fn page_routes() -> Router<AppState> {
    Router::new()
        .route("/login", get(pages::login_page).post(pages::login))
        .route("/logout", post(pages::logout))
}
