-- The primary keys follow their tables' new names (V6); H2 names its keys itself.
ALTER TABLE stock_cache RENAME CONSTRAINT stock_line_pkey TO stock_cache_pkey;
ALTER TABLE event_log RENAME CONSTRAINT stock_event_log_pkey TO event_log_pkey;
