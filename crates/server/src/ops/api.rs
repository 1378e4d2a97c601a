//! For operators and their tools: liveness, readiness, metrics (for staff and a scraper only).

use axum::extract::{FromRequestParts, State};
use axum::http::header;
use axum::http::request::Parts;
use axum::response::IntoResponse;
use shinrai_domain::policy::Action;

use crate::auth::caller::{bearer, identify};
use crate::auth::csrf::constant_time_eq;
use crate::auth::secret::digest;
use crate::error::ApiError;
use crate::state::AppState;

const TEXT: &str = "text/plain; charset=utf-8";

/// Liveness: the process answers. Touches nothing else, so a slow database does not get the
/// process restarted.
#[utoipa::path(
    get,
    path = "/livez",
    tag = "operations",
    summary = "Liveness / 死活確認",
    responses((status = 200, description = "`ok`", body = String, content_type = "text/plain"))
)]
pub async fn livez() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, TEXT)], "ok")
}

/// Readiness: the database answers too.
#[utoipa::path(
    get,
    path = "/healthz",
    tag = "operations",
    summary = "Readiness: the database answers / 稼働確認 (データベースを含む)",
    responses(
        (status = 200, description = "`ok`", body = String, content_type = "text/plain"),
        (status = 503, description = "The database does not answer (`unavailable`)", body = crate::error::ErrorBody),
    )
)]
pub async fn healthz(State(state): State<AppState>) -> Result<impl IntoResponse, ApiError> {
    match state.readiness.health().await {
        Ok(()) => Ok(([(header::CONTENT_TYPE, TEXT)], "ok")),
        Err(error) => {
            tracing::warn!(error = %error, "health check failed");
            Err(ApiError::Unavailable)
        }
    }
}

/// Counters and durations in the Prometheus text format.
#[utoipa::path(
    get,
    path = "/metrics",
    tag = "operations",
    summary = "Metrics in the Prometheus text format / Prometheus 形式のメトリクス",
    description = "For the operator's staff (session or API token), or a scraper sending the \
        configured `metrics_token` as `Authorization: Bearer …`; for everyone only when \
        `metrics_public` is on. / 事務局の職員、または設定した metrics_token を Bearer で送る収集器のみ\
        （metrics_public が有効なら誰でも）。",
    responses(
        (status = 200, description = "Prometheus text format 0.0.4", body = String, content_type = "text/plain"),
        (status = 401, description = "`sign_in_required`: no credentials, or credentials that are not valid", body = crate::error::ErrorBody),
        (status = 403, description = "`forbidden`: signed in, but not the operator's staff", body = crate::error::ErrorBody),
    )
)]
pub async fn metrics(State(state): State<AppState>, _reader: MetricsReader) -> impl IntoResponse {
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        state.metrics.render(),
    )
}

/// A caller who may read `/metrics`: anyone when `metrics_public` is on, a scraper presenting
/// the `metrics_token`, else whoever the policy allows ([`Action::ReadMetrics`]). The counters
/// show failed sign-ins and administrative actions by route, which the public has no need of.
#[derive(Debug)]
pub struct MetricsReader;

impl FromRequestParts<AppState> for MetricsReader {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<MetricsReader, ApiError> {
        if state.settings.metrics_public {
            return Ok(MetricsReader);
        }
        if let (Some(expected), Some(presented)) = (&state.settings.metrics_token, bearer(parts)) {
            // Digests compared, so that neither the time taken nor the length tells anything.
            if constant_time_eq(&digest(expected.expose()), &digest(presented)) {
                return Ok(MetricsReader);
            }
        }
        identify(parts, state)
            .await?
            .authorize(&Action::ReadMetrics)?;
        Ok(MetricsReader)
    }
}
