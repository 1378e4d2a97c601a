-- The operator's quality reviews of signed audits: each review is one document (its period,
-- the audits eligible when it was opened, the draw and a rating per drawn engagement), stored
-- like the other documents of the scheme's work. Keep the SQLite and PostgreSQL files alike.

CREATE TABLE quality_reviews (
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
