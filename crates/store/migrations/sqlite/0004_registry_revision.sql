-- One row counting the changes to the registry. Every transaction that writes registry entries
-- adds one to it, so a process holding the registry in memory learns whether its copy is current
-- from one primary-key read instead of scanning `registry_entries`, and sees writes made by other
-- processes (the command line) too. Keep this file and its twin for the other engine alike.

CREATE TABLE registry_revision (
    id       BIGINT PRIMARY KEY CHECK (id = 1),
    revision BIGINT NOT NULL
);

INSERT INTO registry_revision (id, revision) VALUES (1, 0);
