-- The map of assurance schemes the operator keeps (what each certification, report or
-- registration assures against what users expect of it): one document under the id `map`,
-- absent until the operator's first edit, when the shipped map is in use. Keep the SQLite and
-- PostgreSQL files alike.

CREATE TABLE assurance_maps (
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
