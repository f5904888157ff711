package com.acme.inventory.api;

/**
 * What every stock event states: the change and the resulting fact, so that a projection can
 * upsert from a single event and stays idempotent under redelivery and replay.
 */
public interface InventoryEvent {

    String productId();

    /** The variant, or {@code null} for the product-level line. */
    String variantId();

    InventoryEventType type();

    /** Units moved, never negative. */
    long quantity();

    /** Signed change of the line's available units. */
    long delta();

    /** Units available on the line after this event. */
    long availableAfter();

    default String orderId() {
        return null;
    }

    /** The restock note or the restoration/adjustment reason. */
    default String note() {
        return null;
    }

    /** Who sent the command (the authenticated role). */
    String actor();
}
