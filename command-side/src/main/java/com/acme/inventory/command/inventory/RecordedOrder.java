package com.acme.inventory.command.inventory;

import com.acme.inventory.api.DeductStockForOrderCommand;
import com.acme.inventory.api.LineKey;
import com.acme.inventory.api.OrderLine;
import com.acme.inventory.api.OrderResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * A whole-order sale as recorded: a fingerprint of its lines (in request order) and what each line held
 * after it. The same order sold again with the same lines gets this answer again; anything else is
 * {@code SALE_ALREADY_RECORDED}.
 *
 * @param outcomes each line's units and product version after the sale, in request order
 */
public record RecordedOrder(long fingerprint, List<Outcome> outcomes) {

    public record Outcome(long available, long version) {}

    public static RecordedOrder of(List<OrderLine> lines, List<OrderResult.Line> sold) {
        return new RecordedOrder(
                fingerprint(lines),
                sold.stream()
                        .map(line -> new Outcome(line.available(), line.version()))
                        .toList());
    }

    public boolean sameLines(List<OrderLine> lines) {
        return fingerprint == fingerprint(lines) && outcomes.size() == lines.size();
    }

    /** The first answer, from the repeated request's lines (the same ones) and the recorded outcomes. */
    public OrderResult answer(DeductStockForOrderCommand command) {
        List<OrderResult.Line> lines = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            OrderLine line = command.lines().get(i);
            lines.add(new OrderResult.Line(
                    line.productId(),
                    LineKey.of(line.variantId()).variantId(),
                    line.quantity(),
                    outcomes.get(i).available(),
                    outcomes.get(i).version()));
        }
        return new OrderResult(command.orderId(), lines);
    }

    /** The first 64 bits of the SHA-256 of the lines in request order. */
    static long fingerprint(List<OrderLine> lines) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (OrderLine line : lines) {
                digest.update((line.productId()
                                + '\u0000'
                                + LineKey.of(line.variantId()).value()
                                + '\u0000'
                                + line.quantity()
                                + '\n')
                        .getBytes(StandardCharsets.UTF_8));
            }
            byte[] hash = digest.digest();
            long value = 0;
            for (int i = 0; i < Long.BYTES; i++) {
                value = (value << 8) | (hash[i] & 0xff);
            }
            return value;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
