//! An audit's working papers (監査調書), the engagement itself: judgements in the three phases,
//! populations and their samples, evidence streamed into the blob store and requests for it,
//! reliance on other certifications; the API, and the actions behind it.

pub mod actions;
pub mod api;
pub mod archive;
mod control_forms;
mod control_page;
mod engagement_forms;
pub mod evidence;
mod evidence_form;
pub mod internal_audit;
pub mod pages;
pub mod views;

use axum::Router;
use axum::routing::{get, post};
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
        .routes(routes!(internal_audit::api::put_evaluation))
        .routes(routes!(internal_audit::api::post_draw))
        .routes(routes!(internal_audit::api::put_result))
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
        .route(
            "/audits/{id}/evidence",
            get(pages::evidence_list).post(evidence_form::add).layer(
                axum::extract::DefaultBodyLimit::max(
                    usize::try_from(shinrai_domain::workflow::working_papers::MAX_EVIDENCE_BYTES)
                        .unwrap_or(usize::MAX)
                        .saturating_add(64 * 1024),
                ),
            ),
        )
        .route("/audits/{id}/requests", post(engagement_forms::ask))
        .route(
            "/audits/{id}/governance",
            post(engagement_forms::governance),
        )
        .route("/audits/{id}/continue", post(engagement_forms::continue_on))
        .route(
            "/audits/{id}/internal-audit",
            post(internal_audit::forms::evaluated),
        )
        .route(
            "/audits/{id}/internal-audit/draw",
            post(internal_audit::forms::drawn),
        )
        .route(
            "/audits/{id}/internal-audit/controls/{control}",
            post(internal_audit::forms::reperformed),
        )
        .route("/audits/{id}/controls", get(control_page::open))
        .route("/audits/{id}/controls/{control}", get(control_page::show))
        .route(
            "/audits/{id}/controls/{control}/fair",
            post(control_forms::fair),
        )
        .route(
            "/audits/{id}/controls/{control}/design",
            post(control_forms::design),
        )
        .route(
            "/audits/{id}/controls/{control}/frequency",
            post(control_forms::frequency),
        )
        .route(
            "/audits/{id}/controls/{control}/population",
            post(control_forms::population).layer(axum::extract::DefaultBodyLimit::max(
                crate::web::upload::MAX_SHEET_FORM_BYTES,
            )),
        )
        .route(
            "/audits/{id}/controls/{control}/samples",
            post(control_forms::draw),
        )
        .route(
            "/audits/{id}/controls/{control}/items/{round}/{occurrence}",
            post(control_forms::item),
        )
}
