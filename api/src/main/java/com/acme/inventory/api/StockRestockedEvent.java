package com.acme.inventory.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record StockRestockedEvent(
        String productId, String variantId, long quantity, long availableAfter, String note, String actor)
        implements InventoryEvent {

    @Override
    public InventoryEventType type() {
        return InventoryEventType.RESTOCK;
    }

    @Override
    public long delta() {
        return quantity;
    }
}
