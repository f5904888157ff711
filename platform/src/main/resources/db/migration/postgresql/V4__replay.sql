-- Replay rebuilds the projections in place. The reset marks every row pending instead of deleting
-- it, so reads keep answering; an event of the replay overwrites a pending row whatever its version,
-- and rows still pending when the replay has finished had no events: they are removed.
ALTER TABLE stock_product ADD COLUMN rebuild_pending BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE stock_line ADD COLUMN rebuild_pending BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE stock_event_log ADD COLUMN rebuild_pending BOOLEAN NOT NULL DEFAULT FALSE;

-- One row per projection: the replay state machine shared by every query-side instance.
-- RUNNING -> STOPPING (a replay was asked; every instance shuts its processor down)
--         -> RESETTING (one instance, with every claim released, resets the tokens) -> RUNNING.
-- generation counts replays; cleaned_generation is the last replay whose pending rows were removed.
CREATE TABLE projection_control (
    name               VARCHAR(64)  NOT NULL PRIMARY KEY,
    state              VARCHAR(16)  NOT NULL,
    generation         BIGINT       NOT NULL,
    cleaned_generation BIGINT       NOT NULL,
    requested_by       VARCHAR(64),
    requested_at       TIMESTAMPTZ,
    state_changed_at   TIMESTAMPTZ,
    reset_position     BIGINT,
    last_error         VARCHAR(2000)
);
INSERT INTO projection_control (name, state, generation, cleaned_generation)
VALUES ('stock-cache', 'RUNNING', 0, 0), ('event-log', 'RUNNING', 0, 0);
