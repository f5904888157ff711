package com.acme.inventory.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Takes sold units off a line; one order line is deducted at most once. */
public record DeductStockForSaleCommand(
        @TargetAggregateIdentifier String productId, String variantId, String orderId, long quantity, String actor)
        implements ProductCommand {}
