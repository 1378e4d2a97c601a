-- Criteria versions. The version is kept whole as JSON (groups and controls in document order):
-- it is read and written as one unit, a published one never changes, and its SHA-256 is in the
-- log event that recorded it. Keep this file and its twin for the other engine alike.

CREATE TABLE criteria_versions (
    version         TEXT PRIMARY KEY,
    title_ja        TEXT NOT NULL,
    title_en        TEXT NOT NULL,
    status          TEXT NOT NULL,
    published_on    TEXT,
    document        TEXT NOT NULL,
    document_sha256 TEXT NOT NULL,
    created_at_ms   BIGINT NOT NULL,
    updated_at_ms   BIGINT NOT NULL
);
