package com.acme.inventory.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Corrects a line by a signed {@code delta} (a cycle count, damage); the reason is required. */
public record AdjustStockCommand(
        @TargetAggregateIdentifier String productId, String variantId, long delta, String reason, String actor)
        implements ProductCommand {}
