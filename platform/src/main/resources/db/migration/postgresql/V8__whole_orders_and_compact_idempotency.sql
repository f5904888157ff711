-- Whole orders: what each whole-order sale answered, for its natural idempotency (the same order id with
-- the same lines gets the first answer again). outcomes: each line's units and version after the sale.
CREATE TABLE order_sale (
    order_id    VARCHAR(64) NOT NULL PRIMARY KEY,
    fingerprint BIGINT      NOT NULL,
    outcomes    BYTEA       NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);

-- The order in which an order bought its lines, to restore everything it still has in that order: the time
-- of the sale's transaction, then the line's position among that transaction's ledger writes.
ALTER TABLE sale_ledger ADD COLUMN sold_at TIMESTAMPTZ NOT NULL DEFAULT now();
ALTER TABLE sale_ledger ADD COLUMN line_position INTEGER NOT NULL DEFAULT 0;
CREATE INDEX sale_ledger_order ON sale_ledger (order_id);

-- Idempotency records in compact form: the key's hash (the first 128 bits of its SHA-256), the first 64
-- bits of the request's fingerprint, the minute it was stored, and the answer as numbers (the request
-- words it again). A BRIN index serves the hourly removal of expired rows at a few pages in all.
CREATE TABLE idempotency_key (
    key_hash      UUID    NOT NULL PRIMARY KEY,
    request_hash  BIGINT  NOT NULL,
    stored_minute INTEGER NOT NULL,
    answer        BYTEA   NOT NULL
);
CREATE INDEX idempotency_key_stored ON idempotency_key USING brin (stored_minute);

-- Keys of the former layout stay valid: their answers are carried over as stored (kind 2: the status and
-- the body's JSON).
INSERT INTO idempotency_key (key_hash, request_hash, stored_minute, answer)
SELECT CAST(substr(encode(sha256(convert_to(idempotency_key, 'UTF8')), 'hex'), 1, 32) AS UUID),
       ('x' || substr(request_hash, 1, 16))::bit(64)::bigint,
       CAST(floor(extract(epoch FROM created_at) / 60) AS INTEGER),
       '\x02'::bytea || int2send(CAST(status AS SMALLINT)) || convert_to(body, 'UTF8')
FROM idempotency_record;
DROP TABLE idempotency_record;
