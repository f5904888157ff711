package com.acme.inventory.api;

import java.util.List;

public record InitialStockResult(String productId, long version, List<Line> lines) {

    public record Line(String variantId, long available) {}
}
