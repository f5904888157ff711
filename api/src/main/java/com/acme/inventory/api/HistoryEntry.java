package com.acme.inventory.api;

import java.time.Instant;

/** One event of a product's history, as the event-log projection recorded it. */
public record HistoryEntry(
        long version,
        InventoryEventType type,
        String variantId,
        long quantity,
        long delta,
        long availableAfter,
        String orderId,
        String note,
        Instant occurredAt,
        String actor) {}
