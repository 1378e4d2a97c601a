-- A service's other certifications and audit reports (ISO/IEC 27001 and 27017 with its statement
-- of applicability, SOC reports, CS marks, ...), each one document: the provider's service id in
-- `service`, the provider organisation in `provider`, `declared` or `withdrawn` in `status`.
-- Keep the SQLite and PostgreSQL files alike.

CREATE TABLE certificates (
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

-- A service's certificates.
CREATE INDEX certificates_by_service ON certificates (service);
