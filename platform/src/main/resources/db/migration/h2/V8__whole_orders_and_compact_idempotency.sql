-- See the PostgreSQL migration of the same version; the embedded default starts its keys afresh.
CREATE TABLE order_sale (
    order_id    VARCHAR(64)              NOT NULL PRIMARY KEY,
    fingerprint BIGINT                   NOT NULL,
    outcomes    VARBINARY(100000)        NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

ALTER TABLE sale_ledger ADD COLUMN sold_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL;
ALTER TABLE sale_ledger ADD COLUMN line_position INTEGER DEFAULT 0 NOT NULL;
CREATE INDEX sale_ledger_order ON sale_ledger (order_id);

CREATE TABLE idempotency_key (
    key_hash      UUID              NOT NULL PRIMARY KEY,
    request_hash  BIGINT            NOT NULL,
    stored_minute INTEGER           NOT NULL,
    answer        VARBINARY(100000) NOT NULL
);
CREATE INDEX idempotency_key_stored ON idempotency_key (stored_minute);

DROP TABLE idempotency_record;
