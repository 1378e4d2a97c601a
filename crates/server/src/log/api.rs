//! The tamper-evident log, for everyone to check: the signed head, the key, the events (each as
//! far as its reader may see it).

use std::collections::BTreeSet;

use axum::Json;
use axum::extract::State;
use shinrai_domain::criteria::Status;
use shinrai_domain::log_audience::disclose;
use shinrai_domain::log_chain::Event;
use shinrai_domain::policy::Action;

use super::views::{CheckpointView, EventsPage, EventsQuery, LogEntryView, PublicKeyView};
use crate::auth::caller::Caller;
use crate::error::{ApiError, ErrorBody};
use crate::extract::ApiQuery;
use crate::state::AppState;

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

/// Events after a sequence number, every one of them: whole to readers who may see it, else as a
/// stub (sequence number, previous hash, hash), so the chain links for everyone. Who may see
/// what is decided by `shinrai_domain::log_audience`.
#[utoipa::path(
    get,
    path = "/api/v1/log/events",
    tag = "log",
    summary = "Log events / ログのイベント",
    description = "Every event after `after`, in sequence order. An event the reader may not see \
        (a draft's, an organisation's, an account's) is a stub with `seq`, `restricted`, \
        `prev_hash` and `hash` only; `actor` and `org` are `null` when the reader may not see who \
        acted. / 読み手が見られないイベントは seq・restricted・prev_hash・hash だけになります。",
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
    let limit = query.limit.unwrap_or(DEFAULT_PAGE).clamp(1, MAX_PAGE);
    let events = state
        .store
        .events_after(query.after.unwrap_or(0), limit, false)
        .await?;
    let published = published_criteria(&state, &events).await?;
    let is_published = |version: &str| published.contains(version);
    let next_after = (events.len() == limit as usize)
        .then(|| events.last().map(|e| e.seq))
        .flatten();
    Ok(Json(EventsPage {
        events: events
            .iter()
            .map(|event| LogEntryView::new(event, disclose(&caller.actor, event, &is_published)))
            .collect(),
        next_after,
    }))
}

/// The criteria versions published now, read only when the page holds criteria events.
async fn published_criteria(
    state: &AppState,
    events: &[Event],
) -> Result<BTreeSet<String>, ApiError> {
    if !events.iter().any(|e| e.action.starts_with("criteria.")) {
        return Ok(BTreeSet::new());
    }
    Ok(state
        .store
        .criteria_list()
        .await?
        .into_iter()
        .filter(|summary| summary.status == Status::Published)
        .map(|summary| summary.version)
        .collect())
}
