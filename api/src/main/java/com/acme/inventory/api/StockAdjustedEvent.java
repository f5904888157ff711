package com.acme.inventory.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record StockAdjustedEvent(
        String productId, String variantId, long delta, long availableAfter, String reason, String actor)
        implements InventoryEvent {

    @Override
    public InventoryEventType type() {
        return InventoryEventType.ADJUSTMENT;
    }

    @Override
    public long quantity() {
        return Math.abs(delta);
    }

    @Override
    public String note() {
        return reason;
    }
}
