//! The SQL the store runs, written once for both engines: only standard SQL with `$n`
//! parameters (which SQLite accepts too). Where the engines differ, the backend supplies its
//! own statement (see `Dialect`). Off-limits here: engine-specific types, `RETURNING` on
//! SQLite-incompatible forms, upserts, and anything else `docs/design/0008-store.md` lists.

pub const HEALTH: &str = "SELECT 1";

pub const COUNT_ORGANISATIONS: &str = "SELECT COUNT(*) AS n FROM organisations";
pub const INSERT_ORGANISATION: &str = "INSERT INTO organisations (id, kind, name_ja, name_en, created_at_ms) VALUES ($1, $2, $3, $4, $5)";
pub const SELECT_ORGANISATIONS: &str =
    "SELECT id, kind, name_ja, name_en, created_at_ms FROM organisations ORDER BY id";
pub const SELECT_ORGANISATION: &str =
    "SELECT id, kind, name_ja, name_en, created_at_ms FROM organisations WHERE id = $1";

pub const INSERT_USER: &str = "INSERT INTO users (id, org_id, login, display_name, password_hash, disabled, created_at_ms) \
     VALUES ($1, $2, $3, $4, $5, $6, $7)";
pub const INSERT_ROLE: &str = "INSERT INTO user_roles (user_id, role) VALUES ($1, $2)";
pub const SELECT_USERS: &str = "SELECT id, org_id, login, display_name, password_hash, disabled, created_at_ms FROM users ORDER BY login";
pub const SELECT_USERS_OF_ORG: &str = "SELECT id, org_id, login, display_name, password_hash, disabled, created_at_ms \
     FROM users WHERE org_id = $1 ORDER BY login";
pub const SELECT_USER: &str = "SELECT id, org_id, login, display_name, password_hash, disabled, created_at_ms \
     FROM users WHERE id = $1";
pub const SELECT_USER_BY_LOGIN: &str = "SELECT id, org_id, login, display_name, password_hash, disabled, created_at_ms \
     FROM users WHERE login = $1";
pub const SELECT_ROLES: &str = "SELECT role FROM user_roles WHERE user_id = $1 ORDER BY role";
pub const SET_USER_DISABLED: &str = "UPDATE users SET disabled = $1 WHERE id = $2";

pub const INSERT_SESSION: &str = "INSERT INTO sessions (secret_hash, user_id, csrf_token, created_at_ms, expires_at_ms) \
     VALUES ($1, $2, $3, $4, $5)";
pub const SELECT_SESSION: &str = "SELECT secret_hash, user_id, csrf_token, created_at_ms, expires_at_ms FROM sessions WHERE secret_hash = $1";
pub const DELETE_SESSION: &str = "DELETE FROM sessions WHERE secret_hash = $1";
pub const DELETE_SESSIONS_OF_USER: &str = "DELETE FROM sessions WHERE user_id = $1";
pub const DELETE_EXPIRED_SESSIONS: &str = "DELETE FROM sessions WHERE expires_at_ms <= $1";

pub const INSERT_TOKEN: &str = "INSERT INTO api_tokens (id, user_id, name, secret_hash, created_at_ms, expires_at_ms) VALUES ($1, $2, $3, $4, $5, $6)";
pub const SELECT_TOKENS_OF_USER: &str = "SELECT id, user_id, name, created_at_ms, expires_at_ms, revoked_at_ms, last_used_at_ms \
     FROM api_tokens WHERE user_id = $1 ORDER BY created_at_ms, id";
pub const SELECT_TOKEN: &str = "SELECT id, user_id, name, created_at_ms, expires_at_ms, revoked_at_ms, last_used_at_ms FROM api_tokens WHERE id = $1";
pub const SELECT_TOKEN_BY_SECRET: &str = "SELECT id, user_id, name, created_at_ms, expires_at_ms, revoked_at_ms, last_used_at_ms \
     FROM api_tokens WHERE secret_hash = $1";
pub const REVOKE_TOKEN: &str =
    "UPDATE api_tokens SET revoked_at_ms = $1 WHERE id = $2 AND revoked_at_ms IS NULL";
pub const TOUCH_TOKEN: &str = "UPDATE api_tokens SET last_used_at_ms = $1 WHERE id = $2";

pub const SELECT_LOG_HEAD: &str = "SELECT seq, hash FROM log_events ORDER BY seq DESC LIMIT 1";
pub const INSERT_EVENT: &str = "INSERT INTO log_events \
     (seq, at_ms, actor, org, action, subject, visibility, payload, payload_hash, prev_hash, hash) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";
pub const SELECT_EVENTS_AFTER: &str = "SELECT seq, at_ms, actor, org, action, subject, visibility, payload, payload_hash, prev_hash, hash \
     FROM log_events WHERE seq > $1 ORDER BY seq LIMIT $2";
pub const SELECT_PUBLIC_EVENTS_AFTER: &str = "SELECT seq, at_ms, actor, org, action, subject, visibility, payload, payload_hash, prev_hash, hash \
     FROM log_events WHERE seq > $1 AND visibility = 'public' ORDER BY seq LIMIT $2";
