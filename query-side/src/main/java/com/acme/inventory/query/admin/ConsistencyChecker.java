package com.acme.inventory.query.admin;

import com.acme.inventory.api.InventoryEvent;
import com.acme.inventory.api.LineKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Folds the event store (every event's signed delta per line) and compares the result with the
 * stock-cache rows. Reads the whole store when no product is named: an operator's tool, not a hot path.
 */
@Component
class ConsistencyChecker {

    private final EventStorageEngine storage;
    private final JdbcTemplate jdbc;

    ConsistencyChecker(EventStorageEngine storage, JdbcTemplate jdbc) {
        this.storage = storage;
        this.jdbc = jdbc;
    }

    ConsistencyReport check(String productId) {
        Map<String, Map<String, Long>> fromEvents = new HashMap<>();
        try (Stream<? extends EventMessage<?>> events = productId == null
                ? storage.readEvents(null, false)
                : storage.readEvents(productId).asStream()) {
            events.map(EventMessage::getPayload)
                    .filter(InventoryEvent.class::isInstance)
                    .map(InventoryEvent.class::cast)
                    .forEach(event -> fromEvents
                            .computeIfAbsent(event.productId(), p -> new HashMap<>())
                            .merge(LineKey.of(event.variantId()).value(), event.delta(), Long::sum));
        }
        Map<String, Map<String, Long>> projected = new HashMap<>();
        String sql = "SELECT product_id, line_key, available FROM stock_cache"
                + (productId == null ? "" : " WHERE product_id = ?");
        Object[] args = productId == null ? new Object[0] : new Object[] {productId};
        jdbc.query(
                sql,
                rs -> {
                    projected
                            .computeIfAbsent(rs.getString(1), p -> new HashMap<>())
                            .put(rs.getString(2), rs.getLong(3));
                },
                args);

        TreeSet<String> products = new TreeSet<>(fromEvents.keySet());
        products.addAll(projected.keySet());
        List<ConsistencyReport.Mismatch> mismatches = new ArrayList<>();
        for (String product : products) {
            Map<String, Long> folded = fromEvents.getOrDefault(product, Map.of());
            Map<String, Long> rows = projected.getOrDefault(product, Map.of());
            TreeSet<String> lines = new TreeSet<>(folded.keySet());
            lines.addAll(rows.keySet());
            for (String line : lines) {
                if (!Objects.equals(folded.get(line), rows.get(line))) {
                    mismatches.add(new ConsistencyReport.Mismatch(
                            product, line.isEmpty() ? null : line, rows.get(line), folded.get(line)));
                }
            }
        }
        return new ConsistencyReport(products.size(), mismatches);
    }
}
