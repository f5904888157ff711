package com.acme.inventory.query.eventlog;

import static com.acme.inventory.query.projection.BatchWrites.instant;
import static com.acme.inventory.query.projection.BatchWrites.number;
import static com.acme.inventory.query.projection.BatchWrites.text;

import com.acme.inventory.api.InventoryEvent;
import com.acme.inventory.query.projection.BatchWrites;
import com.acme.inventory.query.projection.ProjectionSql;
import com.acme.inventory.query.projection.Projections;
import com.acme.inventory.query.projection.RebuildableProjection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The event-log projection: each product's history, one row per event, keyed by version (so inserted
 * once; a replay rewrites the rows it marked pending). A processor batch is written in one statement
 * (see {@link ProjectionSql}).
 */
@Component
@ProcessingGroup(Projections.EVENT_LOG)
class EventLogProjection implements RebuildableProjection {

    private final JdbcTemplate jdbc;
    private final String writeRows;

    EventLogProjection(JdbcTemplate jdbc, ProjectionSql sql) {
        this.jdbc = jdbc;
        this.writeRows = sql.choose(UPSERT, MERGE);
    }

    record Row(InventoryEvent event, long version, Instant occurredAt) {}

    @EventHandler
    void on(InventoryEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant occurredAt) {
        Row row = new Row(event, sequenceNumber + 1, occurredAt);
        BatchWrites.add(Projections.EVENT_LOG, ArrayList<Row>::new, rows -> rows.add(row), this::write);
    }

    private void write(List<Row> rows) {
        jdbc.update(
                writeRows,
                BatchWrites.columns(
                        rows,
                        text(row -> row.event().productId()),
                        number(Row::version),
                        text(row -> row.event().type().name()),
                        text(row -> row.event().variantId()),
                        number(row -> row.event().quantity()),
                        number(row -> row.event().delta()),
                        number(row -> row.event().availableAfter()),
                        text(row -> row.event().orderId()),
                        text(row -> row.event().note()),
                        text(row -> row.event().actor()),
                        instant(Row::occurredAt)));
    }

    private static final String BATCH = """
            SELECT * FROM UNNEST(CAST(? AS VARCHAR(64) ARRAY), CAST(? AS BIGINT ARRAY),
                                 CAST(? AS VARCHAR(32) ARRAY), CAST(? AS VARCHAR(64) ARRAY),
                                 CAST(? AS BIGINT ARRAY), CAST(? AS BIGINT ARRAY), CAST(? AS BIGINT ARRAY),
                                 CAST(? AS VARCHAR(64) ARRAY), CAST(? AS VARCHAR(500) ARRAY),
                                 CAST(? AS VARCHAR(64) ARRAY), CAST(? AS VARCHAR(40) ARRAY))
                   AS s(product_id, version, event_type, variant_id, quantity, delta, available_after, order_id,
                        note, actor, occurred_at)""";

    /** PostgreSQL: insert, or rewrite a row a replay marked pending. */
    static final String UPSERT = """
            INSERT INTO event_log AS t (product_id, version, event_type, variant_id, quantity, delta,
                                              available_after, order_id, note, actor, occurred_at)
            SELECT product_id, version, event_type, variant_id, quantity, delta, available_after, order_id, note, actor,
                   CAST(occurred_at AS TIMESTAMP WITH TIME ZONE)
            FROM (%s) s
            ON CONFLICT (product_id, version) DO UPDATE
                SET event_type = EXCLUDED.event_type, variant_id = EXCLUDED.variant_id, quantity = EXCLUDED.quantity,
                    delta = EXCLUDED.delta, available_after = EXCLUDED.available_after, order_id = EXCLUDED.order_id,
                    note = EXCLUDED.note, actor = EXCLUDED.actor, occurred_at = EXCLUDED.occurred_at,
                    rebuild_pending = FALSE
                WHERE t.rebuild_pending""".formatted(BATCH);

    /** Standard SQL MERGE (H2), same effect. */
    private static final String MERGE = """
            MERGE INTO event_log t
            USING (%s) s
            ON t.product_id = s.product_id AND t.version = s.version
            WHEN MATCHED AND t.rebuild_pending THEN
                UPDATE SET event_type = s.event_type, variant_id = s.variant_id, quantity = s.quantity,
                           delta = s.delta, available_after = s.available_after, order_id = s.order_id,
                           note = s.note, actor = s.actor, occurred_at = CAST(s.occurred_at AS TIMESTAMP WITH TIME ZONE),
                           rebuild_pending = FALSE
            WHEN NOT MATCHED THEN
                INSERT (product_id, version, event_type, variant_id, quantity, delta, available_after, order_id,
                        note, actor, occurred_at)
                VALUES (s.product_id, s.version, s.event_type, s.variant_id, s.quantity, s.delta, s.available_after,
                        s.order_id, s.note, s.actor, CAST(s.occurred_at AS TIMESTAMP WITH TIME ZONE))""".formatted(BATCH);

    @ResetHandler
    void reset() {
        jdbc.update("UPDATE event_log SET rebuild_pending = TRUE");
    }

    @Override
    public String projectionName() {
        return Projections.EVENT_LOG;
    }

    @Override
    public void removeRowsWithoutEvents() {
        jdbc.update("DELETE FROM event_log WHERE rebuild_pending");
    }
}