pub const SELECT_EVENTS_ABOUT: &str = "SELECT seq, at_ms, actor, org, action, subject, visibility, payload, payload_hash, prev_hash, hash \
     FROM log_events WHERE subject = $1 AND action = $2 ORDER BY seq";
pub const SELECT_EVENT_AT: &str = "SELECT seq, at_ms, actor, org, action, subject, visibility, payload, payload_hash, prev_hash, hash \
     FROM log_events WHERE seq = $1";
pub const SELECT_ALL_EVENTS: &str = "SELECT seq, at_ms, actor, org, action, subject, visibility, payload, payload_hash, prev_hash, hash \
     FROM log_events ORDER BY seq";
pub const INSERT_CHECKPOINT: &str =
    "INSERT INTO log_checkpoints (size, head_hash, at_ms, signature) VALUES ($1, $2, $3, $4)";
pub const SELECT_CHECKPOINTS: &str =
    "SELECT size, head_hash, at_ms, signature FROM log_checkpoints ORDER BY size";
pub const SELECT_LATEST_CHECKPOINT: &str =
    "SELECT size, head_hash, at_ms, signature FROM log_checkpoints ORDER BY size DESC LIMIT 1";

pub const INSERT_BLOB: &str =
    "INSERT INTO blobs (sha256, size, media_type, created_at_ms) VALUES ($1, $2, $3, $4)";
pub const SELECT_BLOB: &str =
    "SELECT sha256, size, media_type, created_at_ms FROM blobs WHERE sha256 = $1";
pub const SELECT_BLOBS: &str =
    "SELECT sha256, size, media_type, created_at_ms FROM blobs ORDER BY sha256";

// Backup and restore: every row as stored, secrets' hashes included.
pub const SELECT_USERS_RAW: &str = "SELECT id, org_id, login, display_name, password_hash, disabled, created_at_ms FROM users ORDER BY id";
pub const SELECT_ROLES_RAW: &str = "SELECT user_id, role FROM user_roles ORDER BY user_id, role";
pub const SELECT_TOKENS_RAW: &str = "SELECT id, user_id, name, secret_hash, created_at_ms, expires_at_ms, revoked_at_ms, last_used_at_ms \
     FROM api_tokens ORDER BY id";
pub const INSERT_TOKEN_RAW: &str = "INSERT INTO api_tokens (id, user_id, name, secret_hash, created_at_ms, expires_at_ms, revoked_at_ms, last_used_at_ms) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
pub const COUNT_EVENTS: &str = "SELECT COUNT(*) AS n FROM log_events";

pub const INSERT_CRITERIA: &str = "INSERT INTO criteria_versions (version, title_ja, title_en, status, published_on, document, document_sha256, created_at_ms, updated_at_ms) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
pub const SELECT_CRITERIA_LIST: &str = "SELECT version, title_ja, title_en, status, published_on, '' AS document, document_sha256, created_at_ms, updated_at_ms \
     FROM criteria_versions ORDER BY created_at_ms, version";
pub const SELECT_CRITERIA_SUMMARY: &str = "SELECT version, title_ja, title_en, status, published_on, '' AS document, document_sha256, created_at_ms, updated_at_ms \
     FROM criteria_versions WHERE version = $1";
pub const SELECT_CRITERIA: &str = "SELECT version, title_ja, title_en, status, published_on, document, document_sha256, created_at_ms, updated_at_ms \
     FROM criteria_versions WHERE version = $1";
pub const SELECT_ALL_CRITERIA: &str = "SELECT version, title_ja, title_en, status, published_on, document, document_sha256, created_at_ms, updated_at_ms \
     FROM criteria_versions ORDER BY created_at_ms, version";
pub const UPDATE_DRAFT_CRITERIA: &str = "UPDATE criteria_versions SET title_ja = $2, title_en = $3, status = $4, published_on = $5, document = $6, document_sha256 = $7, updated_at_ms = $8 \
     WHERE version = $1 AND status = 'draft'";

pub const INSERT_REGISTRY_ENTRY: &str = "INSERT INTO registry_entries (id, provider, audit_body, level, status, registered_on, valid_until, document, document_sha256, updated_at_ms) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
pub const UPDATE_REGISTRY_ENTRY: &str = "UPDATE registry_entries SET provider = $2, audit_body = $3, level = $4, status = $5, registered_on = $6, valid_until = $7, document = $8, document_sha256 = $9, updated_at_ms = $10 WHERE id = $1";
pub const SELECT_REGISTRY_ENTRY: &str = "SELECT id FROM registry_entries WHERE id = $1";
pub const SELECT_REGISTRY_ENTRIES: &str = "SELECT id, provider, audit_body, level, status, registered_on, valid_until, document, document_sha256, updated_at_ms \
     FROM registry_entries ORDER BY id";
pub const BUMP_REGISTRY_REVISION: &str =
    "UPDATE registry_revision SET revision = revision + 1 WHERE id = 1";
pub const SELECT_REGISTRY_REVISION: &str = "SELECT revision FROM registry_revision WHERE id = 1";

// Which migrations ran (sqlx's own table), to check the schema before a read-only open.
pub const SELECT_MIGRATIONS: &str =
    "SELECT version, success FROM _sqlx_migrations ORDER BY version";
