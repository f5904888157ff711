package com.acme.inventory.command.inventory;

import com.acme.inventory.api.LineKey;
import java.util.List;
import java.util.Optional;

/**
 * Per-order memory of the sales on each line, kept outside the aggregate so that loading a product
 * costs the same after 100,000 sales as after one. Implementations write in the command's transaction,
 * so a rolled-back command leaves no trace here either.
 */
public interface SaleLedger {

    Optional<RecordedSale> find(String productId, LineKey line, String orderId);

    /** Records the sale unless one is already recorded for the order on this line; tells which. */
    boolean recordSaleIfNew(String productId, LineKey line, String orderId, RecordedSale sale);

    void recordRestoration(String productId, LineKey line, String orderId, long quantity);

    /** Every line the order bought, in the order it bought them (a whole order's lines in request order). */
    List<OrderLineSale> salesOf(String orderId);

    /** One line an order bought. */
    record OrderLineSale(String productId, LineKey line, RecordedSale sale) {}
}
