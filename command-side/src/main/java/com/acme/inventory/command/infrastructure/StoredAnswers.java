package com.acme.inventory.command.infrastructure;

import com.acme.inventory.api.AdjustStockCommand;
import com.acme.inventory.api.DeductStockForOrderCommand;
import com.acme.inventory.api.DeductStockForSaleCommand;
import com.acme.inventory.api.ErrorCode;
import com.acme.inventory.api.InitialStockResult;
import com.acme.inventory.api.InitializeStockCommand;
import com.acme.inventory.api.InventoryEventType;
import com.acme.inventory.api.LineKey;
import com.acme.inventory.api.LineViolation;
import com.acme.inventory.api.OrderLine;
import com.acme.inventory.api.OrderResult;
import com.acme.inventory.api.RestockCommand;
import com.acme.inventory.api.RestoreStockForOrderCommand;
import com.acme.inventory.api.RestoreStockForSaleCommand;
import com.acme.inventory.api.RuleViolation;
import com.acme.inventory.api.StockChangeResult;
import com.acme.inventory.command.inventory.StockRuleViolation;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The first answer to an Idempotency-Key in a few bytes. Everything the request states (ids, quantities,
 * the event type) is left out and taken from the repeated request, which the key's fingerprint proves to
 * be the same; what is stored is what the request cannot tell: the units and version after a change, the
 * code and numbers of a rejection. A rejection's detail is worded again by the same
 * {@link StockRuleViolation} factory as the first time, from the same request and numbers. A sale's
 * answer takes 1 + ~3 + ~4 bytes.
 */
public final class StoredAnswers {

    /** What a stored answer was. */
    public sealed interface Answer {}

    /** The command's result, as first answered. */
    public record Accepted(Object result) implements Answer {}

    /** The rule violation, as first answered. */
    public record Rejected(RuleViolation violation) implements Answer {}

    /** An answer stored by an earlier layout: its status and body as they were. */
    public record Verbatim(int status, String body) implements Answer {}

    private static final int ACCEPTED = 0;
    private static final int REJECTED = 1;
    private static final int VERBATIM = 2;
    private static final int WITH_AVAILABLE = 1;
    private static final int WITH_RESTORABLE = 2;
    private static final int WITH_DETAIL = 4;
    private static final int WITH_REQUESTED = 8;
    private static final int LINES_AS_REQUESTED = 0;
    private static final int LINES_NAMED = 1;

    private StoredAnswers() {}

    /** @param command the command answered: a whole order's lines as requested need not be stored again */
    public static byte[] accepted(Object result, Object command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(ACCEPTED);
        if (result instanceof StockChangeResult change) {
            Varints.write(out, change.available());
            Varints.write(out, change.version());
        } else if (result instanceof InitialStockResult initial) {
            Varints.write(out, initial.version());
        } else if (result instanceof OrderResult order) {
            boolean asRequested = order.lines().equals(asRequested(order, command));
            out.write(asRequested ? LINES_AS_REQUESTED : LINES_NAMED);
            Varints.write(out, order.lines().size());
            for (OrderResult.Line line : order.lines()) {
                if (!asRequested) {
                    text(out, line.productId());
                    text(out, LineKey.of(line.variantId()).value());
                    Varints.write(out, line.quantity());
                }
                Varints.write(out, line.available());
                Varints.write(out, line.version());
            }
        } else {
            throw new IllegalArgumentException("No stored form for " + result);
        }
        return out.toByteArray();
    }

