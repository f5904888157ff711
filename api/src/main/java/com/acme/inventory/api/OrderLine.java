package com.acme.inventory.api;

/**
 * One line of a whole order: units of a product's line.
 *
 * @param variantId the variant, or {@code null} for the product-level line
 */
public record OrderLine(String productId, String variantId, long quantity) {}
