package com.acme.inventory.query.stockcache;

import com.acme.inventory.api.InventoryEvent;
import com.acme.inventory.api.LineKey;
import com.acme.inventory.api.ProductStock;
import java.time.Instant;

/**
 * A row of the stock cache: one stock line of a product, with the version of the event that last changed
 * it (the product's version is its lines' highest: every event changes exactly one line).
 */
record StockLine(String productId, LineKey line, long available, long version, Instant updatedAt) {

    /** The line as the event left it; {@code version} is the event's, its sequence number plus one. */
    static StockLine after(InventoryEvent event, long version, Instant occurredAt) {
        return new StockLine(
                event.productId(), LineKey.of(event.variantId()), event.availableAfter(), version, occurredAt);
    }

    ProductStock.LineStock toLineStock() {
        return new ProductStock.LineStock(line.variantId(), available, updatedAt);
    }
}
