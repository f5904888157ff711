package com.acme.inventory.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record StockRestoredForSaleEvent(
        String productId,
        String variantId,
        String orderId,
        long quantity,
        long availableAfter,
        String reason,
        String actor)
        implements InventoryEvent {

    @Override
    public InventoryEventType type() {
        return InventoryEventType.SALE_RESTORE;
    }

    @Override
    public long delta() {
        return quantity;
    }

    @Override
    public String note() {
        return reason;
    }
}
