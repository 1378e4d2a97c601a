//! What the store keeps, as plain records.

use shinrai_domain::accounts::{OrgKind, Role};
use shinrai_domain::text::Bilingual;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organisation {
    /// A short stable id chosen at creation (e.g. `digital-agency`).
    pub id: String,
    pub kind: OrgKind,
    pub name: Bilingual,
    pub created_at_ms: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewOrganisation {
    pub id: String,
    pub kind: OrgKind,
    pub name: Bilingual,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    /// A UUID given at creation.
    pub id: String,
    pub org_id: String,
    pub login: String,
    pub display_name: String,
    pub roles: Vec<Role>,
    pub disabled: bool,
    pub created_at_ms: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewUser {
    pub id: String,
    pub org_id: String,
    pub login: String,
    pub display_name: String,
    pub roles: Vec<Role>,
    /// An argon2id PHC string; the store never sees the password.
    pub password_hash: String,
}

/// A signed-in user as a request sees them: the user and their organisation's kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Principal {
    pub user: User,
    pub org_kind: OrgKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// SHA-256 (hex) of the cookie's secret; the secret itself is never stored.
    pub secret_hash: String,
    pub user_id: String,
    /// The token forms must echo (double submit), random per session.
    pub csrf_token: String,
    pub created_at_ms: i64,
    pub expires_at_ms: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiToken {
    pub id: String,
    pub user_id: String,
    pub name: String,
    pub created_at_ms: i64,
    /// From this moment on the token is refused, as a revoked one is.
    pub expires_at_ms: i64,
    pub revoked_at_ms: Option<i64>,
    pub last_used_at_ms: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewApiToken {
    pub id: String,
    pub user_id: String,
    pub name: String,
    /// SHA-256 (hex) of the token; the token itself is shown once and never stored.
    pub secret_hash: String,
    /// When the token stops working; the caller chooses the lifetime.
    pub expires_at_ms: i64,
}

/// The lifetime given to tokens made before tokens expired (365 days, the longest a new token
/// may have), counted from their creation: what migration 0005 sets and what a backup taken
/// before it restores with.
pub const TOKEN_LIFETIME_BEFORE_EXPIRY_MS: i64 = 365 * 24 * 60 * 60 * 1000;

/// Who caused a change, for the log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeBy {
    /// A user id, or `system` for the service itself (start-up, demo data, `shinrai init`).
    pub actor: String,
    /// The organisation the actor acted for; empty for the system.
    pub org: String,
    /// When, in milliseconds since the epoch.
    pub at_ms: i64,
}

impl ChangeBy {
    pub fn system(at_ms: i64) -> ChangeBy {
        ChangeBy {
            actor: "system".to_owned(),
            org: String::new(),
            at_ms,
        }
    }
}

/// Metadata of a stored blob; its bytes live in the blob store under its SHA-256.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlobInfo {
    pub sha256: String,
    pub size: u64,
    pub media_type: String,
    pub created_at_ms: i64,
}
