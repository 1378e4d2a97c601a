-- Audit bodies' applications to be selected, stored like the other documents of the scheme's
-- work. Keep the SQLite and PostgreSQL files alike.

CREATE TABLE selection_applications (
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
CREATE INDEX selection_applications_audit_body ON selection_applications (audit_body);
