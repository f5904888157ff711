package com.acme.inventory.api;

/**
 * One line of an initial-stock request.
 *
 * @param variantId the variant, or {@code null} for the product-level line
 * @param quantity  units on hand, 0 or more
 */
public record StockLineSpec(String variantId, long quantity) {}
