package com.acme.inventory.api;

/**
 * Outcome of a single-line command: what moved and what the line holds now.
 *
 * @param quantity  units moved (for an adjustment, the size of the delta)
 * @param delta     signed change of the line
 * @param available units on the line after the command
 * @param version   the product's version (number of events in its stream) after the command
 */
public record StockChangeResult(
        String productId,
        String variantId,
        InventoryEventType eventType,
        long quantity,
        long delta,
        long available,
        long version,
        String orderId) {}
