package com.acme.inventory.command.inventory;

import java.util.Optional;

/** The whole-order sales recorded so far, by order id; written in the command's transaction. */
public interface OrderSales {

    Optional<RecordedOrder> find(String orderId);

    void record(String orderId, RecordedOrder order);
}
