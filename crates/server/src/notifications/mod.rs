//! Notifications: each organisation's inbox (the API and its page, with the unread count in
//! every page's header), the outbox that writes messages beside what caused them, and the
//! mailer that hands them to the configured SMTP server.

pub mod actions;
pub mod api;
pub mod mailer;
pub mod outbox;
mod pages;
pub mod views;

use axum::Router;
use axum::routing::{get, post};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::state::AppState;

pub use outbox::Outbox;

pub fn api_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(api::inbox))
        .routes(routes!(api::addresses, api::set_addresses))
        .routes(routes!(api::get))
        .routes(routes!(api::mark))
}

pub fn page_routes() -> Router<AppState> {
    Router::new()
        .route("/inbox", get(pages::show))
        .route("/inbox/addresses", post(pages::set_addresses))
        .route("/inbox/{id}/read", post(pages::mark))
}
