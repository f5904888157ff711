package com.acme.inventory.command.inventory;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.acme.inventory.api.AdjustStockCommand;
import com.acme.inventory.api.DeductStockForSaleCommand;
import com.acme.inventory.api.ErrorCode;
import com.acme.inventory.api.InitialStockResult;
import com.acme.inventory.api.InitializeStockCommand;
import com.acme.inventory.api.InventoryEvent;
import com.acme.inventory.api.InventoryEventType;
import com.acme.inventory.api.LineKey;
import com.acme.inventory.api.LineViolation;
import com.acme.inventory.api.OrderLine;
import com.acme.inventory.api.OrderResult;
import com.acme.inventory.api.RestockCommand;
import com.acme.inventory.api.RestoreStockForSaleCommand;
import com.acme.inventory.api.RuleViolation;
import com.acme.inventory.api.StockAdjustedEvent;
import com.acme.inventory.api.StockChangeResult;
import com.acme.inventory.api.StockDeductedForSaleEvent;
import com.acme.inventory.api.StockInitializedEvent;
import com.acme.inventory.api.StockLineSpec;
import com.acme.inventory.api.StockRestockedEvent;
import com.acme.inventory.api.StockRestoredForSaleEvent;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The stock of one product: its lines (product level, or one per variant) and the rules every change
 * must keep. A line of a whole order is sold or restored by the same guards as a single-line command;
 * the order's handler first asks each product to check its lines (nothing changes), and only when every
 * line passes asks each to take its line. Snapshots serialize the fields, which is why Jackson may see
 * them.
 */
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
@Aggregate(repository = "productInventoryRepository", commandTargetResolver = "productCommandTargets")
public class ProductInventory {

    /** No line may hold more than this; keeps every sum far from overflow. */
    public static final long MAX_UNITS_PER_LINE = 1_000_000_000_000L;

    @AggregateIdentifier
    private String productId;

    private Map<String, Line> lines = new HashMap<>();
    /** Number of events in the stream: the product's version in the API. */
    private long version;

    /** Units available on one line; replaced on every event. */
    record Line(String variantId, long available) {}

    protected ProductInventory() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public InitialStockResult handle(InitializeStockCommand command) {
        List<LineKey> requested = requireDistinctLines(command.lines());
        requireOneStockMode(requested);
        requireNewLines(command.productId(), requested);
        for (StockLineSpec spec : command.lines()) {
            apply(new StockInitializedEvent(
                    command.productId(), spec.variantId(), spec.quantity(), spec.quantity(), command.actor()));
        }
        List<InitialStockResult.Line> result = requested.stream()
                .map(key -> new InitialStockResult.Line(
                        key.variantId(), lines.get(key.value()).available()))
                .toList();
        return new InitialStockResult(command.productId(), version, result);
    }

    @CommandHandler
    public StockChangeResult handle(RestockCommand command) {
        LineKey key = LineKey.of(command.variantId());
        Line line = requireLine(key);
        requireWithinCeiling(key, line.available(), command.quantity());
        apply(new StockRestockedEvent(
                productId,
                command.variantId(),
                command.quantity(),
                line.available() + command.quantity(),
                command.note(),
                command.actor()));
        return result(key, InventoryEventType.RESTOCK, command.quantity(), command.quantity(), null);
    }

    @CommandHandler
    public StockChangeResult handle(DeductStockForSaleCommand command, SaleLedger ledger) {
        LineKey key = LineKey.of(command.variantId());
        Line line = requireLine(key);
        RecordedSale sale = new RecordedSale(command.quantity(), 0, line.available() - command.quantity(), version + 1);
        boolean enough = command.quantity() <= line.available();
        if (!enough || !ledger.recordSaleIfNew(productId, key, command.orderId(), sale)) {
            Optional<RecordedSale> recorded = ledger.find(productId, key, command.orderId());
            if (recorded.isPresent()) {
                return sameSaleAgain(command, key, recorded.get());
            }
            requireAvailable(key, line, command.quantity());
            throw new IllegalStateException("The ledger refused a sale it does not hold: order " + command.orderId());
        }
        apply(new StockDeductedForSaleEvent(
                productId,
                command.variantId(),
                command.orderId(),
                command.quantity(),
                sale.availableAfter(),
                command.actor()));
        return result(key, InventoryEventType.SALE_DEDUCT, command.quantity(), -command.quantity(), command.orderId());
    }

