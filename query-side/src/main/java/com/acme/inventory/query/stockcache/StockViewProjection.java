package com.acme.inventory.query.stockcache;

import com.acme.inventory.api.InventoryEvent;
import com.acme.inventory.api.LineKey;
import java.time.Instant;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;

/**
 * Keeps the {@link StockView} by the events: a processor of this instance alone (its token in memory),
 * started where the stock-cache table was when the view was loaded from it ({@link StockViewLoader}).
 */
@ProcessingGroup(StockViewProjection.NAME)
class StockViewProjection {

    static final String NAME = "stock-view";

    private final StockView view;
    private final StockCacheCommits waits;

    StockViewProjection(StockView view, StockCacheCommits waits) {
        this.view = view;
        this.waits = waits;
    }

    @EventHandler
    void on(InventoryEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant occurredAt) {
        long version = view.apply(
                event.productId(),
                LineKey.of(event.variantId()),
                event.availableAfter(),
                sequenceNumber + 1,
                occurredAt);
        waits.committed(Map.of(event.productId(), version));
    }
}
