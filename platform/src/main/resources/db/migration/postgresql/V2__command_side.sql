-- What each order deducted and restored per stock line. Kept out of the aggregate so that loading
-- a product does not grow with its number of sales; written in the command's transaction.
-- line_key is the variant id, or '' for the product-level line (never NULL: see the unique key).
CREATE TABLE sale_ledger (
    product_id      VARCHAR(64) NOT NULL,
    line_key        VARCHAR(64) NOT NULL,
    order_id        VARCHAR(64) NOT NULL,
    quantity        BIGINT      NOT NULL,
    restored        BIGINT      NOT NULL DEFAULT 0,
    available_after BIGINT      NOT NULL,
    version         BIGINT      NOT NULL,
    PRIMARY KEY (product_id, line_key, order_id)
);

-- First response to each Idempotency-Key, stored in the command's transaction.
CREATE TABLE idempotency_record (
    idempotency_key VARCHAR(128)  NOT NULL PRIMARY KEY,
    request_hash    CHAR(64)      NOT NULL,
    status          INTEGER       NOT NULL,
    body            VARCHAR(100000) NOT NULL,
    created_at      TIMESTAMPTZ   NOT NULL
);
CREATE INDEX idempotency_record_created_at ON idempotency_record (created_at);