    /** The result's lines with the request's ids and quantities: equal to the result when nothing else was sold. */
    private static List<OrderResult.Line> asRequested(OrderResult order, Object command) {
        List<OrderLine> requested = requestedLines(command);
        if (requested == null || requested.size() != order.lines().size()) {
            return null;
        }
        List<OrderResult.Line> lines = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            OrderLine line = requested.get(i);
            OrderResult.Line result = order.lines().get(i);
            lines.add(new OrderResult.Line(
                    line.productId(),
                    LineKey.of(line.variantId()).variantId(),
                    line.quantity(),
                    result.available(),
                    result.version()));
        }
        return lines;
    }

    private static List<OrderLine> requestedLines(Object command) {
        if (command instanceof DeductStockForOrderCommand order) {
            return order.lines();
        }
        if (command instanceof RestoreStockForOrderCommand order) {
            return order.lines();
        }
        return null;
    }

    public static byte[] rejected(RuleViolation violation) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(REJECTED);
        Varints.write(out, violation.code().ordinal());
        boolean worded = violation.code() != ErrorCode.VALIDATION_FAILED;
        int flags = (violation.available() != null ? WITH_AVAILABLE : 0)
                | (violation.restorable() != null ? WITH_RESTORABLE : 0)
                | (worded ? 0 : WITH_DETAIL);
        out.write(flags);
        number(out, violation.available());
        number(out, violation.restorable());
        if (!worded) {
            text(out, violation.detail());
        }
        Varints.write(out, violation.lines().size());
        for (LineViolation line : violation.lines()) {
            Varints.write(out, line.index());
            Varints.write(out, line.code().ordinal());
            out.write((line.available() != null ? WITH_AVAILABLE : 0)
                    | (line.restorable() != null ? WITH_RESTORABLE : 0)
                    | (line.requested() != null ? WITH_REQUESTED : 0));
            number(out, line.available());
            number(out, line.restorable());
            number(out, line.requested());
            text(out, line.productId());
            text(out, LineKey.of(line.variantId()).value());
        }
        return out.toByteArray();
    }

    /** The first answer again, from its stored form and the (same) repeated command. */
    public static Answer decode(byte[] stored, Object command) {
        ByteBuffer in = ByteBuffer.wrap(stored);
        int kind = in.get();
        return switch (kind) {
            case ACCEPTED -> new Accepted(result(in, command));
            case REJECTED -> new Rejected(violation(in, command));
            case VERBATIM ->
                new Verbatim(in.getShort(), StandardCharsets.UTF_8.decode(in).toString());
            default -> throw new IllegalStateException("Unknown stored answer kind " + kind);
        };
    }

    private static Object result(ByteBuffer in, Object command) {
        if (command instanceof DeductStockForSaleCommand c) {
            return change(
                    in,
                    c.productId(),
                    c.variantId(),
                    InventoryEventType.SALE_DEDUCT,
                    c.quantity(),
                    -c.quantity(),
                    c.orderId());
        }
        if (command instanceof RestoreStockForSaleCommand c) {
            return change(
                    in,
                    c.productId(),
                    c.variantId(),
                    InventoryEventType.SALE_RESTORE,
                    c.quantity(),
                    c.quantity(),
                    c.orderId());
        }
        if (command instanceof RestockCommand c) {
            return change(
                    in, c.productId(), c.variantId(), InventoryEventType.RESTOCK, c.quantity(), c.quantity(), null);
        }
        if (command instanceof AdjustStockCommand c) {
            return change(
                    in,
                    c.productId(),
                    c.variantId(),
                    InventoryEventType.ADJUSTMENT,
                    Math.abs(c.delta()),
                    c.delta(),
                    null);
        }
        if (command instanceof InitializeStockCommand c) {
            return new InitialStockResult(
                    c.productId(),
                    Varints.read(in),
                    c.lines().stream()
                            .map(line -> new InitialStockResult.Line(line.variantId(), line.quantity()))
                            .toList());
        }
        if (command instanceof DeductStockForOrderCommand c) {
            return order(in, c.orderId(), c.lines());
        }
        if (command instanceof RestoreStockForOrderCommand c) {
            return order(in, c.orderId(), c.lines());
        }
        throw new IllegalArgumentException("No stored form for " + command);
    }

    private static StockChangeResult change(
            ByteBuffer in,
            String productId,
            String variantId,
            InventoryEventType type,
            long quantity,
            long delta,
            String orderId) {
        long available = Varints.read(in);
        long version = Varints.read(in);
        return new StockChangeResult(
                productId, LineKey.of(variantId).variantId(), type, quantity, delta, available, version, orderId);
    }

    private static OrderResult order(ByteBuffer in, String orderId, List<OrderLine> requested) {
        boolean asRequested = in.get() == LINES_AS_REQUESTED;
        int size = Math.toIntExact(Varints.read(in));
        List<OrderResult.Line> lines = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            OrderLine line = asRequested
                    ? requested.get(i)
                    : new OrderLine(text(in), LineKey.of(text(in)).variantId(), Varints.read(in));
            lines.add(new OrderResult.Line(
                    line.productId(),
                    LineKey.of(line.variantId()).variantId(),
                    line.quantity(),
                    Varints.read(in),
                    Varints.read(in)));
        }
        return new OrderResult(orderId, lines);
    }

    private static RuleViolation violation(ByteBuffer in, Object command) {
        ErrorCode code = ErrorCode.values()[Math.toIntExact(Varints.read(in))];
        int flags = in.get();
        Long available = number(in, flags, WITH_AVAILABLE);
        Long restorable = number(in, flags, WITH_RESTORABLE);
        String detail = (flags & WITH_DETAIL) != 0 ? text(in) : null;
        int size = Math.toIntExact(Varints.read(in));
        List<LineViolation> lines = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            int index = Math.toIntExact(Varints.read(in));
            ErrorCode lineCode = ErrorCode.values()[Math.toIntExact(Varints.read(in))];
            int lineFlags = in.get();
            Long lineAvailable = number(in, lineFlags, WITH_AVAILABLE);
            Long lineRestorable = number(in, lineFlags, WITH_RESTORABLE);
            Long requested = number(in, lineFlags, WITH_REQUESTED);
            String productId = text(in);
            String variantId = LineKey.of(text(in)).variantId();
            lines.add(
                    new LineViolation(lineCode, index, productId, variantId, requested, lineAvailable, lineRestorable));
        }
        if (detail != null) {
            return new RuleViolation(code, detail, available, restorable, lines);
        }
        return worded(code, command, available, restorable, lines);
    }

    /** The violation as the aggregate words it, from the request and the stored numbers. */
    private static RuleViolation worded(
            ErrorCode code, Object command, Long available, Long restorable, List<LineViolation> lines) {
        if (code == ErrorCode.STOCK_ALREADY_INITIALIZED) {
            return StockRuleViolation.alreadyInitialized(lines).violation();
        }
        if (command instanceof DeductStockForOrderCommand order) {
            return orderViolation(code, order.orderId(), lines);
        }
        if (command instanceof RestoreStockForOrderCommand order) {
            return lines.isEmpty()
                    ? StockRuleViolation.orderNotSold(order.orderId()).violation()
                    : orderViolation(code, order.orderId(), lines);
        }
        Line line = Line.of(command);
        LineKey key = LineKey.of(line.variantId());
        StockRuleViolation violation = switch (code) {
            case PRODUCT_NOT_FOUND -> StockRuleViolation.productNotFound(line.productId());
            case VARIANT_NOT_FOUND -> StockRuleViolation.variantNotFound(line.productId(), key);
            case STOCK_MODE_CONFLICT -> StockRuleViolation.modeConflict();
            case INSUFFICIENT_STOCK ->
                StockRuleViolation.insufficientStock(key, Objects.requireNonNull(available), line.requested());
            case QUANTITY_OUT_OF_RANGE -> StockRuleViolation.aboveCeiling(key);
            case SALE_ALREADY_RECORDED -> StockRuleViolation.saleAlreadyRecorded(line.orderId());
            case SALE_NOT_FOUND -> StockRuleViolation.saleNotFound(line.orderId(), key);
            case RESTORE_EXCEEDS_SALE ->
                StockRuleViolation.restoreExceedsSale(
                        line.orderId(), Objects.requireNonNull(restorable), line.requested());
            default -> throw new IllegalStateException("No wording for a stored " + code);
        };
        return violation.violation();
    }

    private static RuleViolation orderViolation(ErrorCode code, String orderId, List<LineViolation> lines) {
        return lines.isEmpty()
                ? StockRuleViolation.saleAlreadyRecorded(orderId).violation()
                : StockRuleViolation.order(orderId, lines).violation();
    }

    /** What a single-line command says of its line. */
    private record Line(String productId, String variantId, String orderId, long requested) {
        static Line of(Object command) {
            if (command instanceof DeductStockForSaleCommand c) {
                return new Line(c.productId(), c.variantId(), c.orderId(), c.quantity());
            }
            if (command instanceof RestoreStockForSaleCommand c) {
                return new Line(c.productId(), c.variantId(), c.orderId(), c.quantity());
            }
            if (command instanceof RestockCommand c) {
                return new Line(c.productId(), c.variantId(), null, c.quantity());
            }
            if (command instanceof AdjustStockCommand c) {
                return new Line(c.productId(), c.variantId(), null, -c.delta());
            }
            if (command instanceof InitializeStockCommand c) {
                return new Line(c.productId(), null, null, 0);
            }
            throw new IllegalArgumentException("Not a single-line command: " + command);
        }
    }

    private static void number(ByteArrayOutputStream out, Long value) {
        if (value != null) {
            Varints.write(out, value);
        }
    }

    private static Long number(ByteBuffer in, int flags, int flag) {
        return (flags & flag) != 0 ? Varints.read(in) : null;
    }

    private static void text(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        Varints.write(out, bytes.length);
        out.writeBytes(bytes);
    }

    private static String text(ByteBuffer in) {
        byte[] bytes = new byte[Math.toIntExact(Varints.read(in))];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
