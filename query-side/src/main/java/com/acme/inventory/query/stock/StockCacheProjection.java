package com.acme.inventory.query.stock;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
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

/**
 * The stock-cache projection: one row per product (its version) and one per stock line. Each event
 * carries the line's resulting units, so a row is set, not incremented, and only by a newer version
 * (or when a replay marked it pending): redelivery and replay leave the same rows. The newest state of
 * each row in a processor batch is merged in one statement per table, in the batch's transaction with
 * the processor's token.
 */
@Component
@ProcessingGroup(StockCacheProjection.NAME)
class StockCacheProjection implements RebuildableProjection {

    static final String NAME = Projections.STOCK_CACHE;

    private final JdbcTemplate jdbc;

    StockCacheProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record LineRow(String productId, String lineKey, String variantId, long available, long version, OffsetDateTime at) {
    }

    record ProductRow(String productId, long version, OffsetDateTime at) {
    }

    /** The newest state per line and per product seen in one processor batch. */
    static final class Batch {
        final Map<String, LineRow> lines = new HashMap<>();
        final Map<String, ProductRow> products = new HashMap<>();

        void add(InventoryEvent event, long version, OffsetDateTime at) {
            String lineKey = event.variantId() == null ? "" : event.variantId();
            lines.merge(event.productId() + '\u0000' + lineKey,
                    new LineRow(event.productId(), lineKey, event.variantId(), event.availableAfter(), version, at),
                    (a, b) -> a.version() >= b.version() ? a : b);
            products.merge(event.productId(), new ProductRow(event.productId(), version, at),
                    (a, b) -> a.version() >= b.version() ? a : b);
        }
    }

    @EventHandler
    void on(InventoryEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant occurredAt) {
        OffsetDateTime at = occurredAt.atOffset(ZoneOffset.UTC);
        BatchWrites.add(NAME, Batch::new, batch -> batch.add(event, sequenceNumber + 1, at), this::write);
    }

    private void write(Batch batch) {
        for (List<LineRow> chunk : BatchWrites.chunks(batch.lines.values())) {
            jdbc.update(mergeLines(chunk.size()), (PreparedStatement ps) -> {
                int i = 1;
                for (LineRow row : chunk) {
                    ps.setString(i++, row.productId());
                    ps.setString(i++, row.lineKey());
                    BatchWrites.setNullableString(ps, i++, row.variantId());
                    ps.setLong(i++, row.available());
                    ps.setLong(i++, row.version());
                    ps.setObject(i++, row.at());
                }
            });
        }
        for (List<ProductRow> chunk : BatchWrites.chunks(batch.products.values())) {
            jdbc.update(mergeProducts(chunk.size()), (PreparedStatement ps) -> {
                int i = 1;
                for (ProductRow row : chunk) {
                    ps.setString(i++, row.productId());
                    ps.setLong(i++, row.version());
                    ps.setObject(i++, row.at());
                }
            });
        }
    }

    /** Standard SQL MERGE (PostgreSQL 15+, H2): update a row only from a newer version or when pending. */
    private static String mergeLines(int rows) {
        return """
                MERGE INTO stock_line t
                USING (VALUES %s) AS s(product_id, line_key, variant_id, available, version, updated_at)
                ON t.product_id = s.product_id AND t.line_key = s.line_key
                WHEN MATCHED AND (t.version < s.version OR t.rebuild_pending) THEN
                    UPDATE SET available = s.available, version = s.version, updated_at = s.updated_at,
                               rebuild_pending = FALSE
                WHEN NOT MATCHED THEN
                    INSERT (product_id, line_key, variant_id, available, version, updated_at)
                    VALUES (s.product_id, s.line_key, s.variant_id, s.available, s.version, s.updated_at)"""
                .formatted(BatchWrites.values(rows, "(CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(64)), "
                        + "CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS TIMESTAMP WITH TIME ZONE))"));
    }

    private static String mergeProducts(int rows) {
        return """
                MERGE INTO stock_product t
                USING (VALUES %s) AS s(product_id, version, updated_at)
                ON t.product_id = s.product_id
                WHEN MATCHED AND (t.version < s.version OR t.rebuild_pending) THEN
                    UPDATE SET version = s.version, updated_at = s.updated_at, rebuild_pending = FALSE
                WHEN NOT MATCHED THEN
                    INSERT (product_id, version, updated_at) VALUES (s.product_id, s.version, s.updated_at)"""
                .formatted(BatchWrites.values(rows, "(CAST(? AS VARCHAR(64)), CAST(? AS BIGINT), CAST(? AS TIMESTAMP WITH TIME ZONE))"));
    }

    /** Rows stay readable during a replay; each is rebuilt by its product's events (see V4 migration). */
    @ResetHandler
    void reset() {
        jdbc.update("UPDATE stock_line SET rebuild_pending = TRUE");
        jdbc.update("UPDATE stock_product SET rebuild_pending = TRUE");
    }

    @Override
    public String projectionName() {
        return NAME;
    }

    @Override
    public void removeRowsWithoutEvents() {
        jdbc.update("DELETE FROM stock_line WHERE rebuild_pending");
        jdbc.update("DELETE FROM stock_product WHERE rebuild_pending");
    }
}
