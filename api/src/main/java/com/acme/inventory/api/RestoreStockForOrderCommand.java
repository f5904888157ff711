package com.acme.inventory.api;

import java.util.List;

/**
 * Puts back units an order took, every line or none.
 *
 * @param lines the lines to restore, or {@code null} for everything the order still has deducted
 */
public record RestoreStockForOrderCommand(String orderId, List<OrderLine> lines, String reason, String actor) {}
