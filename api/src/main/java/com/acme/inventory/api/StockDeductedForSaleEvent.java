package com.acme.inventory.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record StockDeductedForSaleEvent(
        String productId, String variantId, String orderId, long quantity, long availableAfter, String actor)
        implements InventoryEvent {

    @Override
    public InventoryEventType type() {
        return InventoryEventType.SALE_DEDUCT;
    }

    @Override
    public long delta() {
        return -quantity;
    }
}
