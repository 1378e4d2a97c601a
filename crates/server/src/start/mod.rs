//! The start page a signed-in user lands on: what their organisation's part in the scheme asks
//! of them today.

mod pages;
mod selection;
mod work;

use axum::Router;
use axum::routing::get;

use crate::state::AppState;

pub fn page_routes() -> Router<AppState> {
    Router::new().route("/start", get(pages::start))
}
