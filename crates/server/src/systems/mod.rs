//! The procurer's records: a procuring organisation's information systems, classified, with the
//! registered services eligible for each, narrowed and watched, what each candidate covers with
//! the checklists answered for it, and the services each uses from when to when; the
//! operator's view of who uses which services; and the messages that tell those users what
//! happens to a service. The API, the pages and the actions both call.

pub mod actions;
mod annexes;
pub mod api;
pub mod comparison;
pub mod comparison_export;
mod comparison_page;
mod comparison_sheet;
pub mod coverage;
pub(crate) mod coverage_page;
pub mod eligible;
mod eligible_section;
pub mod overview;
mod pages;
mod usages_page;
pub mod users;
pub mod views;

use axum::Router;
use axum::routing::{get, post};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::state::AppState;

pub fn api_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(api::create, api::list))
        .routes(routes!(api::get, api::revise))
        .routes(routes!(api::eligible))
        .routes(routes!(coverage::coverage))
        .routes(routes!(coverage::answer))
        .routes(routes!(comparison::compare))
        .routes(routes!(comparison_export::xlsx))
        .routes(routes!(comparison_export::pdf))
        .routes(routes!(api::watch_list))
        .routes(routes!(api::watch, api::unwatch))
        .routes(routes!(api::system_usages, api::record))
        .routes(routes!(api::end))
        .routes(routes!(api::usages))
}

pub fn page_routes() -> Router<AppState> {
    Router::new()
        .route("/systems", get(pages::list).post(pages::create))
        .route("/systems/{id}", get(pages::show).post(pages::revise))
        .route("/systems/{id}/usages", post(pages::record))
        .route("/systems/{id}/watch", post(eligible_section::watch))
        .route("/systems/{id}/coverage", get(coverage_page::show))
        .route("/systems/{id}/answers", post(coverage_page::answer))
        .route("/systems/{id}/compare", get(comparison_page::show))
        .route("/usages/{id}/end", post(pages::end))
        .route("/usages", get(usages_page::overview))
}
