//! The home page: what the scheme is, and the registry's figures.

mod pages;

use axum::Router;
use axum::routing::get;

use crate::state::AppState;

pub fn page_routes() -> Router<AppState> {
    Router::new().route("/", get(pages::home))
}
