-- The scheme's work in progress: services, their statements, audits, applications, and what
-- audits need to know of audit bodies and their auditors. Each row keeps its aggregate whole as
-- JSON, with the columns that lists filter by beside it and a revision that every change moves
-- on, so that two people saving the same thing cannot overwrite each other unseen. All seven
-- tables share one shape (the store reads them with one set of statements); a column that does
-- not apply to a table holds NULL. Keep this file and its twin for the other engine alike.

CREATE TABLE services (
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
CREATE INDEX services_provider ON services (provider);

CREATE TABLE statements (
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
CREATE INDEX statements_service ON statements (service);

CREATE TABLE audits (
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
CREATE INDEX audits_service ON audits (service);
CREATE INDEX audits_audit_body ON audits (audit_body);

CREATE TABLE audit_reports (
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

CREATE TABLE applications (
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
CREATE INDEX applications_service ON applications (service);
CREATE INDEX applications_status ON applications (status);

CREATE TABLE audit_body_records (
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

CREATE TABLE auditor_profiles (
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
CREATE INDEX auditor_profiles_audit_body ON auditor_profiles (audit_body);
