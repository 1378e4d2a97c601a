//! What the account and log routes read and answer, as documented in the OpenAPI document.

use serde::{Deserialize, Serialize};
use shinrai_domain::log_audience::Disclosure;
use shinrai_domain::log_chain::{Checkpoint, Event};
use shinrai_store::model::{ApiToken, Organisation, User};
use utoipa::ToSchema;

use crate::error::Messages;

/// A text in both languages.
fn messages(text: &shinrai_domain::text::Bilingual) -> Messages {
    Messages {
        ja: text.ja.clone(),
        en: text.en.clone(),
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OrganisationView {
    pub id: String,
    /// `operator`, `provider`, `audit_body` or `procurer`.
    pub kind: String,
    pub name: Messages,
    pub created_at_ms: i64,
}

impl From<&Organisation> for OrganisationView {
    fn from(org: &Organisation) -> Self {
        OrganisationView {
            id: org.id.clone(),
            kind: org.kind.code().to_owned(),
            name: messages(&org.name),
            created_at_ms: org.created_at_ms,
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct UserView {
    pub id: String,
    pub org_id: String,
    pub login: String,
    pub display_name: String,
    /// Role codes, e.g. `operator_admin`.
    pub roles: Vec<String>,
    pub disabled: bool,
    pub created_at_ms: i64,
}

impl From<&User> for UserView {
    fn from(user: &User) -> Self {
        UserView {
            id: user.id.clone(),
            org_id: user.org_id.clone(),
            login: user.login.clone(),
            display_name: user.display_name.clone(),
            roles: user
                .roles
                .iter()
                .map(|role| role.code().to_owned())
                .collect(),
            disabled: user.disabled,
            created_at_ms: user.created_at_ms,
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TokenView {
    pub id: String,
    pub name: String,
    pub created_at_ms: i64,
    /// From this moment (milliseconds since the epoch) the token is refused, as a revoked one.
    pub expires_at_ms: i64,
    pub revoked_at_ms: Option<i64>,
    pub last_used_at_ms: Option<i64>,
}

impl From<&ApiToken> for TokenView {
    fn from(token: &ApiToken) -> Self {
        TokenView {
            id: token.id.clone(),
            name: token.name.clone(),
            created_at_ms: token.created_at_ms,
            expires_at_ms: token.expires_at_ms,
            revoked_at_ms: token.revoked_at_ms,
            last_used_at_ms: token.last_used_at_ms,
        }
    }
}

/// A new token and its secret, which is shown this once and never again.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CreatedToken {
    pub token: TokenView,
    /// `shinrai_…`: send as `Authorization: Bearer <secret>`.
    pub secret: String,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewTokenRequest {
    /// What the token is for, to recognise it later.
    #[schema(min_length = 1, pattern = "\\S")]
    pub name: String,
    /// How many days the token works, from 1 to the service's maximum (`token_max_days`,
    /// 365 unless configured); without it, the service's default (`token_days`, 90 unless
    /// configured).
    #[serde(default)]
    #[schema(minimum = 1)]
    pub expires_in_days: Option<u64>,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    pub login: String,
    pub password: String,
}

/// The signed-in user, their organisation and, for a browser session, the anti-forgery token
/// to send as `X-CSRF-Token` with every state-changing request.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SessionView {
    pub user: UserView,
    pub organisation: OrganisationView,
    pub csrf_token: Option<String>,
    /// `session` or `token`.
    pub via: String,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewOrganisationRequest {
    /// Lowercase letters, digits and `-`, 2 to 64 characters, e.g. `aoba-audit`.
    #[schema(pattern = "^[a-z0-9][a-z0-9-]{1,63}$")]
    pub id: String,
    /// `operator`, `provider`, `audit_body` or `procurer`.
    #[schema(pattern = "^(operator|provider|audit_body|procurer)$")]
    pub kind: String,
    pub name: Messages,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewUserRequest {
    /// 3 to 64 lowercase letters, digits, `.`, `_` or `-`, starting with a letter or digit.
    #[schema(pattern = "^[a-z0-9][a-z0-9._-]{2,63}$")]
    pub login: String,
    #[schema(min_length = 1, pattern = "\\S")]
    pub display_name: String,
    /// Role codes; each must suit the organisation's kind.
    #[schema(min_items = 1)]
    pub roles: Vec<String>,
    /// At least 12 characters, not containing the login.
    #[schema(min_length = 12)]
    pub password: String,
}

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
