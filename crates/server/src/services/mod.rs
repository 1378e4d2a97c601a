//! Providers' cloud services: the API that describes, reads and lists them and shares their
//! statements' annexes with procuring organisations, the actions behind
//! it (shared with the pages), and the shapes it reads and answers.

pub mod actions;
mod annex_page;
pub mod annexes;
pub mod api;
pub mod pages;
pub mod views;

use axum::Router;
use axum::routing::{get, post};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::state::AppState;

pub fn api_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(api::list, api::create))
        .routes(routes!(api::get))
        .routes(routes!(annexes::list))
        .routes(routes!(annexes::grant, annexes::revoke))
}

/// The service pages. `/services/new` is a word no service id may be (see
/// `shinrai_domain::workflow::fields::RESERVED_IDS`), so the two addresses never meet.
pub fn page_routes() -> Router<AppState> {
    Router::new()
        .route("/services/new", get(pages::new_form).post(pages::create))
        .route("/services/{id}", get(pages::show))
        .route(
            "/services/{id}/edit",
            get(pages::edit_form).post(pages::edit),
        )
        .route("/services/{id}/statements", post(pages::start_statement))
        .route("/services/{id}/annexes", post(annex_page::share))
}
