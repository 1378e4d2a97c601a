-- API tokens expire. Every token gets the moment it stops working; the service sets it when the
-- token is created (`token_days`, at most `token_max_days`). A token made before this migration
-- is given the longest lifetime a new one may have, 365 days from its creation, so that it
-- expires by the same rule as the others (`shinrai_store::model::TOKEN_LIFETIME_BEFORE_EXPIRY_MS`
-- is the same figure, for backups taken before this migration). The default of 0 is only for
-- the rows that exist while the column is added: a row ever written without an expiry is
-- already expired. Keep this file and its twin for the other engine alike.

ALTER TABLE api_tokens ADD COLUMN expires_at_ms BIGINT NOT NULL DEFAULT 0;

UPDATE api_tokens SET expires_at_ms = created_at_ms + 31536000000;
