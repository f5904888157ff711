package com.acme.inventory.command.inventory;

import com.acme.inventory.api.ErrorCode;
import com.acme.inventory.api.LineKey;
import com.acme.inventory.api.RuleViolation;
import org.axonframework.commandhandling.CommandExecutionException;

/**
 * A command broke a stock rule. The {@link RuleViolation} travels as the exception's details, so it
 * reaches the web layer through a local or a distributed command bus alike. Never retried.
 */
public class StockRuleViolation extends CommandExecutionException {

    private StockRuleViolation(RuleViolation violation) {
        super(violation.detail(), null, violation);
    }

    public RuleViolation violation() {
        return (RuleViolation) getDetails().orElseThrow();
    }

    static StockRuleViolation productNotFound(String productId) {
        return of(ErrorCode.PRODUCT_NOT_FOUND, "Product '" + productId + "' has no stock lines.");
    }

    static StockRuleViolation variantNotFound(String productId, LineKey line) {
        return of(ErrorCode.VARIANT_NOT_FOUND, "Product '" + productId + "' has no " + line.describe() + ".");
    }

    static StockRuleViolation alreadyInitialized(LineKey line) {
        return of(ErrorCode.STOCK_ALREADY_INITIALIZED, "The " + line.describe() + " already has stock.");
    }

    static StockRuleViolation modeConflict(String detail) {
        return of(ErrorCode.STOCK_MODE_CONFLICT, detail);
    }

    static StockRuleViolation insufficientStock(LineKey line, long available, long requested) {
        return new StockRuleViolation(new RuleViolation(
                ErrorCode.INSUFFICIENT_STOCK,
                "The " + line.describe() + " has " + available + " available, " + requested + " requested.",
                available,
                null));
    }

    static StockRuleViolation aboveCeiling(LineKey line, long ceiling) {
        return of(ErrorCode.QUANTITY_OUT_OF_RANGE, "The " + line.describe() + " would exceed " + ceiling + " units.");
    }

    static StockRuleViolation saleAlreadyRecorded(String orderId, long recordedQuantity) {
        return of(
                ErrorCode.SALE_ALREADY_RECORDED,
                "Order '" + orderId + "' already deducted " + recordedQuantity
                        + " on this line; a sale is recorded once per order line.");
    }

    static StockRuleViolation saleNotFound(String orderId, LineKey line) {
        return of(ErrorCode.SALE_NOT_FOUND, "Order '" + orderId + "' deducted nothing on the " + line.describe() + ".");
    }

    static StockRuleViolation restoreExceedsSale(String orderId, long restorable, long requested) {
        return new StockRuleViolation(new RuleViolation(
                ErrorCode.RESTORE_EXCEEDS_SALE,
                "Order '" + orderId + "' can restore " + restorable + ", " + requested + " requested.",
                null,
                restorable));
    }

    static StockRuleViolation invalid(String detail) {
        return of(ErrorCode.VALIDATION_FAILED, detail);
    }

    private static StockRuleViolation of(ErrorCode code, String detail) {
        return new StockRuleViolation(RuleViolation.of(code, detail));
    }
}
