package com.acme.inventory.command.application;

import com.acme.inventory.api.DeductStockForOrderCommand;
import com.acme.inventory.api.ErrorCode;
import com.acme.inventory.api.LineViolation;
import com.acme.inventory.api.OrderLine;
import com.acme.inventory.api.OrderResult;
import com.acme.inventory.api.RestoreStockForOrderCommand;
import com.acme.inventory.command.inventory.OrderSales;
import com.acme.inventory.command.inventory.ProductInventory;
import com.acme.inventory.command.inventory.RecordedOrder;
import com.acme.inventory.command.inventory.SaleLedger;
import com.acme.inventory.command.inventory.StockRuleViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Whole orders: every line of an order, across products, in one unit of work (one transaction), or none.
 * The rules stay in {@link ProductInventory}: each product first checks its lines, changing nothing, and
 * only when every line of the order passes does each product take its line. Products are loaded in the
 * order of their ids; each line is an ordinary sale or restoration event in its product's stream.
 */
@Component
class OrderCommandHandler {

    private final Repository<ProductInventory> products;
    private final SaleLedger ledger;
    private final OrderSales orders;

    OrderCommandHandler(Repository<ProductInventory> products, SaleLedger ledger, OrderSales orders) {
        this.products = products;
        this.ledger = ledger;
        this.orders = orders;
    }

    @CommandHandler
    OrderResult handle(DeductStockForOrderCommand command) {
        Optional<RecordedOrder> recorded = orders.find(command.orderId());
        if (recorded.isPresent()) {
            if (recorded.get().sameLines(command.lines())) {
                return recorded.get().answer(command);
            }
            throw StockRuleViolation.saleAlreadyRecorded(command.orderId());
        }
        String orderId = command.orderId();
        Map<String, Aggregate<ProductInventory>> loaded = load(command.lines());
        check(
                orderId,
                command.lines(),
                loaded,
                (product, index, line) -> product.checkOrderSale(index, line, orderId, ledger));
        List<OrderResult.Line> sold = new ArrayList<>();
        for (OrderLine line : command.lines()) {
            sold.add(loaded.get(line.productId())
                    .invoke(product -> product.sellOrderLine(line, orderId, command.actor(), ledger)));
        }
        orders.record(orderId, RecordedOrder.of(command.lines(), sold));
        return new OrderResult(orderId, sold);
    }

    @CommandHandler
    OrderResult handle(RestoreStockForOrderCommand command) {
        String orderId = command.orderId();
        List<OrderLine> lines = command.lines() != null ? command.lines() : stillDeducted(orderId);
        Map<String, Aggregate<ProductInventory>> loaded = load(lines);
        check(
                orderId,
                lines,
                loaded,
                (product, index, line) -> product.checkOrderRestoration(index, line, orderId, ledger));
        List<OrderResult.Line> restored = new ArrayList<>();
        for (OrderLine line : lines) {
            restored.add(loaded.get(line.productId())
                    .invoke(product ->
                            product.restoreOrderLine(line, orderId, command.reason(), command.actor(), ledger)));
        }
        return new OrderResult(orderId, restored);
    }

    /** What the order bought and has not restored yet, line by line in the order it bought them. */
    private List<OrderLine> stillDeducted(String orderId) {
        List<SaleLedger.OrderLineSale> sales = ledger.salesOf(orderId);
        if (sales.isEmpty()) {
            throw StockRuleViolation.orderNotSold(orderId);
        }
        return sales.stream()
                .filter(sale -> sale.sale().restorable() > 0)
                .map(sale -> new OrderLine(
                        sale.productId(), sale.line().variantId(), sale.sale().restorable()))
                .toList();
    }

    /** Each product of the order, loaded once, in the order of their ids; null for a product with no events. */
    private Map<String, Aggregate<ProductInventory>> load(List<OrderLine> lines) {
        Map<String, Aggregate<ProductInventory>> loaded = new TreeMap<>();
        lines.forEach(line -> loaded.put(line.productId(), null));
        for (Map.Entry<String, Aggregate<ProductInventory>> product : loaded.entrySet()) {
            try {
                product.setValue(products.load(product.getKey()));
            } catch (AggregateNotFoundException neverInitialized) {
                product.setValue(null);
            }
        }
        return loaded;
    }

    /** A product's rules for one line of the order: what the line breaks, if anything. */
    @FunctionalInterface
    private interface LineRules {
        Optional<LineViolation> check(ProductInventory product, int index, OrderLine line);
    }

    /** Every line's rules before any line changes anything: all offending lines, or none. */
    private static void check(
            String orderId, List<OrderLine> lines, Map<String, Aggregate<ProductInventory>> loaded, LineRules rules) {
        List<LineViolation> violations = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            OrderLine line = lines.get(i);
            Aggregate<ProductInventory> product = loaded.get(line.productId());
            if (product == null) {
                violations.add(LineViolation.of(ErrorCode.PRODUCT_NOT_FOUND, i, line.productId(), line.variantId()));
            } else {
                int index = i;
                product.invoke(inventory -> rules.check(inventory, index, line)).ifPresent(violations::add);
            }
        }
        if (!violations.isEmpty()) {
            throw StockRuleViolation.order(orderId, violations);
        }
    }
}
