package com.acme.inventory.api;

import java.time.Instant;
import java.util.List;

/**
 * A product's projected stock.
 *
 * @param mode    {@code PRODUCT} (one product-level line) or {@code VARIANTS}
 * @param version the product's version the projection has applied
 */
public record ProductStock(
        String productId, StockMode mode, long totalAvailable, long version, Instant updatedAt, List<LineStock> lines) {

    public enum StockMode {
        PRODUCT,
        VARIANTS
    }

    /** @param variantId the variant, or {@code null} for the product-level line */
    public record LineStock(String variantId, long available, Instant updatedAt) {}
}
