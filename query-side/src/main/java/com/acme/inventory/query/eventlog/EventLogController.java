package com.acme.inventory.query.eventlog;

import com.acme.inventory.api.ErrorCode;
import com.acme.inventory.api.HistoryEntry;
import com.acme.inventory.api.InventoryEventType;
import com.acme.inventory.api.ProductHistory;
import com.acme.inventory.platform.web.ApiException;
import com.acme.inventory.platform.web.ValidId;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A product's event history for operators, in version order, paged by version. */
@RestController
class EventLogController {

    private final JdbcTemplate jdbc;

    EventLogController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping(path = "/api/v1/inventory/{productId}/events", produces = MediaType.APPLICATION_JSON_VALUE)
    ProductHistory events(
            @PathVariable("productId") @ValidId String productId,
            @RequestParam(name = "fromVersion", defaultValue = "1") @Min(1) long fromVersion,
            @RequestParam(name = "limit", defaultValue = "100") @Min(1) @Max(1000) int limit) {
        List<HistoryEntry> page = jdbc.query(
                """
                        SELECT version, event_type, variant_id, quantity, delta, available_after, order_id, note,
                               occurred_at, actor
                        FROM event_log WHERE product_id = ? AND version >= ?
                        ORDER BY version FETCH FIRST ? ROWS ONLY""",
                (rs, row) -> new HistoryEntry(
                        rs.getLong(1),
                        InventoryEventType.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getObject(9, OffsetDateTime.class).toInstant(),
                        rs.getString(10)),
                productId,
                fromVersion,
                limit + 1);
        if (page.isEmpty() && fromVersion == 1) {
            throw new ApiException(ErrorCode.PRODUCT_NOT_FOUND, "Product '" + productId + "' has no events.");
        }
        Long next = page.size() > limit ? page.get(limit).version() : null;
        return new ProductHistory(productId, page.subList(0, Math.min(limit, page.size())), next);
    }
}
