package com.acme.inventory.api;

/** Whether a line can cover {@code requested} units; an unknown product or line has 0 available. */
public record Availability(String productId, String variantId, long requested, long available, boolean sufficient) {}
