package com.acme.inventory.command.infrastructure;

import com.acme.inventory.api.DeductStockForOrderCommand;
import com.acme.inventory.command.inventory.OrderSales;
import com.acme.inventory.command.inventory.RecordedOrder;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import org.axonframework.commandhandling.CommandMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whole-order sales in table {@code order_sale}: an order's fingerprint and each line's outcome as two
 * numbers. Staged in a write batch like the ledger and written in order id order.
 */
@Component
class JdbcOrderSales implements OrderSales, BatchPreparer {

    private final JdbcTemplate jdbc;
    private final StagedTable<String, RecordedOrder> orders =
            new StagedTable<>(WriteBatch.ORDER_SALES, this::read, this::insert);

    JdbcOrderSales(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<RecordedOrder> find(String orderId) {
        return orders.find(orderId);
    }

    @Override
    public void record(String orderId, RecordedOrder order) {
        orders.insert(orderId, order);
    }

    @Override
    public void prepare(List<CommandMessage<?>> commands, int attempt) {
        orders.prepare(
                commands.stream()
                        .map(CommandMessage::getPayload)
                        .filter(DeductStockForOrderCommand.class::isInstance)
                        .map(command -> ((DeductStockForOrderCommand) command).orderId())
                        .toList(),
                attempt);
    }

    private Map<String, Optional<RecordedOrder>> read(List<String> orderIds) {
        Map<String, Optional<RecordedOrder>> found = new HashMap<>();
        orderIds.forEach(id -> found.put(id, Optional.empty()));
        jdbc.query(
                "SELECT order_id, fingerprint, outcomes FROM order_sale WHERE order_id = ANY (CAST(? AS VARCHAR(64) ARRAY))",
                rs -> {
                    found.put(rs.getString(1), Optional.of(new RecordedOrder(rs.getLong(2), decode(rs.getBytes(3)))));
                },
                (Object) orderIds.toArray(String[]::new));
        return found;
    }

    private void insert(SortedMap<String, RecordedOrder> orders) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.batchUpdate(
                "INSERT INTO order_sale (order_id, fingerprint, outcomes, created_at) VALUES (?, ?, ?, ?)",
                orders.entrySet().stream()
                        .map(order -> new Object[] {
                            order.getKey(), order.getValue().fingerprint(), encode(order.getValue()), now
                        })
                        .toList());
    }

    private static byte[] encode(RecordedOrder order) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (RecordedOrder.Outcome outcome : order.outcomes()) {
            Varints.write(out, outcome.available());
            Varints.write(out, outcome.version());
        }
        return out.toByteArray();
    }

    private static List<RecordedOrder.Outcome> decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        List<RecordedOrder.Outcome> outcomes = new ArrayList<>();
        while (in.hasRemaining()) {
            outcomes.add(new RecordedOrder.Outcome(Varints.read(in), Varints.read(in)));
        }
        return outcomes;
    }
}
