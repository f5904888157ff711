package com.acme.inventory.query.stock;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

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

/**
 * The stock-cache projection: one row per product (its version) and one per stock line. Each event
 * carries the line's resulting units, so a row is set, not incremented, and only by a newer version
 * (or when a replay marked it pending): redelivery and replay leave the same rows. Runs in the
 * processor's transaction with its token.
 */
@Component
@ProcessingGroup(StockCacheProjection.NAME)
class StockCacheProjection implements RebuildableProjection {

    static final String NAME = Projections.STOCK_CACHE;

    private final JdbcTemplate jdbc;

    StockCacheProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(InventoryEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant occurredAt) {
        long version = sequenceNumber + 1;
        OffsetDateTime at = occurredAt.atOffset(ZoneOffset.UTC);
        String lineKey = event.variantId() == null ? "" : event.variantId();
        int lines = jdbc.update("""
                        UPDATE stock_line SET available = ?, version = ?, updated_at = ?, rebuild_pending = FALSE
                        WHERE product_id = ? AND line_key = ? AND (version < ? OR rebuild_pending)""",
                event.availableAfter(), version, at, event.productId(), lineKey, version);
        if (lines == 0) {
            jdbc.update("""
                            INSERT INTO stock_line (product_id, line_key, variant_id, available, version, updated_at)
                            SELECT ?, ?, ?, ?, ?, ? WHERE NOT EXISTS
                                (SELECT 1 FROM stock_line WHERE product_id = ? AND line_key = ?)""",
                    event.productId(), lineKey, event.variantId(), event.availableAfter(), version, at,
                    event.productId(), lineKey);
        }
        int products = jdbc.update("""
                        UPDATE stock_product SET version = ?, updated_at = ?, rebuild_pending = FALSE
                        WHERE product_id = ? AND (version < ? OR rebuild_pending)""",
                version, at, event.productId(), version);
        if (products == 0) {
            jdbc.update("""
                            INSERT INTO stock_product (product_id, version, updated_at)
                            SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM stock_product WHERE product_id = ?)""",
                    event.productId(), version, at, event.productId());
        }
    }

    /** Rows stay readable during a replay; each is rebuilt by its product's events (see V4 migration). */
    @ResetHandler
    void reset() {
        jdbc.update("UPDATE stock_line SET rebuild_pending = TRUE");
        jdbc.update("UPDATE stock_product SET rebuild_pending = TRUE");
    }

    /** After a replay: rows that no event rebuilt belong to no product history. */
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
