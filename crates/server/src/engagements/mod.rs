//! An audit's working papers (監査調書), the engagement itself: judgements in the three phases,
//! populations and their samples, evidence streamed into the blob store and requests for it,
//! reliance on other certifications; the API, and the actions behind it.

pub mod actions;
pub mod api;
pub mod archive;
pub mod evidence;
pub mod internal_audit;
pub mod pages;
pub mod views;

use axum::Router;
use axum::routing::get;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::state::AppState;

pub fn api_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(api::work))
        .routes(routes!(api::fair))
        .routes(routes!(api::governance))
        .routes(routes!(api::continue_on))
        .routes(routes!(api::design))
        .routes(routes!(api::reliance))
        .routes(routes!(internal_audit::put_evaluation))
        .routes(routes!(internal_audit::post_draw))
        .routes(routes!(internal_audit::put_result))
        .routes(routes!(api::frequency))
        .merge(
            OpenApiRouter::new()
                .routes(routes!(api::freeze_population, api::population))
                .layer(axum::extract::DefaultBodyLimit::max(
                    api::MAX_POPULATION_BODY,
                )),
        )
        .routes(routes!(api::draw_sample))
        .routes(routes!(api::record_item))
        .routes(routes!(api::list_evidence, api::upload_evidence))
        .routes(routes!(api::add_note))
        .routes(routes!(api::evidence_archive))
        .routes(routes!(api::get_evidence))
        .routes(routes!(api::evidence_file))
        .routes(routes!(api::withdraw_evidence))
        .routes(routes!(api::list_requests, api::ask))
        .routes(routes!(api::answer))
}

/// The engagement's pages: its papers at a glance and its evidence a page at a time.
pub fn page_routes() -> Router<AppState> {
    Router::new()
        .route("/audits/{id}/work", get(pages::show))
        .route("/audits/{id}/evidence", get(pages::evidence_list))
}
