package com.acme.inventory.query.stock;

import static com.acme.inventory.query.processing.BatchWrites.instant;
import static com.acme.inventory.query.processing.BatchWrites.number;
import static com.acme.inventory.query.processing.BatchWrites.text;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.acme.inventory.api.InventoryEvent;
import com.acme.inventory.query.admin.Projections;
import com.acme.inventory.query.admin.RebuildableProjection;
import com.acme.inventory.query.processing.BatchWrites;
import com.acme.inventory.query.processing.CustomPlans;

/**
 * The stock-cache projection: one row per stock line, with the version of the last event that
 * changed it. Every event changes exactly one line, so a product's version is its lines' highest
 * and needs no row of its own. Each event carries the line's resulting units, so a row is set, not
 * incremented, and only by a newer version (or when a replay marked it pending): redelivery and
 * replay leave the same rows. The newest state of each line in a processor batch is merged in one
 * statement (its columns bound as arrays), in the batch's transaction with the processor's token.
 */
@Component
@ProcessingGroup(StockCacheProjection.NAME)
class StockCacheProjection implements RebuildableProjection {

    static final String NAME = Projections.STOCK_CACHE;

    private final JdbcTemplate jdbc;
    private final CustomPlans customPlans;
    private final StockCacheCommits commits;

    StockCacheProjection(JdbcTemplate jdbc, CustomPlans customPlans, StockCacheCommits commits) {
        this.jdbc = jdbc;
        this.customPlans = customPlans;
        this.commits = commits;
    }

    record LineRow(String productId, String lineKey, String variantId, long available, long version, Instant at) {
    }

    /** The newest state per line seen in one processor batch. */
    static final class Batch {
        final Map<String, LineRow> lines = new HashMap<>();

        void add(InventoryEvent event, long version, Instant at) {
            String lineKey = event.variantId() == null ? "" : event.variantId();
            lines.merge(event.productId() + '\u0000' + lineKey,
                    new LineRow(event.productId(), lineKey, event.variantId(), event.availableAfter(), version, at),
                    (a, b) -> a.version() >= b.version() ? a : b);
        }
    }

    @EventHandler
    void on(InventoryEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant occurredAt) {
        BatchWrites.add(NAME, Batch::new, batch -> batch.add(event, sequenceNumber + 1, occurredAt), this::write);
    }

    private void write(Batch batch) {
        customPlans.forThisTransaction();
        jdbc.update(MERGE_LINES, BatchWrites.columns(batch.lines.values(),
                text(LineRow::productId), text(LineRow::lineKey), text(LineRow::variantId),
                number(LineRow::available), number(LineRow::version), instant(LineRow::at)));
        Map<String, Long> versions = new HashMap<>();
        batch.lines.values().forEach(line -> versions.merge(line.productId(), line.version(), Math::max));
        BatchWrites.afterCommit(() -> commits.committed(versions));
    }

    /** Standard SQL MERGE (PostgreSQL 15+, H2): update a row only from a newer version or when pending. */
    private static final String MERGE_LINES = """
            MERGE INTO stock_line t
            USING (SELECT * FROM UNNEST(CAST(? AS VARCHAR(64) ARRAY), CAST(? AS VARCHAR(64) ARRAY),
                                        CAST(? AS VARCHAR(64) ARRAY), CAST(? AS BIGINT ARRAY), CAST(? AS BIGINT ARRAY),
                                        CAST(? AS VARCHAR(40) ARRAY))
                   AS s(product_id, line_key, variant_id, available, version, updated_at)) s
            ON t.product_id = s.product_id AND t.line_key = s.line_key
            WHEN MATCHED AND (t.version < s.version OR t.rebuild_pending) THEN
                UPDATE SET available = s.available, version = s.version,
                           updated_at = CAST(s.updated_at AS TIMESTAMP WITH TIME ZONE), rebuild_pending = FALSE
            WHEN NOT MATCHED THEN
                INSERT (product_id, line_key, variant_id, available, version, updated_at)
                VALUES (s.product_id, s.line_key, s.variant_id, s.available, s.version,
                        CAST(s.updated_at AS TIMESTAMP WITH TIME ZONE))""";

    /** Rows stay readable during a replay; each is rebuilt by its product's events (see V4 migration). */
    @ResetHandler
    void reset() {
        jdbc.update("UPDATE stock_line SET rebuild_pending = TRUE");
    }

    @Override
    public String projectionName() {
        return NAME;
    }

    @Override
    public void removeRowsWithoutEvents() {
        jdbc.update("DELETE FROM stock_line WHERE rebuild_pending");
    }
}
