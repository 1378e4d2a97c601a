//! The audit bodies the scheme knows: the page listing them with the services each has
//! audited, and the API through which the operator records their selection and auditors.

pub mod actions;
pub mod api;
mod measure_form;
mod pages;
mod report_form;
pub mod selection;
pub mod views;

use axum::Router;
use axum::routing::{get, post};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::state::AppState;

pub fn api_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(api::list))
        .routes(routes!(api::record_selection))
        .routes(routes!(api::take_measure))
        .routes(routes!(api::lift_suspension))
        .routes(routes!(api::send_status_report))
        .routes(routes!(api::record_auditor))
        .routes(routes!(selection::api::apply, selection::api::list))
        .routes(routes!(selection::api::get))
        .routes(routes!(selection::api::review))
        .routes(routes!(selection::api::decide))
}

pub fn page_routes() -> Router<AppState> {
    Router::new()
        .route("/audit-bodies", get(pages::list))
        .route("/audit-bodies/{org}/measures", post(measure_form::take))
        .route(
            "/audit-bodies/{org}/apply",
            get(selection::apply_form::show).post(selection::apply_form::apply),
        )
        .route(
            "/audit-bodies/{org}/status-reports",
            post(report_form::send),
        )
        .route("/selection-applications/{id}", get(selection::page::show))
        .route(
            "/selection-applications/{id}/decide",
            post(selection::page::decide),
        )
}
