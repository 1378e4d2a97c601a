//! For operators and their tools: liveness, readiness, metrics.

use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;

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
    responses((status = 200, description = "Prometheus text format 0.0.4", body = String, content_type = "text/plain"))
)]
pub async fn metrics(State(state): State<AppState>) -> impl IntoResponse {
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        state.metrics.render(),
    )
}
