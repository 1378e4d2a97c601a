-- The first schema. Timestamps are milliseconds since the epoch (BIGINT); booleans are
-- native booleans in PostgreSQL. Keep this file and migrations/sqlite/0001_initial.sql alike.

CREATE TABLE organisations (
    id            TEXT PRIMARY KEY,
    kind          TEXT NOT NULL,
    name_ja       TEXT NOT NULL,
    name_en       TEXT NOT NULL,
    created_at_ms BIGINT NOT NULL
);

CREATE TABLE users (
    id            TEXT PRIMARY KEY,
    org_id        TEXT NOT NULL REFERENCES organisations (id),
    login         TEXT NOT NULL UNIQUE,
    display_name  TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    disabled      BOOLEAN NOT NULL DEFAULT FALSE,
    created_at_ms BIGINT NOT NULL
);

CREATE TABLE user_roles (
    user_id TEXT NOT NULL REFERENCES users (id),
    role    TEXT NOT NULL,
    PRIMARY KEY (user_id, role)
);

CREATE TABLE sessions (
    secret_hash   TEXT PRIMARY KEY,
    user_id       TEXT NOT NULL REFERENCES users (id),
    csrf_token    TEXT NOT NULL,
    created_at_ms BIGINT NOT NULL,
    expires_at_ms BIGINT NOT NULL
);

CREATE TABLE api_tokens (
    id              TEXT PRIMARY KEY,
    user_id         TEXT NOT NULL REFERENCES users (id),
    name            TEXT NOT NULL,
    secret_hash     TEXT NOT NULL UNIQUE,
    created_at_ms   BIGINT NOT NULL,
    revoked_at_ms   BIGINT,
    last_used_at_ms BIGINT
);

-- The tamper-evident log: never updated, never pruned.
CREATE TABLE log_events (
    seq          BIGINT PRIMARY KEY,
    at_ms        BIGINT NOT NULL,
    actor        TEXT NOT NULL,
    org          TEXT NOT NULL,
    action       TEXT NOT NULL,
    subject      TEXT NOT NULL,
    visibility   TEXT NOT NULL,
    payload      TEXT NOT NULL,
    payload_hash TEXT NOT NULL,
    prev_hash    TEXT NOT NULL,
    hash         TEXT NOT NULL
);

CREATE TABLE log_checkpoints (
    size      BIGINT PRIMARY KEY,
    head_hash TEXT NOT NULL,
    at_ms     BIGINT NOT NULL,
    signature TEXT NOT NULL
);

CREATE TABLE blobs (
    sha256        TEXT PRIMARY KEY,
    size          BIGINT NOT NULL,
    media_type    TEXT NOT NULL,
    created_at_ms BIGINT NOT NULL
);