    @CommandHandler
    public StockChangeResult handle(RestoreStockForSaleCommand command, SaleLedger ledger) {
        LineKey key = LineKey.of(command.variantId());
        Line line = requireLine(key);
        RecordedSale sale = requireSale(command.orderId(), key, ledger);
        requireRestorable(command.orderId(), sale, command.quantity());
        requireWithinCeiling(key, line.available(), command.quantity());
        restore(key, command.orderId(), command.quantity(), command.reason(), command.actor(), ledger);
        return result(key, InventoryEventType.SALE_RESTORE, command.quantity(), command.quantity(), command.orderId());
    }

    @CommandHandler
    public StockChangeResult handle(AdjustStockCommand command) {
        LineKey key = LineKey.of(command.variantId());
        requireReason(command.reason());
        Line line = requireLine(key);
        if (command.delta() < 0) {
            requireAvailable(key, line, -command.delta());
        } else {
            requireWithinCeiling(key, line.available(), command.delta());
        }
        apply(new StockAdjustedEvent(
                productId,
                command.variantId(),
                command.delta(),
                line.available() + command.delta(),
                command.reason(),
                command.actor()));
        return result(key, InventoryEventType.ADJUSTMENT, Math.abs(command.delta()), command.delta(), null);
    }

    /**
     * What would stop this product from selling a line of a whole order, by the rules of a single sale: the
     * line must exist and hold enough, and the order must not have been sold on it before. Changes nothing.
     */
    public Optional<LineViolation> checkOrderSale(int index, OrderLine line, String orderId, SaleLedger ledger) {
        return violationOf(index, line, () -> {
            LineKey key = LineKey.of(line.variantId());
            Line stock = requireLine(key);
            if (ledger.find(productId, key, orderId).isPresent()) {
                throw StockRuleViolation.saleAlreadyRecorded(orderId);
            }
            requireAvailable(key, stock, line.quantity());
        });
    }

    /** Sells a line of a whole order that {@link #checkOrderSale} passed. */
    public OrderResult.Line sellOrderLine(OrderLine line, String orderId, String actor, SaleLedger ledger) {
        LineKey key = LineKey.of(line.variantId());
        Line stock = requireLine(key);
        requireAvailable(key, stock, line.quantity());
        long after = stock.available() - line.quantity();
        if (!ledger.recordSaleIfNew(
                productId, key, orderId, new RecordedSale(line.quantity(), 0, after, version + 1))) {
            throw StockRuleViolation.saleAlreadyRecorded(orderId);
        }
        apply(new StockDeductedForSaleEvent(productId, key.variantId(), orderId, line.quantity(), after, actor));
        return new OrderResult.Line(productId, key.variantId(), line.quantity(), after, version);
    }

    /**
     * What would stop this product from restoring a line of a whole order, by the rules of a single
     * restoration: the order must have bought that much on the line. Changes nothing.
     */
    public Optional<LineViolation> checkOrderRestoration(int index, OrderLine line, String orderId, SaleLedger ledger) {
        return violationOf(index, line, () -> {
            LineKey key = LineKey.of(line.variantId());
            Line stock = requireLine(key);
            requireRestorable(orderId, requireSale(orderId, key, ledger), line.quantity());
            requireWithinCeiling(key, stock.available(), line.quantity());
        });
    }

    /** Restores a line of a whole order that {@link #checkOrderRestoration} passed. */
    public OrderResult.Line restoreOrderLine(
            OrderLine line, String orderId, String reason, String actor, SaleLedger ledger) {
        LineKey key = LineKey.of(line.variantId());
        Line stock = requireLine(key);
        requireRestorable(orderId, requireSale(orderId, key, ledger), line.quantity());
        requireWithinCeiling(key, stock.available(), line.quantity());
        restore(key, orderId, line.quantity(), reason, actor, ledger);
        return new OrderResult.Line(
                productId,
                key.variantId(),
                line.quantity(),
                lines.get(key.value()).available(),
                version);
    }

    @EventSourcingHandler
    void on(InventoryEvent event) {
        productId = event.productId();
        LineKey key = LineKey.of(event.variantId());
        lines.put(key.value(), new Line(key.variantId(), event.availableAfter()));
        version++;
    }

    private void restore(LineKey key, String orderId, long quantity, String reason, String actor, SaleLedger ledger) {
        apply(new StockRestoredForSaleEvent(
                productId,
                key.variantId(),
                orderId,
                quantity,
                lines.get(key.value()).available() + quantity,
                reason,
                actor));
        ledger.recordRestoration(productId, key, orderId, quantity);
    }

