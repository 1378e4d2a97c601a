//! The procurers' tools, as plain GET forms: the classification of a system (and the registered
//! services eligible for it) and the availability calculator.

mod availability;
mod classification;

pub use classification::eligible;

use axum::Router;
use axum::routing::get;

use crate::state::AppState;

pub fn page_routes() -> Router<AppState> {
    Router::new()
        .route("/tools/classification", get(classification::tool))
        .route("/tools/availability", get(availability::tool))
}
