-- Query sides LISTEN instead of polling. A transaction that appends events notifies channel
-- inventory_events once (PostgreSQL folds a transaction's identical notifications into one and delivers
-- them at commit, never for a rollback), whoever wrote: a command side, a bulk load, a repair. A change
-- of a projection's replay state notifies inventory_projection_control.
CREATE FUNCTION notify_commit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify(TG_ARGV[0], '');
    RETURN NULL;
END
$$;

CREATE TRIGGER domain_event_entry_notify AFTER INSERT ON domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION notify_commit('inventory_events');

CREATE TRIGGER projection_control_notify AFTER INSERT OR UPDATE ON projection_control
    FOR EACH STATEMENT EXECUTE FUNCTION notify_commit('inventory_projection_control');
