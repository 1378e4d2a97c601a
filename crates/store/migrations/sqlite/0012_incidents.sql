-- Incidents: each one document (the quick and final reports with their deadlines, the
-- operator's decisions), with the registered service in `service`, its provider in `provider`
-- and where its reporting stands (`quick_reported`, `final_reported`) in `status`. Keep the
-- SQLite and PostgreSQL files alike.

CREATE TABLE incidents (
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

-- The operator's list (by status) and a provider's own incidents.
CREATE INDEX incidents_by_status ON incidents (status);
CREATE INDEX incidents_by_provider ON incidents (provider, status);
