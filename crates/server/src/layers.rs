//! What wraps every route: request ids and logs, metrics, security headers (HSTS behind TLS),
//! the rule that keeps answers for signed-in users out of caches, the limits on request heads
//! and bodies, and the error renderer that makes every failure speak the API's error shape.

use std::any::Any;
use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::Instant;

use axum::Router;
use axum::body::Body;
use axum::extract::{DefaultBodyLimit, MatchedPath, Request, State};
use axum::http::{HeaderName, HeaderValue, header};
use axum::middleware::{self, Next};
use axum::response::Response;
use rand::RngCore as _;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tracing::Instrument as _;

use crate::auth::cookie;
use crate::connections::{body_deadline, head_limits};
use crate::error::ApiError;
use crate::lang::negotiate;
use crate::metrics;
use crate::state::{AppState, Settings};

pub const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// The id of the request being served, in its extensions and its response's headers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestId(pub String);

/// Headers on every response. The policy allows nothing from other origins, no inline
/// scripts or styles, no framing; pages that need more must say so themselves.
const SECURITY_HEADERS: [(HeaderName, &str); 4] = [
    (
        header::CONTENT_SECURITY_POLICY,
        "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'",
    ),
    (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
    (header::REFERRER_POLICY, "no-referrer"),
    (header::X_FRAME_OPTIONS, "DENY"),
];

/// Wraps every route of `router` (the outermost layer is added last).
pub fn apply(router: Router, state: &AppState, documented: Arc<BTreeSet<String>>) -> Router {
    let limit = state.settings.max_body_bytes;
    router
        .layer(middleware::from_fn_with_state(documented, check_documented))
        .layer(DefaultBodyLimit::max(limit))
        // Every route reads its body through extractors bound by `DefaultBodyLimit` (the
        // criteria upload raises its own) but the evidence upload, which streams its body and
        // counts it; this outer bound is the largest any route takes.
        .layer(RequestBodyLimitLayer::new(
            limit
                .max(crate::criteria::upload::MAX_UPLOAD_BYTES)
                .max(evidence_limit()),
        ))
        .layer(CatchPanicLayer::custom(panic_response))
        .layer(middleware::from_fn(body_deadline::answer_timed_out_bodies))
        .layer(middleware::from_fn_with_state(
            state.settings.connections,
            head_limits::check_head,
        ))
        .layer(middleware::from_fn(render_errors))
        .layer(middleware::from_fn(keep_private_answers_out_of_caches))
        .layer(middleware::from_fn_with_state(
            strict_transport(&state.settings),
            security_headers,
        ))
        .layer(middleware::from_fn_with_state(
            state.metrics.clone(),
            metrics::track,
        ))
        .layer(middleware::from_fn(trace))
        .layer(middleware::from_fn(request_id))
}

/// The largest evidence file, as the outer body limit counts it.
fn evidence_limit() -> usize {
    usize::try_from(shinrai_domain::workflow::working_papers::MAX_EVIDENCE_BYTES)
        .unwrap_or(usize::MAX)
}

/// Takes the client's `X-Request-Id` when it is a sane token (so a proxy's id carries through
/// the logs), else makes one.
async fn request_id(mut request: Request, next: Next) -> Response {
    let id = request
        .headers()
        .get(&REQUEST_ID)
        .and_then(|value| value.to_str().ok())
        .filter(|value| {
            (1..=64).contains(&value.len())
                && value
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
        })
        .map_or_else(new_request_id, str::to_owned);
    request.extensions_mut().insert(RequestId(id.clone()));
    let mut response = next.run(request).await;
    if let Ok(value) = HeaderValue::from_str(&id) {
        response.headers_mut().insert(REQUEST_ID, value);
    }
    response
}

fn new_request_id() -> String {
    let mut bytes = [0_u8; 8];
    rand::rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// One span per request (every event inside carries the request id) and one event when it
/// is answered. The query string is left out: it may carry what users searched for.
async fn trace(request: Request, next: Next) -> Response {
    let id = request
        .extensions()
        .get::<RequestId>()
        .map(|id| id.0.clone())
        .unwrap_or_default();
    let span = tracing::info_span!(
        "request",
        request_id = %id,
        method = %request.method(),
        path = %request.uri().path(),
    );
    // Probes and scrapes come every few seconds; logging each would drown the rest.
    let routine = matches!(request.uri().path(), "/livez" | "/healthz" | "/metrics");
    async move {
        let start = Instant::now();
        let response = next.run(request).await;
        let status = response.status().as_u16();
        let elapsed_ms = start.elapsed().as_secs_f64() * 1000.0;
        // Refusing work when too much is waiting is the server doing its job, not a fault.
        let busy = matches!(
            response.extensions().get::<ApiError>(),
            Some(ApiError::Busy { .. })
        );
        if response.status().is_server_error() && !busy {
            tracing::error!(status, elapsed_ms, "answered");
        } else if routine && response.status().is_success() {
            tracing::debug!(status, elapsed_ms, "answered");
        } else {
            tracing::info!(status, elapsed_ms, "answered");
        }
        response
    }
    .instrument(span)
    .await
}

/// `Strict-Transport-Security` when the service is reached over TLS (`secure_cookies` says so),
/// so that browsers never again ask for it over plain HTTP. Without `includeSubDomains`: other
/// hosts of the domain are not this service's to vouch for.
fn strict_transport(settings: &Settings) -> Option<HeaderValue> {
    settings
        .secure_cookies
        .then(|| format!("max-age={}", settings.hsts_max_age_seconds))
        .and_then(|value| HeaderValue::from_str(&value).ok())
}

async fn security_headers(
    State(strict_transport): State<Option<HeaderValue>>,
    request: Request,
    next: Next,
) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    for (name, value) in SECURITY_HEADERS {
        headers
            .entry(name)
            .or_insert(HeaderValue::from_static(value));
    }
    if let Some(value) = strict_transport {
        headers.insert(header::STRICT_TRANSPORT_SECURITY, value);
    }
    response
}

/// One rule for every route, so that no handler can forget it: the answer to a request that
/// carried credentials (a session cookie or an `Authorization` header), and any answer that
/// sets a cookie, is `Cache-Control: private, no-store`, whatever the handler said. Such
/// answers may hold a secret (a new token, a session), an anti-forgery token or one user's data.
/// A stale cookie counts too: deciding on presence costs no database read and errs on the side
/// of not caching.
async fn keep_private_answers_out_of_caches(request: Request, next: Next) -> Response {
    let credentials = request.headers().contains_key(header::AUTHORIZATION)
        || cookie::session_from_headers(request.headers()).is_some();
    let mut response = next.run(request).await;
    if credentials || response.headers().contains_key(header::SET_COOKIE) {
        response.headers_mut().insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("private, no-store"),
        );
    }
    response
}

