//! What the log routes read and answer, as documented in the OpenAPI document.

use serde::{Deserialize, Serialize};
use shinrai_domain::log_audience::Disclosure;
use shinrai_domain::log_chain::{Checkpoint, Event};
use utoipa::ToSchema;

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CheckpointView {
    /// How many events the signed head covers.
    pub size: u64,
    pub head_hash: String,
    pub at_ms: i64,
    /// Ed25519 over `shinrai-checkpoint-v1\n{size}\n{head_hash}\n{at_ms}\n`, hex.
    pub signature: String,
    /// The key to verify with, hex; keep this file to check the log later with
    /// `shinrai log verify --checkpoint FILE`.
    pub public_key: String,
}

impl CheckpointView {
    pub fn new(checkpoint: &Checkpoint, public_key: String) -> CheckpointView {
        CheckpointView {
            size: checkpoint.size,
            head_hash: checkpoint.head_hash.clone(),
            at_ms: checkpoint.at_ms,
            signature: checkpoint.signature.clone(),
            public_key,
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PublicKeyView {
    /// Always `ed25519`.
    pub algorithm: String,
    pub public_key: String,
}

/// One log event as its reader may see it: whole, or a restricted stub.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(untagged)]
pub enum LogEntryView {
    Event(EventView),
    Restricted(RestrictedEventView),
}

impl LogEntryView {
    pub fn new(event: &Event, disclosure: Disclosure) -> LogEntryView {
        match disclosure {
            Disclosure::Event { actor, org } => LogEntryView::Event(EventView {
                seq: event.seq,
                at_ms: event.at_ms,
                actor: actor.then(|| event.actor.clone()),
                org: org.then(|| event.org.clone()),
                action: event.action.clone(),
                subject: event.subject.clone(),
                visibility: event.visibility.code().to_owned(),
                payload: event.payload.clone(),
                payload_hash: event.payload_hash.clone(),
                prev_hash: event.prev_hash.clone(),
                hash: event.hash.clone(),
            }),
            Disclosure::Stub => LogEntryView::Restricted(RestrictedEventView {
                seq: event.seq,
                restricted: true,
                prev_hash: event.prev_hash.clone(),
                hash: event.hash.clone(),
            }),
        }
    }
}

/// A log event the reader may see, with everything needed to re-compute its hash unless who
/// acted is withheld.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct EventView {
    pub seq: u64,
    pub at_ms: i64,
    /// The user (or `system`, `cli`, `public`) who acted; `null` when the reader may not see
    /// that organisation's users (the hash then cannot be re-computed, but still links).
    #[schema(required = true)]
    pub actor: Option<String>,
    /// The organisation the actor acted for; `null` when the reader may not see it.
    #[schema(required = true)]
    pub org: Option<String>,
    pub action: String,
    pub subject: String,
    /// The visibility recorded when the event was written (`public` or `internal`), as hashed.
    pub visibility: String,
    /// The details exactly as hashed (JSON text).
    pub payload: String,
    pub payload_hash: String,
    pub prev_hash: String,
    pub hash: String,
}

/// A log event the reader may not see: only what keeps the chain checkable.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RestrictedEventView {
    pub seq: u64,
    /// Always `true`.
    pub restricted: bool,
    /// The hash of the event before; equals that event's `hash`.
    pub prev_hash: String,
    /// Equals the next event's `prev_hash`.
    pub hash: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct EventsPage {
    /// Every event after `after`, in sequence order, each whole or restricted.
    pub events: Vec<LogEntryView>,
    /// Pass as `after` to read on; `null` when this page reached the end.
    pub next_after: Option<u64>,
}

#[derive(Debug, Clone, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EventsQuery {
    /// Events with a sequence number above this (default 0).
    pub after: Option<u64>,
    /// At most this many (default 100, at most 1000).
    pub limit: Option<u32>,
}
