-- Registry entries. Each entry is kept whole as JSON (its statement, history and notices belong
-- to it and are always read with it); the columns beside it are what lists are filtered by.
-- Keep this file and its twin for the other engine alike.

CREATE TABLE registry_entries (
    id              TEXT PRIMARY KEY,
    provider        TEXT NOT NULL REFERENCES organisations (id),
    audit_body      TEXT NOT NULL REFERENCES organisations (id),
    level           BIGINT NOT NULL,
    status          TEXT NOT NULL,
    registered_on   TEXT NOT NULL,
    valid_until     TEXT NOT NULL,
    document        TEXT NOT NULL,
    document_sha256 TEXT NOT NULL,
    updated_at_ms   BIGINT NOT NULL
);

CREATE INDEX registry_entries_provider ON registry_entries (provider);