/// Renders every [`ApiError`] in the request's language, and turns error responses of layers
/// that know nothing of this API (axum's 405, the body limit's 413, a timeout) into the error
/// shape. Other error pages (HTML) are left as they are.
async fn render_errors(request: Request, next: Next) -> Response {
    let lang = negotiate(request.uri().query(), request.headers());
    let response = next.run(request).await;
    let status = response.status();
    if let Some(error) = response.extensions().get::<ApiError>() {
        let rendered = error.to_response(lang);
        return keep_headers(response, rendered);
    }
    let is_plain = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_none_or(|value| value.as_bytes().starts_with(b"text/plain"));
    if (status.is_client_error() || status.is_server_error()) && is_plain {
        let mut rendered = ApiError::from_status(status).to_response(lang);
        *rendered.status_mut() = status;
        return keep_headers(response, rendered);
    }
    response
}

/// `rendered` with the headers `original` had beyond the body's own (`Allow` on a 405,
/// `Retry-After`, cookies), and its extensions.
fn keep_headers(original: Response, mut rendered: Response) -> Response {
    let (parts, _) = original.into_parts();
    rendered.extensions_mut().extend(parts.extensions);
    for (name, value) in &parts.headers {
        if name != header::CONTENT_TYPE
            && name != header::CONTENT_LENGTH
            && !rendered.headers().contains_key(name)
        {
            rendered.headers_mut().append(name.clone(), value.clone());
        }
    }
    rendered
}

/// A panic in a handler is a bug: log it under an incident id and answer 500 in the error
/// shape instead of dropping the connection.
fn panic_response(panic: Box<dyn Any + Send + 'static>) -> Response<Body> {
    let detail = panic
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| panic.downcast_ref::<&str>().copied())
        .unwrap_or("a panic without a message");
    axum::response::IntoResponse::into_response(ApiError::internal(format_args!(
        "handler panicked: {detail}"
    )))
}

/// In debug builds (every test), a route under `/api/v1/` missing from the OpenAPI document
/// answers 500 and says why in the log, so an undocumented route cannot pass its own tests.
async fn check_documented(
    State(documented): State<Arc<BTreeSet<String>>>,
    request: Request,
    next: Next,
) -> Response {
    if cfg!(debug_assertions)
        && let Some(path) = request.extensions().get::<MatchedPath>()
        && path.as_str().starts_with("/api/v1/")
        && !documented.contains(path.as_str())
    {
        let error = ApiError::internal(format_args!(
            "route {} is not in the OpenAPI document: register it with utoipa_axum::routes!",
            path.as_str()
        ));
        return axum::response::IntoResponse::into_response(error);
    }
    next.run(request).await
}
