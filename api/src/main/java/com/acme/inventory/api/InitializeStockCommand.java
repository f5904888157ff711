package com.acme.inventory.api;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Opens stock lines on a product: the first lines of a new product, or new variants later. */
public record InitializeStockCommand(
        @TargetAggregateIdentifier String productId, List<StockLineSpec> lines, String actor)
        implements ProductCommand {}
