-- One name per read model, as its projection (processor) and package are named: the stock cache
-- (stock-cache) and the event log (event-log). The same SQL on PostgreSQL and H2.
ALTER TABLE stock_line RENAME TO stock_cache;
ALTER TABLE stock_event_log RENAME TO event_log;
