package com.acme.inventory.api;

import java.util.List;

/** Sells every line of an order, across products, in one transaction, or none of them. */
public record DeductStockForOrderCommand(String orderId, List<OrderLine> lines, String actor) {}
