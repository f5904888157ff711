-- stock-cache projection: one row per product (its version) and one per stock line.
-- line_key is the variant id, or '' for the product-level line, so the product-level line is unique too.
CREATE TABLE stock_product (
    product_id VARCHAR(64) NOT NULL PRIMARY KEY,
    version    BIGINT      NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE stock_line (
    product_id VARCHAR(64) NOT NULL,
    line_key   VARCHAR(64) NOT NULL,
    variant_id VARCHAR(64),
    available  BIGINT      NOT NULL,
    version    BIGINT      NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (product_id, line_key)
);

-- event-log projection: the history of each product, one row per event, in version order.
CREATE TABLE stock_event_log (
    product_id      VARCHAR(64)  NOT NULL,
    version         BIGINT       NOT NULL,
    event_type      VARCHAR(32)  NOT NULL,
    variant_id      VARCHAR(64),
    quantity        BIGINT       NOT NULL,
    delta           BIGINT       NOT NULL,
    available_after BIGINT       NOT NULL,
    order_id        VARCHAR(64),
    note            VARCHAR(500),
    actor           VARCHAR(64),
    occurred_at     TIMESTAMP WITH TIME ZONE  NOT NULL,
    PRIMARY KEY (product_id, version)
);
