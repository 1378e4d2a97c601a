-- Notifications: each message in an organisation's inbox is one document (what it says, about
-- which entry or service, whether it was read and whether it went by e-mail), with the
-- recipient in the `provider` column that lists filter by and its inbox state (`unread`,
-- `read`) in `status`. Each organisation's e-mail addresses for them are one document too, by
-- the organisation's id. Keep the SQLite and PostgreSQL files alike.

CREATE TABLE notifications (
    id              TEXT PRIMARY KEY,
    service         TEXT,
    provider        TEXT,
    audit_body      TEXT,
    status          TEXT NOT NULL,
    revision        BIGINT NOT NULL,
    document        TEXT NOT NULL,
    document_sha256 TEXT NOT NULL,
    updated_at_ms   BIGINT NOT NULL
);

-- The inbox and its unread count, asked for on every page a member reads.
CREATE INDEX notifications_by_recipient ON notifications (provider, status);

CREATE TABLE mail_addresses (
    id              TEXT PRIMARY KEY,
    service         TEXT,
    provider        TEXT,
    audit_body      TEXT,
    status          TEXT NOT NULL,
    revision        BIGINT NOT NULL,
    document        TEXT NOT NULL,
    document_sha256 TEXT NOT NULL,
    updated_at_ms   BIGINT NOT NULL
);
