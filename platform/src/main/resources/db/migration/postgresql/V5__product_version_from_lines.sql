-- stock-cache: a product's version and time are read from its most recently changed line (every
-- event changes exactly one line), so the product rows are no longer written or read. Query-side
-- instances of an older version read this table: stop them before this migration runs (README,
-- runbook "Upgrading").
DROP TABLE stock_product;
