-- The procurer's records: a procuring organisation's information systems (each one document
-- with its classification and the history of its classes, the organisation in `provider`,
-- `kept` in `status`) and their usages of registered services (each one document, the
-- registration number used in `service`, the organisation in `provider`, `open` or `ended` in
-- `status`). Keep the SQLite and PostgreSQL files alike.

CREATE TABLE systems (
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

-- An organisation's own systems.
CREATE INDEX systems_by_org ON systems (provider);

CREATE TABLE service_usages (
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

-- The users of a registered service (those told what happens to it), an organisation's usages.
CREATE INDEX service_usages_by_entry ON service_usages (service);
CREATE INDEX service_usages_by_org ON service_usages (provider);
