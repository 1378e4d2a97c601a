//! The tamper-evident log, for everyone to check: the signed head, the key, the events.

use axum::Json;
use axum::extract::State;
use shinrai_domain::policy::Action;

use crate::auth::caller::Caller;
use crate::error::{ApiError, ErrorBody};
use crate::extract::ApiQuery;
use crate::state::AppState;
use crate::views::{CheckpointView, EventView, EventsPage, EventsQuery, PublicKeyView};

const DEFAULT_PAGE: u32 = 100;
const MAX_PAGE: u32 = 1000;

/// The latest signed checkpoint; when events came after it, a new one is signed first, so the
/// answer always covers the whole log.
#[utoipa::path(
    get,
    path = "/api/v1/log/checkpoint",
    tag = "log",
    summary = "The signed head of the log / ログの署名済み先頭",
    responses(
        (status = 200, description = "Size, head hash, time, signature and public key.", body = CheckpointView),
        (status = 404, description = "The log is still empty (`not_found`).", body = ErrorBody),
    )
)]
pub async fn checkpoint(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<CheckpointView>, ApiError> {
    caller.authorize(&Action::ReadPublicLog)?;
    state.store.checkpoint(state.wall.now_ms()).await?;
    let latest = state
        .store
        .latest_checkpoint()
        .await?
        .ok_or_else(ApiError::not_found)?;
    Ok(Json(CheckpointView::new(
        &latest,
        state.store.public_key_hex(),
    )))
}

#[utoipa::path(
    get,
    path = "/api/v1/log/public-key",
    tag = "log",
    summary = "The key that signs checkpoints / チェックポイントの署名鍵",
    responses((status = 200, description = "The Ed25519 public key, hex.", body = PublicKeyView))
)]
pub async fn public_key(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<PublicKeyView>, ApiError> {
    caller.authorize(&Action::ReadPublicLog)?;
    Ok(Json(PublicKeyView {
        algorithm: "ed25519".to_owned(),
        public_key: state.store.public_key_hex(),
    }))
}

/// Events after a sequence number: the public ones for everybody, all of them for operator
/// staff.
#[utoipa::path(
    get,
    path = "/api/v1/log/events",
    tag = "log",
    summary = "Log events / ログのイベント",
    params(EventsQuery),
    responses(
        (status = 200, description = "A page of events in sequence order.", body = EventsPage),
        (status = 400, description = "`bad_request`", body = ErrorBody),
    )
)]
pub async fn events(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(query): ApiQuery<EventsQuery>,
) -> Result<Json<EventsPage>, ApiError> {
    caller.authorize(&Action::ReadPublicLog)?;
    let public_only = caller.authorize(&Action::ReadFullLog).is_err();
    let limit = query.limit.unwrap_or(DEFAULT_PAGE).clamp(1, MAX_PAGE);
    let events = state
        .store
        .events_after(query.after.unwrap_or(0), limit, public_only)
        .await?;
    let next_after = (events.len() == limit as usize)
        .then(|| events.last().map(|e| e.seq))
        .flatten();
    Ok(Json(EventsPage {
        events: events.iter().map(EventView::from).collect(),
        next_after,
    }))
}
