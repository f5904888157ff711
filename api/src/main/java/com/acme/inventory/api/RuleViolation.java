package com.acme.inventory.api;

/**
 * Details of a rejected command; travels in {@code CommandExecutionException#getDetails()} so that it
 * survives a distributed command bus.
 *
 * @param available  units on the line, for {@code INSUFFICIENT_STOCK}
 * @param restorable units that order can still restore on the line, for {@code RESTORE_EXCEEDS_SALE}
 */
public record RuleViolation(ErrorCode code, String detail, Long available, Long restorable) {

    public static RuleViolation of(ErrorCode code, String detail) {
        return new RuleViolation(code, detail, null, null);
    }
}
