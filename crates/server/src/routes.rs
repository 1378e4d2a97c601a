//! The whole service's routes, assembled from its features. Each feature folder (`registry/`,
//! `criteria/`, `accounts/`, …) declares its own API routes, each described for the OpenAPI
//! document where it is declared, and its own pages; this module only puts them together and
//! answers the addresses none of them claims.

use axum::Router;
use utoipa_axum::router::OpenApiRouter;

use crate::error::ApiError;
use crate::openapi::ApiDoc;
use crate::state::AppState;
use crate::{
    accounts, applications, assurance, audit_bodies, audits, certificates, change_notices,
    criteria, decide, engagements, home, incidents, log, notifications, ops, quality_reviews,
    registry, services, session, start, statements, systems, tools, web,
};

/// The documented routes. A route a feature adds with `routes!` to its `api_routes` is in the
/// router and in `/api/openapi.json` at once.
pub fn api_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(<ApiDoc as utoipa::OpenApi>::openapi())
        .merge(ops::api_routes())
        .merge(decide::api_routes())
        .merge(session::api_routes())
        .merge(accounts::api_routes())
        .merge(log::api_routes())
        .merge(criteria::api_routes())
        .merge(registry::api_routes())
        .merge(services::api_routes())
        .merge(certificates::api_routes())
        .merge(assurance::api_routes())
        .merge(statements::api_routes())
        .merge(audits::api_routes())
        .merge(engagements::api_routes())
        .merge(applications::api_routes())
        .merge(audit_bodies::api_routes())
        .merge(quality_reviews::api_routes())
        .merge(notifications::api_routes())
        .merge(change_notices::api_routes())
        .merge(incidents::api_routes())
        .merge(systems::api_routes())
}

/// The human pages, server-rendered in Japanese and English, with the stylesheet and icon.
pub fn page_router() -> Router<AppState> {
    Router::new()
        .merge(home::page_routes())
        .merge(registry::page_routes())
        .merge(criteria::page_routes())
        .merge(tools::page_routes())
        .merge(audit_bodies::page_routes())
        .merge(session::page_routes())
        .merge(start::page_routes())
        .merge(services::page_routes())
        .merge(certificates::page_routes())
        .merge(assurance::page_routes())
        .merge(statements::page_routes())
        .merge(audits::page_routes())
        .merge(engagements::page_routes())
        .merge(applications::page_routes())
        .merge(quality_reviews::page_routes())
        .merge(notifications::page_routes())
        .merge(change_notices::page_routes())
        .merge(incidents::page_routes())
        .merge(systems::page_routes())
        .merge(web::static_routes())
}

/// Marks the answer of the fallback, so that tests and layers can tell "no such route" from a
/// handler's own 404.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoRoute;

/// Every address no route claims: the not-found page for a browser asking for a page, the
/// API's error body for everything else (scripts, `/api/` addresses).
pub async fn fallback(
    crate::lang::RequestLang(lang): crate::lang::RequestLang,
    uri: axum::http::Uri,
    headers: axum::http::HeaderMap,
) -> axum::response::Response {
    let wants_page = !uri.path().starts_with("/api/")
        && headers
            .get(axum::http::header::ACCEPT)
            .and_then(|accept| accept.to_str().ok())
            .is_some_and(|accept| accept.contains("text/html"));
    let mut response = if wants_page {
        web::not_found_page(lang, &uri)
    } else {
        axum::response::IntoResponse::into_response(ApiError::not_found())
    };
    response.extensions_mut().insert(NoRoute);
    response
}
