//! Every route, each described for the OpenAPI document where it is declared.

pub mod accounts;
pub mod criteria;
pub mod decide;
pub mod log;
pub mod ops;
pub mod registry;
pub mod session;

use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::error::ApiError;
use crate::openapi::ApiDoc;
use crate::state::AppState;

/// The documented routes. Add a route here with `routes!` and it is in the router and in
/// `/api/openapi.json` at once.
pub fn api_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(<ApiDoc as utoipa::OpenApi>::openapi())
        .routes(routes!(ops::livez))
        .routes(routes!(ops::healthz))
        .routes(routes!(ops::metrics))
        .routes(routes!(decide::classification))
        .routes(routes!(decide::registration))
        .routes(routes!(decide::cascade))
        .routes(routes!(decide::sample))
        .routes(routes!(decide::availability))
        .routes(routes!(session::sign_in, session::sign_out))
        .routes(routes!(session::me))
        .routes(routes!(
            accounts::list_organisations,
            accounts::create_organisation
        ))
        .routes(routes!(accounts::get_organisation))
        .routes(routes!(accounts::list_users, accounts::create_user))
        .routes(routes!(accounts::disable_user))
        .routes(routes!(accounts::enable_user))
        .routes(routes!(accounts::list_tokens, accounts::create_token))
        .routes(routes!(accounts::revoke_token))
        .routes(routes!(log::checkpoint))
        .routes(routes!(log::public_key))
        .routes(routes!(log::events))
        .routes(routes!(criteria::list))
        .merge(
            // Criteria files are far larger than other bodies.
            OpenApiRouter::new()
                .routes(routes!(criteria::import))
                .layer(axum::extract::DefaultBodyLimit::max(
                    crate::criteria::upload::MAX_UPLOAD_BYTES,
                )),
        )
        .routes(routes!(criteria::get))
        .routes(routes!(criteria::controls))
        .routes(routes!(criteria::control))
        .routes(routes!(criteria::difference))
        .routes(routes!(criteria::publish))
        .routes(routes!(registry::list))
        .routes(routes!(registry::entry))
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
        crate::web::not_found_page(lang, &uri)
    } else {
        axum::response::IntoResponse::into_response(ApiError::not_found())
    };
    response.extensions_mut().insert(NoRoute);
    response
}
