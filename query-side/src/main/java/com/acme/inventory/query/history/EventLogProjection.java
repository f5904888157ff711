package com.acme.inventory.query.history;

import java.time.Instant;
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
 * The event-log projection: each product's history, one row per event, keyed by version (so inserted
 * once; a replay rewrites the rows it marked pending).
 */
@Component
@ProcessingGroup(Projections.EVENT_LOG)
class EventLogProjection implements RebuildableProjection {

    private final JdbcTemplate jdbc;

    EventLogProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(InventoryEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant occurredAt) {
        long version = sequenceNumber + 1;
        int rebuilt = jdbc.update("""
                        UPDATE stock_event_log SET event_type = ?, variant_id = ?, quantity = ?, delta = ?,
                               available_after = ?, order_id = ?, note = ?, actor = ?, occurred_at = ?,
                               rebuild_pending = FALSE
                        WHERE product_id = ? AND version = ? AND rebuild_pending""",
                event.type().name(), event.variantId(), event.quantity(), event.delta(), event.availableAfter(),
                event.orderId(), event.note(), event.actor(), occurredAt.atOffset(ZoneOffset.UTC),
                event.productId(), version);
        if (rebuilt > 0) {
            return;
        }
        jdbc.update("""
                        INSERT INTO stock_event_log (product_id, version, event_type, variant_id, quantity, delta,
                                                     available_after, order_id, note, actor, occurred_at)
                        SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS
                            (SELECT 1 FROM stock_event_log WHERE product_id = ? AND version = ?)""",
                event.productId(), version, event.type().name(), event.variantId(), event.quantity(), event.delta(),
                event.availableAfter(), event.orderId(), event.note(), event.actor(), occurredAt.atOffset(ZoneOffset.UTC),
                event.productId(), version);
    }

    @ResetHandler
    void reset() {
        jdbc.update("UPDATE stock_event_log SET rebuild_pending = TRUE");
    }

    @Override
    public String projectionName() {
        return Projections.EVENT_LOG;
    }

    @Override
    public void removeRowsWithoutEvents() {
        jdbc.update("DELETE FROM stock_event_log WHERE rebuild_pending");
    }
}
