package com.acme.inventory.command.inventory;

import com.acme.inventory.api.LineKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The sale ledger for aggregate tests; holds what the command side keeps in table sale_ledger. */
class InMemorySaleLedger implements SaleLedger {

    private final Map<String, RecordedSale> sales = new LinkedHashMap<>();

    @Override
    public Optional<RecordedSale> find(String productId, LineKey line, String orderId) {
        return Optional.ofNullable(sales.get(key(productId, line, orderId)));
    }

    @Override
    public boolean recordSaleIfNew(String productId, LineKey line, String orderId, RecordedSale sale) {
        return sales.putIfAbsent(key(productId, line, orderId), sale) == null;
    }

    @Override
    public void recordRestoration(String productId, LineKey line, String orderId, long quantity) {
        sales.computeIfPresent(
                key(productId, line, orderId),
                (k, sale) -> new RecordedSale(
                        sale.quantity(), sale.restored() + quantity, sale.availableAfter(), sale.version()));
    }

    @Override
    public List<OrderLineSale> salesOf(String orderId) {
        return sales.entrySet().stream()
                .filter(sale -> sale.getKey().endsWith('|' + orderId))
                .map(sale -> {
                    String[] key = sale.getKey().split("\\|", -1);
                    return new OrderLineSale(key[0], new LineKey(key[1]), sale.getValue());
                })
                .toList();
    }

    private static String key(String productId, LineKey line, String orderId) {
        return productId + '|' + line.value() + '|' + orderId;
    }
}
