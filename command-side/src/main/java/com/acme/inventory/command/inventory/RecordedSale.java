package com.acme.inventory.command.inventory;

/**
 * What one order deducted on one stock line, and what the first answer to it was.
 *
 * @param quantity       units the sale deducted
 * @param restored       units restored for that order on that line so far
 * @param availableAfter units on the line right after the sale
 * @param version        the product's version right after the sale
 */
public record RecordedSale(long quantity, long restored, long availableAfter, long version) {

    public long restorable() {
        return quantity - restored;
    }
}
