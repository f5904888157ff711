package com.acme.inventory.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds received units to a line; {@code note} is free text such as a purchase order number. */
public record RestockCommand(
        @TargetAggregateIdentifier String productId, String variantId, long quantity, String note, String actor)
        implements ProductCommand {}
