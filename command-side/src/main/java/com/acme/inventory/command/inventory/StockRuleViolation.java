package com.acme.inventory.command.inventory;

import com.acme.inventory.api.ErrorCode;
import com.acme.inventory.api.LineKey;
import com.acme.inventory.api.LineViolation;
import com.acme.inventory.api.RuleViolation;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandExecutionException;

/**
 * A command broke a stock rule. The {@link RuleViolation} travels as the exception's details, so it
 * reaches the web layer through a local or a distributed command bus alike. Never retried. Each detail is
 * worded from the request and the violation's numbers only, so that an answer stored in compact form
 * under an Idempotency-Key words it again the same way (the factories are public for that).
 */
public class StockRuleViolation extends CommandExecutionException {

    private StockRuleViolation(RuleViolation violation) {
        super(violation.detail(), null, violation);
    }

    public RuleViolation violation() {
        return (RuleViolation) getDetails().orElseThrow();
    }

    public static StockRuleViolation productNotFound(String productId) {
        return of(ErrorCode.PRODUCT_NOT_FOUND, "Product '" + productId + "' has no stock lines.");
    }

    public static StockRuleViolation variantNotFound(String productId, LineKey line) {
        return of(ErrorCode.VARIANT_NOT_FOUND, "Product '" + productId + "' has no " + line.describe() + ".");
    }

    /** @param lines the requested lines that already exist */
    public static StockRuleViolation alreadyInitialized(List<LineViolation> lines) {
        String named = lines.stream()
                .map(line -> LineKey.of(line.variantId()).describe())
                .collect(Collectors.joining(", "));
        return new StockRuleViolation(new RuleViolation(
                ErrorCode.STOCK_ALREADY_INITIALIZED, "Already stocked: the " + named + ".", null, null, lines));
    }

    public static StockRuleViolation modeConflict() {
        return of(
                ErrorCode.STOCK_MODE_CONFLICT,
                "A product keeps its stock either at product level or per variant, never both; this request names"
                        + " the other kind of line.");
    }

    public static StockRuleViolation insufficientStock(LineKey line, long available, long requested) {
        return new StockRuleViolation(new RuleViolation(
                ErrorCode.INSUFFICIENT_STOCK,
                "The " + line.describe() + " has " + available + " available, " + requested + " requested.",
                available,
                null));
    }

    public static StockRuleViolation aboveCeiling(LineKey line) {
        return of(
                ErrorCode.QUANTITY_OUT_OF_RANGE,
                "The " + line.describe() + " would exceed " + ProductInventory.MAX_UNITS_PER_LINE + " units.");
    }

    public static StockRuleViolation saleAlreadyRecorded(String orderId) {
        return of(
                ErrorCode.SALE_ALREADY_RECORDED,
                "Order '" + orderId + "' already deducted another quantity on this line, or was already sold"
                        + " otherwise; a sale is recorded once per order line.");
    }

    public static StockRuleViolation saleNotFound(String orderId, LineKey line) {
        return of(ErrorCode.SALE_NOT_FOUND, "Order '" + orderId + "' deducted nothing on the " + line.describe() + ".");
    }

    public static StockRuleViolation restoreExceedsSale(String orderId, long restorable, long requested) {
        return new StockRuleViolation(new RuleViolation(
                ErrorCode.RESTORE_EXCEEDS_SALE,
                "Order '" + orderId + "' can restore " + restorable + ", " + requested + " requested.",
                null,
                restorable));
    }

    /** A restoration of everything an order still has deducted, for an order that bought nothing. */
    public static StockRuleViolation orderNotSold(String orderId) {
        return of(ErrorCode.SALE_NOT_FOUND, "Order '" + orderId + "' deducted nothing.");
    }

    /**
     * A whole order, none of whose lines was recorded: the answer's code is the first of its lines' codes in
     * the contract's order (a 404 before a 409), and {@code lines} names every offending line.
     */
    public static StockRuleViolation order(String orderId, List<LineViolation> lines) {
        ErrorCode code = lines.stream()
                .map(LineViolation::code)
                .min(Comparator.naturalOrder())
                .orElseThrow();
        return new StockRuleViolation(new RuleViolation(
                code,
                "Order '" + orderId + "': nothing recorded; " + lines.size() + " of its lines "
                        + (lines.size() == 1 ? "breaks" : "break") + " a rule (listed in lines).",
                null,
                null,
                lines));
    }

    static StockRuleViolation invalid(String detail) {
        return of(ErrorCode.VALIDATION_FAILED, detail);
    }

    private static StockRuleViolation of(ErrorCode code, String detail) {
        return new StockRuleViolation(RuleViolation.of(code, detail));
    }
}
