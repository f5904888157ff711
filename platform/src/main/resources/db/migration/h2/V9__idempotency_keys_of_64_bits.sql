-- Idempotency records keyed by the first 64 bits of the key's SHA-256 instead of 128 (see the PostgreSQL
-- migration); existing keys keep their first 64 bits.
CREATE TABLE idempotency_key_64 (
    key_hash      BIGINT            NOT NULL PRIMARY KEY,
    request_hash  BIGINT            NOT NULL,
    stored_minute INTEGER           NOT NULL,
    answer        VARBINARY(100000) NOT NULL
);
INSERT INTO idempotency_key_64 (key_hash, request_hash, stored_minute, answer)
SELECT CAST(SUBSTRING(CAST(key_hash AS VARBINARY(16)) FROM 1 FOR 8) AS BIGINT), request_hash, stored_minute, answer
FROM idempotency_key;
DROP TABLE idempotency_key;
ALTER TABLE idempotency_key_64 RENAME TO idempotency_key;
CREATE INDEX idempotency_key_stored ON idempotency_key (stored_minute);
