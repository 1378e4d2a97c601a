-- An audit's working papers: each control's judgements, its frozen population, the evidence
-- and the requests for it. Stored like the other documents of the scheme's work, with the
-- audit they belong to beside them so an engagement's rows are listed and paged by it. Keep the
-- SQLite and PostgreSQL files alike.

CREATE TABLE control_work (
    id              TEXT PRIMARY KEY,
    service         TEXT,
    provider        TEXT,
    audit_body      TEXT,
    status          TEXT NOT NULL,
    revision        BIGINT NOT NULL,
    document        TEXT NOT NULL,
    document_sha256 TEXT NOT NULL,
    updated_at_ms   BIGINT NOT NULL,
    audit           TEXT NOT NULL
);
CREATE INDEX control_work_audit ON control_work (audit, id);

CREATE TABLE populations (
    id              TEXT PRIMARY KEY,
    service         TEXT,
    provider        TEXT,
    audit_body      TEXT,
    status          TEXT NOT NULL,
    revision        BIGINT NOT NULL,
    document        TEXT NOT NULL,
    document_sha256 TEXT NOT NULL,
    updated_at_ms   BIGINT NOT NULL,
    audit           TEXT NOT NULL
);
CREATE INDEX populations_audit ON populations (audit, id);

CREATE TABLE evidence (
    id              TEXT PRIMARY KEY,
    service         TEXT,
    provider        TEXT,
    audit_body      TEXT,
    status          TEXT NOT NULL,
    revision        BIGINT NOT NULL,
    document        TEXT NOT NULL,
    document_sha256 TEXT NOT NULL,
    updated_at_ms   BIGINT NOT NULL,
    audit           TEXT NOT NULL
);
CREATE INDEX evidence_audit ON evidence (audit, id);

CREATE TABLE evidence_requests (
    id              TEXT PRIMARY KEY,
    service         TEXT,
    provider        TEXT,
    audit_body      TEXT,
    status          TEXT NOT NULL,
    revision        BIGINT NOT NULL,
    document        TEXT NOT NULL,
    document_sha256 TEXT NOT NULL,
    updated_at_ms   BIGINT NOT NULL,
    audit           TEXT NOT NULL
);
CREATE INDEX evidence_requests_audit ON evidence_requests (audit, id);

-- The sample's seed is derived from the event that froze a population: found by its subject.
CREATE INDEX log_events_subject ON log_events (subject);
