package com.acme.inventory.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Puts units of a cancelled or returned order back, at most what that order deducted on the line. */
public record RestoreStockForSaleCommand(
        @TargetAggregateIdentifier String productId,
        String variantId,
        String orderId,
        long quantity,
        String reason,
        String actor)
        implements ProductCommand {}