    private StockChangeResult sameSaleAgain(DeductStockForSaleCommand command, LineKey key, RecordedSale sale) {
        if (sale.quantity() != command.quantity()) {
            throw StockRuleViolation.saleAlreadyRecorded(command.orderId());
        }
        return new StockChangeResult(
                productId,
                key.variantId(),
                InventoryEventType.SALE_DEDUCT,
                sale.quantity(),
                -sale.quantity(),
                sale.availableAfter(),
                sale.version(),
                command.orderId());
    }

    private StockChangeResult result(LineKey key, InventoryEventType type, long quantity, long delta, String orderId) {
        return new StockChangeResult(
                productId,
                key.variantId(),
                type,
                quantity,
                delta,
                lines.get(key.value()).available(),
                version,
                orderId);
    }

    /** Runs a line's guards; the rule it breaks, as one line of the order's answer. */
    private Optional<LineViolation> violationOf(int index, OrderLine line, Runnable guards) {
        try {
            guards.run();
            return Optional.empty();
        } catch (StockRuleViolation broken) {
            RuleViolation violation = broken.violation();
            return Optional.of(new LineViolation(
                    violation.code(),
                    index,
                    productId,
                    line.variantId(),
                    line.quantity(),
                    violation.available(),
                    violation.restorable()));
        }
    }

    private List<LineKey> requireDistinctLines(List<StockLineSpec> specs) {
        if (specs == null || specs.isEmpty()) {
            throw StockRuleViolation.invalid("Initial stock needs at least one line.");
        }
        Set<LineKey> seen = new HashSet<>();
        List<LineKey> keys = new ArrayList<>();
        for (StockLineSpec spec : specs) {
            LineKey key = LineKey.of(spec.variantId());
            if (spec.quantity() < 0 || spec.quantity() > MAX_UNITS_PER_LINE) {
                throw StockRuleViolation.invalid("Initial quantity must be 0 to " + MAX_UNITS_PER_LINE + ".");
            }
            if (!seen.add(key)) {
                throw StockRuleViolation.invalid("The " + key.describe() + " appears twice.");
            }
            keys.add(key);
        }
        return keys;
    }

    private void requireOneStockMode(List<LineKey> requested) {
        boolean productLevelRequested = requested.stream().anyMatch(LineKey::isProductLevel);
        boolean variantsRequested = requested.stream().anyMatch(key -> !key.isProductLevel());
        if (productLevelRequested && variantsRequested) {
            throw StockRuleViolation.modeConflict();
        }
        if (!lines.isEmpty()) {
            requested.forEach(this::requireStockMode);
        }
    }

    /** Every requested line that already exists is named, not only the first. */
    private void requireNewLines(String product, List<LineKey> requested) {
        List<LineViolation> existing = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            LineKey key = requested.get(i);
            if (lines.containsKey(key.value())) {
                existing.add(LineViolation.of(ErrorCode.STOCK_ALREADY_INITIALIZED, i, product, key.variantId()));
            }
        }
        if (!existing.isEmpty()) {
            throw StockRuleViolation.alreadyInitialized(existing);
        }
    }

    private Line requireLine(LineKey key) {
        if (lines.isEmpty()) {
            throw StockRuleViolation.productNotFound(productId);
        }
        Line line = lines.get(key.value());
        if (line == null) {
            requireStockMode(key);
            throw StockRuleViolation.variantNotFound(productId, key);
        }
        return line;
    }

    /** A product-level command on a product kept per variant, or a variant of a product kept at product level. */
    private void requireStockMode(LineKey key) {
        boolean keptAtProductLevel = lines.containsKey(LineKey.PRODUCT_LEVEL.value());
        if (key.isProductLevel() != keptAtProductLevel) {
            throw StockRuleViolation.modeConflict();
        }
    }

    private RecordedSale requireSale(String orderId, LineKey key, SaleLedger ledger) {
        return ledger.find(productId, key, orderId).orElseThrow(() -> StockRuleViolation.saleNotFound(orderId, key));
    }

    private static void requireAvailable(LineKey key, Line line, long quantity) {
        if (quantity > line.available()) {
            throw StockRuleViolation.insufficientStock(key, line.available(), quantity);
        }
    }

    private static void requireWithinCeiling(LineKey key, long available, long increase) {
        if (increase > MAX_UNITS_PER_LINE - available) {
            throw StockRuleViolation.aboveCeiling(key);
        }
    }

    private static void requireRestorable(String orderId, RecordedSale sale, long quantity) {
        if (quantity > sale.restorable()) {
            throw StockRuleViolation.restoreExceedsSale(orderId, sale.restorable(), quantity);
        }
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw StockRuleViolation.invalid("An adjustment needs a reason.");
        }
    }
}
