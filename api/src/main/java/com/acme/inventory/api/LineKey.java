package com.acme.inventory.api;

/**
 * Names a stock line: a variant, or the product-level line. Stored as the variant id, or {@code ""}
 * for the product level, so that it can be part of a unique key (SQL NULLs are all distinct). Both sides
 * key their tables by it (the sale ledger, the stock cache).
 */
public record LineKey(String value) {

    public static final LineKey PRODUCT_LEVEL = new LineKey("");

    public static LineKey of(String variantId) {
        return variantId == null ? PRODUCT_LEVEL : new LineKey(variantId);
    }

    public boolean isProductLevel() {
        return value.isEmpty();
    }

    /** The variant id, or {@code null} for the product-level line. */
    public String variantId() {
        return isProductLevel() ? null : value;
    }

    /** The line as a rule's message names it. */
    public String describe() {
        return isProductLevel() ? "product-level stock line" : "stock line of variant '" + value + "'";
    }
}
