package com.acme.inventory.command.infrastructure;

import com.acme.inventory.api.LineKey;
import com.acme.inventory.command.inventory.RecordedSale;
import com.acme.inventory.command.inventory.SaleLedger;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The sale ledger in table {@code sale_ledger}, on the connection of the command's transaction. */
@Component
class JdbcSaleLedger implements SaleLedger {

    private final JdbcTemplate jdbc;

    JdbcSaleLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<RecordedSale> find(String productId, LineKey line, String orderId) {
        return jdbc
                .query(
                        """
                        SELECT quantity, restored, available_after, version FROM sale_ledger
                        WHERE product_id = ? AND line_key = ? AND order_id = ?""",
                        (rs, row) -> new RecordedSale(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)),
                        productId,
                        line.value(),
                        orderId)
                .stream()
                .findFirst();
    }

    @Override
    public boolean recordSaleIfNew(String productId, LineKey line, String orderId, RecordedSale sale) {
        return jdbc.update(
                        """
                        INSERT INTO sale_ledger (product_id, line_key, order_id, quantity, restored, available_after, version)
                        SELECT ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (
                            SELECT 1 FROM sale_ledger WHERE product_id = ? AND line_key = ? AND order_id = ?)""",
                        productId,
                        line.value(),
                        orderId,
                        sale.quantity(),
                        sale.restored(),
                        sale.availableAfter(),
                        sale.version(),
                        productId,
                        line.value(),
                        orderId)
                == 1;
    }

    @Override
    public void recordRestoration(String productId, LineKey line, String orderId, long quantity) {
        jdbc.update(
                "UPDATE sale_ledger SET restored = restored + ? WHERE product_id = ? AND line_key = ? AND order_id = ?",
                quantity,
                productId,
                line.value(),
                orderId);
    }
}
