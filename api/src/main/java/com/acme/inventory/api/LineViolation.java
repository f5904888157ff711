package com.acme.inventory.api;

/**
 * One offending line of a request of several lines.
 *
 * @param index      the line's position in the request, from 0
 * @param requested  units the line asked for, where its code compares them
 * @param available  units on the line, for {@code INSUFFICIENT_STOCK}
 * @param restorable units the order can still restore on the line, for {@code RESTORE_EXCEEDS_SALE}
 */
public record LineViolation(
        ErrorCode code,
        int index,
        String productId,
        String variantId,
        Long requested,
        Long available,
        Long restorable) {

    public static LineViolation of(ErrorCode code, int index, String productId, String variantId) {
        return new LineViolation(code, index, productId, variantId, null, null, null);
    }
}
