package com.acme.inventory.api;

import java.util.List;

/** Stock of several products in request order; ids with no events are listed in {@code missing}. */
public record StockBatch(List<ProductStock> items, List<String> missing) {}
