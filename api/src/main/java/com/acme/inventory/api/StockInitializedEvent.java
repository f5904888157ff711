package com.acme.inventory.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record StockInitializedEvent(
        String productId, String variantId, long quantity, long availableAfter, String actor)
        implements InventoryEvent {

    @Override
    public InventoryEventType type() {
        return InventoryEventType.INITIAL_STOCK;
    }

    @Override
    public long delta() {
        return quantity;
    }
}
