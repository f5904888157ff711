package com.acme.inventory.api;

import java.util.List;

/** Outcome of a whole-order command: each line's product and units, and what the line holds now. */
public record OrderResult(String orderId, List<Line> lines) {

    /**
     * @param available units on the line after this order's change
     * @param version   the product's version after it
     */
    public record Line(String productId, String variantId, long quantity, long available, long version) {}
}
