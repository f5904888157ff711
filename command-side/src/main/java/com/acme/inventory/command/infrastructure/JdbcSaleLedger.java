package com.acme.inventory.command.infrastructure;

import com.acme.inventory.api.DeductStockForOrderCommand;
import com.acme.inventory.api.DeductStockForSaleCommand;
import com.acme.inventory.api.LineKey;
import com.acme.inventory.api.OrderLine;
import com.acme.inventory.api.RestoreStockForOrderCommand;
import com.acme.inventory.api.RestoreStockForSaleCommand;
import com.acme.inventory.command.inventory.RecordedSale;
import com.acme.inventory.command.inventory.SaleLedger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.axonframework.commandhandling.CommandMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The sale ledger in table {@code sale_ledger}, on the connection of the command's transaction. In a
 * write batch each row is read once (the batch's rows in one query up front), and the batch's new rows
 * and restorations are written together, in key order, before its events.
 */
@Component
class JdbcSaleLedger implements SaleLedger, BatchPreparer {

    private static final String COLUMNS =
            "product_id, line_key, order_id, quantity, restored, available_after, version";
    private static final Comparator<Key> KEY_ORDER =
            Comparator.comparing(Key::productId).thenComparing(Key::lineKey).thenComparing(Key::orderId);

    private final JdbcTemplate jdbc;

    JdbcSaleLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Key(String productId, String lineKey, String orderId) {
        static Key of(String productId, LineKey line, String orderId) {
            return new Key(productId, line.value(), orderId);
        }
    }

    @Override
    public Optional<RecordedSale> find(String productId, LineKey line, String orderId) {
        Key key = Key.of(productId, line, orderId);
        return WriteBatch.current()
                .map(batch -> stage(batch).find(key))
                .orElseGet(() -> read(List.of(key)).getOrDefault(key, Optional.empty()));
    }

    @Override
    public boolean recordSaleIfNew(String productId, LineKey line, String orderId, RecordedSale sale) {
        Key key = Key.of(productId, line, orderId);
        Optional<WriteBatch> batch = WriteBatch.current();
        if (batch.isEmpty()) {
            return insertIfNew(key, sale);
        }
        Stage stage = stage(batch.get());
        if (stage.find(key).isPresent()) {
            return false;
        }
        stage.inserts.put(key, sale);
        return true;
    }

    @Override
    public void recordRestoration(String productId, LineKey line, String orderId, long quantity) {
        Key key = Key.of(productId, line, orderId);
        WriteBatch.current()
                .ifPresentOrElse(
                        batch -> stage(batch).restorations.merge(key, quantity, Long::sum),
                        () -> restore(Map.of(key, quantity)));
    }

    @Override
    public List<OrderLineSale> salesOf(String orderId) {
        List<OrderLineSale> sales = new ArrayList<>(jdbc.query(
                "SELECT " + COLUMNS + " FROM sale_ledger WHERE order_id = ? ORDER BY sold_at, line_position,"
                        + " product_id, line_key",
                (rs, row) -> new OrderLineSale(rs.getString(1), LineKey.of(variant(rs.getString(2))), sale(rs)),
                orderId));
        Optional<Stage> stage = WriteBatch.current().map(this::stage);
        if (stage.isEmpty()) {
            return sales;
        }
        stage.get().inserts.forEach((key, sale) -> {
            if (key.orderId().equals(orderId)) {
                sales.add(new OrderLineSale(key.productId(), LineKey.of(variant(key.lineKey())), sale));
            }
        });
        return sales.stream()
                .map(sale -> new OrderLineSale(
                        sale.productId(),
                        sale.line(),
                        stage.get().withRestorations(Key.of(sale.productId(), sale.line(), orderId), sale.sale())))
                .toList();
    }

    /**
     * The ledger rows every sale and restoration of the batch will look at, in one query. On a first
     * attempt a sale's row is taken to be new (see {@link BatchPreparer}); a restoration's is always read.
     */
    @Override
    public void prepare(List<CommandMessage<?>> commands, int attempt) {
        WriteBatch.current().ifPresent(batch -> {
            Stage stage = stage(batch);
            List<Key> wanted = new ArrayList<>();
            for (CommandMessage<?> command : commands) {
                boolean assumeNew = attempt == 1 && isSale(command.getPayload());
                for (Key key : keysOf(command.getPayload())) {
                    if (assumeNew) {
                        stage.known.putIfAbsent(key, Optional.empty());
                    } else if (!stage.known.containsKey(key)) {
                        wanted.add(key);
                    }
                }
            }
            if (!wanted.isEmpty()) {
                stage.known.putAll(read(wanted));
            }
        });
    }

    private static boolean isSale(Object command) {
        return command instanceof DeductStockForSaleCommand || command instanceof DeductStockForOrderCommand;
    }

    private static List<Key> keysOf(Object command) {
        if (command instanceof DeductStockForSaleCommand sale) {
            return List.of(Key.of(sale.productId(), LineKey.of(sale.variantId()), sale.orderId()));
        }
        if (command instanceof RestoreStockForSaleCommand restoration) {
            return List.of(Key.of(restoration.productId(), LineKey.of(restoration.variantId()), restoration.orderId()));
        }
        if (command instanceof DeductStockForOrderCommand order) {
            return keysOf(order.orderId(), order.lines());
        }
        if (command instanceof RestoreStockForOrderCommand order && order.lines() != null) {
            return keysOf(order.orderId(), order.lines());
        }
        return List.of();
    }

    private static List<Key> keysOf(String orderId, List<OrderLine> lines) {
        return lines.stream()
                .map(line -> Key.of(line.productId(), LineKey.of(line.variantId()), orderId))
                .toList();
    }

    private Stage stage(WriteBatch batch) {
        return batch.stage(this, Stage::new);
    }

    /** Rows of the given keys; a key with no row maps to empty. */
    private Map<Key, Optional<RecordedSale>> read(Collection<Key> keys) {
        Map<Key, Optional<RecordedSale>> found = new HashMap<>();
        keys.forEach(key -> found.put(key, Optional.empty()));
        jdbc.query(
                "SELECT l." + COLUMNS.replace(", ", ", l.") + " FROM sale_ledger l JOIN (SELECT * FROM UNNEST("
                        + "CAST(? AS VARCHAR(64) ARRAY), CAST(? AS VARCHAR(64) ARRAY), CAST(? AS VARCHAR(64) ARRAY))"
                        + " AS k(product_id, line_key, order_id)) k ON l.product_id = k.product_id"
                        + " AND l.line_key = k.line_key AND l.order_id = k.order_id",
                (ResultSet rs) -> {
                    found.put(new Key(rs.getString(1), rs.getString(2), rs.getString(3)), Optional.of(sale(rs)));
                },
                keys.stream().map(Key::productId).toArray(String[]::new),
                keys.stream().map(Key::lineKey).toArray(String[]::new),
                keys.stream().map(Key::orderId).toArray(String[]::new));
        return found;
    }

    private boolean insertIfNew(Key key, RecordedSale sale) {
        return jdbc.update(
                        """
                        INSERT INTO sale_ledger (product_id, line_key, order_id, quantity, restored, available_after, version)
                        SELECT ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (
                            SELECT 1 FROM sale_ledger WHERE product_id = ? AND line_key = ? AND order_id = ?)""",
                        key.productId(),
                        key.lineKey(),
                        key.orderId(),
                        sale.quantity(),
                        sale.restored(),
                        sale.availableAfter(),
                        sale.version(),
                        key.productId(),
                        key.lineKey(),
                        key.orderId())
                == 1;
    }

    private void restore(Map<Key, Long> restorations) {
        List<Object[]> rows = restorations.entrySet().stream()
                .map(entry -> new Object[] {
                    entry.getValue(),
                    entry.getKey().productId(),
                    entry.getKey().lineKey(),
                    entry.getKey().orderId()
                })
                .toList();
        jdbc.batchUpdate(
                "UPDATE sale_ledger SET restored = restored + ? WHERE product_id = ? AND line_key = ? AND order_id = ?",
                rows);
    }

    private static RecordedSale sale(ResultSet rs) throws SQLException {
        return new RecordedSale(rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7));
    }

    private static String variant(String lineKey) {
        return lineKey.isEmpty() ? null : lineKey;
    }

    /** The batch's ledger: rows read, new rows in the order they were sold, restorations. */
    private final class Stage implements WriteBatch.Stage {
        final Map<Key, Optional<RecordedSale>> known = new HashMap<>();
        final Map<Key, RecordedSale> inserts = new LinkedHashMap<>();
        final Map<Key, Long> restorations = new TreeMap<>(KEY_ORDER);

        Optional<RecordedSale> find(Key key) {
            RecordedSale staged = inserts.get(key);
            Optional<RecordedSale> row = staged != null
                    ? Optional.of(staged)
                    : known.computeIfAbsent(key, k -> read(List.of(k)).get(k));
            return row.map(sale -> withRestorations(key, sale));
        }

        RecordedSale withRestorations(Key key, RecordedSale sale) {
            long restored = restorations.getOrDefault(key, 0L);
            return restored == 0
                    ? sale
                    : new RecordedSale(
                            sale.quantity(), sale.restored() + restored, sale.availableAfter(), sale.version());
        }

        @Override
        public int flushOrder() {
            return WriteBatch.SALE_LEDGER;
        }

        @Override
        public void flush() {
            if (!inserts.isEmpty()) {
                insert();
            }
            if (!restorations.isEmpty()) {
                restore(restorations);
            }
        }

        /** New rows in key order; a row another writer inserted meanwhile fails the batch (retried). */
        private void insert() {
            List<Map.Entry<Key, RecordedSale>> rows = new ArrayList<>(inserts.entrySet());
            Map<Key, Integer> positions = new HashMap<>();
            rows.forEach(row -> positions.put(row.getKey(), positions.size()));
            rows.sort(Map.Entry.comparingByKey(KEY_ORDER));
            jdbc.update(
                    """
                    INSERT INTO sale_ledger (product_id, line_key, order_id, quantity, restored, available_after, version,
                                             sold_at, line_position)
                    SELECT product_id, line_key, order_id, quantity, restored, available_after, version,
                           CURRENT_TIMESTAMP, line_position
                    FROM UNNEST(CAST(? AS VARCHAR(64) ARRAY), CAST(? AS VARCHAR(64) ARRAY), CAST(? AS VARCHAR(64) ARRAY),
                                CAST(? AS BIGINT ARRAY), CAST(? AS BIGINT ARRAY), CAST(? AS BIGINT ARRAY),
                                CAST(? AS BIGINT ARRAY), CAST(? AS INTEGER ARRAY))
                         AS s(product_id, line_key, order_id, quantity, restored, available_after, version, line_position)""",
                    rows.stream().map(row -> row.getKey().productId()).toArray(String[]::new),
                    rows.stream().map(row -> row.getKey().lineKey()).toArray(String[]::new),
                    rows.stream().map(row -> row.getKey().orderId()).toArray(String[]::new),
                    rows.stream().map(row -> row.getValue().quantity()).toArray(Long[]::new),
                    rows.stream().map(row -> row.getValue().restored()).toArray(Long[]::new),
                    rows.stream().map(row -> row.getValue().availableAfter()).toArray(Long[]::new),
                    rows.stream().map(row -> row.getValue().version()).toArray(Long[]::new),
                    rows.stream().map(row -> positions.get(row.getKey())).toArray(Integer[]::new));
        }
    }
}
