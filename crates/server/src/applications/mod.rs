//! Applications for registration (登録申請): the API through which a provider applies with a
//! signed report, the operator reviews it with the registration rule, asks the audit body for
//! explanations and decides, and a second administrator approves — after which the registry
//! entry appears or changes. The actions behind it are shared with the pages.

pub mod actions;
pub mod api;
mod page;
pub mod pages;
mod review;
mod review_forms;
pub mod views;

use axum::Router;
use axum::routing::{get, post};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::state::AppState;

pub fn api_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(api::list, api::apply))
        .routes(routes!(api::get))
        .routes(routes!(api::review))
        .routes(routes!(api::ask))
        .routes(routes!(api::explain))
        .routes(routes!(api::judge))
        .routes(routes!(api::decide))
        .routes(routes!(api::approve))
        .routes(routes!(api::withdraw))
}

/// The application pages of the provider, the operator and the audit body; `new` is no
/// application's id.
pub fn page_routes() -> Router<AppState> {
    Router::new()
        .route("/applications/new", get(pages::new_form).post(pages::apply))
        .route("/applications/{id}", get(pages::show))
        .route("/applications/{id}/review", post(review_forms::open_review))
        .route("/applications/{id}/ask", post(review_forms::ask))
        .route("/applications/{id}/explain", post(review_forms::explain))
        .route("/applications/{id}/judge", post(review_forms::judge))
        .route("/applications/{id}/decide", post(review_forms::decide))
        .route("/applications/{id}/approve", post(review_forms::approve))
}
