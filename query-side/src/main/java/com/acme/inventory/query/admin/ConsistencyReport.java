package com.acme.inventory.query.admin;

import java.util.List;

/** The stock cache against a fold of the events: every line where the two disagree. */
public record ConsistencyReport(long checkedProducts, List<Mismatch> mismatches) {

    /**
     * @param projected  units in the stock cache, or null when it has no such line
     * @param fromEvents units by the fold of the events, or null when no event created the line
     */
    public record Mismatch(String productId, String variantId, Long projected, Long fromEvents) {}
}
