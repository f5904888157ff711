package com.acme.inventory.command.inventory;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.acme.inventory.api.AdjustStockCommand;
import com.acme.inventory.api.DeductStockForSaleCommand;
import com.acme.inventory.api.InitialStockResult;
import com.acme.inventory.api.InitializeStockCommand;
import com.acme.inventory.api.InventoryEvent;
import com.acme.inventory.api.InventoryEventType;
import com.acme.inventory.api.LineKey;
import com.acme.inventory.api.RestockCommand;
import com.acme.inventory.api.RestoreStockForSaleCommand;
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
 * must keep. Snapshots serialize the fields, which is why Jackson may see them.
 */
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
@Aggregate(repository = "productInventoryRepository")
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
        requested.forEach(this::requireNewLine);
        for (StockLineSpec spec : command.lines()) {
            requireWithinCeiling(LineKey.of(spec.variantId()), 0, spec.quantity());
        }
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
        RecordedSale sale = ledger.find(productId, key, command.orderId())
                .orElseThrow(() -> StockRuleViolation.saleNotFound(command.orderId(), key));
        requireRestorable(command.orderId(), sale, command.quantity());
        requireWithinCeiling(key, line.available(), command.quantity());
        apply(new StockRestoredForSaleEvent(
                productId,
                command.variantId(),
                command.orderId(),
                command.quantity(),
                line.available() + command.quantity(),
                command.reason(),
                command.actor()));
        ledger.recordRestoration(productId, key, command.orderId(), command.quantity());
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

    @EventSourcingHandler
    void on(InventoryEvent event) {
        productId = event.productId();
        LineKey key = LineKey.of(event.variantId());
        lines.put(key.value(), new Line(key.variantId(), event.availableAfter()));
        version++;
    }

    private StockChangeResult sameSaleAgain(DeductStockForSaleCommand command, LineKey key, RecordedSale sale) {
        if (sale.quantity() != command.quantity()) {
            throw StockRuleViolation.saleAlreadyRecorded(command.orderId(), sale.quantity());
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

    private List<LineKey> requireDistinctLines(List<StockLineSpec> specs) {
        if (specs == null || specs.isEmpty()) {
            throw StockRuleViolation.invalid("Initial stock needs at least one line.");
        }
        Set<LineKey> seen = new HashSet<>();
        List<LineKey> keys = new ArrayList<>();
        for (StockLineSpec spec : specs) {
            LineKey key = LineKey.of(spec.variantId());
            if (spec.quantity() < 0) {
                throw StockRuleViolation.invalid("Initial quantity must not be negative.");
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
            throw StockRuleViolation.modeConflict("A product keeps stock at product level or per variant, not both.");
        }
        if (!lines.isEmpty()) {
            requested.forEach(this::requireStockMode);
        }
    }

    private void requireNewLine(LineKey key) {
        if (lines.containsKey(key.value())) {
            throw StockRuleViolation.alreadyInitialized(key);
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
            throw StockRuleViolation.modeConflict("Product '" + productId + "' keeps its stock "
                    + (keptAtProductLevel ? "at product level" : "per variant") + ".");
        }
    }

    private static void requireAvailable(LineKey key, Line line, long quantity) {
        if (quantity > line.available()) {
            throw StockRuleViolation.insufficientStock(key, line.available(), quantity);
        }
    }

    private static void requireWithinCeiling(LineKey key, long available, long increase) {
        if (increase > MAX_UNITS_PER_LINE - available) {
            throw StockRuleViolation.aboveCeiling(key, MAX_UNITS_PER_LINE);
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
