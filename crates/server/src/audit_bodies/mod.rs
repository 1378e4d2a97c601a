//! The audit bodies the scheme knows, with the services each has audited.

mod pages;

use axum::Router;
use axum::routing::get;

use crate::state::AppState;

pub fn page_routes() -> Router<AppState> {
    Router::new().route("/audit-bodies", get(pages::list))
}
