-- Change notices (変更届出): each one document (what changed, when, its deadline, the operator's
-- acknowledgement and, for a significant change, the new audit it owes), with the registered
-- service in `service`, its provider in `provider` and where it stands (`filed`,
-- `acknowledged`, `audit_applied`) in `status`. Keep the SQLite and PostgreSQL files alike.

CREATE TABLE change_notices (
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

-- The operator's queue (by status) and a provider's own notices.
CREATE INDEX change_notices_by_status ON change_notices (status);
CREATE INDEX change_notices_by_provider ON change_notices (provider, status);
