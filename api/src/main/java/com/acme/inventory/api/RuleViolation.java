package com.acme.inventory.api;

import java.util.List;

/**
 * Details of a rejected command; travels in {@code CommandExecutionException#getDetails()} so that it
 * survives a distributed command bus.
 *
 * @param available  units on the line, for {@code INSUFFICIENT_STOCK}
 * @param restorable units that order can still restore on the line, for {@code RESTORE_EXCEEDS_SALE}
 * @param lines      every offending line of a request of several lines (a whole order, initial stock)
 */
public record RuleViolation(ErrorCode code, String detail, Long available, Long restorable, List<LineViolation> lines) {

    public RuleViolation {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    public RuleViolation(ErrorCode code, String detail, Long available, Long restorable) {
        this(code, detail, available, restorable, List.of());
    }

    public static RuleViolation of(ErrorCode code, String detail) {
        return new RuleViolation(code, detail, null, null);
    }
}
