package com.acme.inventory.api;

import java.time.Instant;

public record VariantStock(String productId, String variantId, long available, long version, Instant updatedAt) {}
