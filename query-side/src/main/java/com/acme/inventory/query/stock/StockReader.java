package com.acme.inventory.query.stock;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import com.acme.inventory.api.ProductStock;
import com.acme.inventory.api.ProductStock.LineStock;
import com.acme.inventory.api.ProductStock.StockMode;

/** Reads the stock-cache tables. A product without a row has had no events: it is missing, never zero. */
@Component
class StockReader {

    private final NamedParameterJdbcTemplate jdbc;

    StockReader(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ProductStock> product(String productId) {
        return Optional.ofNullable(products(List.of(productId)).get(productId));
    }

    /** The products found, keyed by id; two queries whatever the number of ids. */
    Map<String, ProductStock> products(Collection<String> productIds) {
        var ids = new MapSqlParameterSource("ids", productIds);
        Map<String, ProductRow> rows = new LinkedHashMap<>();
        jdbc.query("SELECT product_id, version, updated_at FROM stock_product WHERE product_id IN (:ids)", ids,
                rs -> {
                    rows.put(rs.getString(1), new ProductRow(rs.getLong(2), instant(rs, 3), new ArrayList<>()));
                });
        if (rows.isEmpty()) {
            return Map.of();
        }
        jdbc.query("""
                        SELECT product_id, line_key, variant_id, available, updated_at FROM stock_line
                        WHERE product_id IN (:ids) ORDER BY product_id, line_key""", ids,
                rs -> {
                    ProductRow product = rows.get(rs.getString(1));
                    if (product != null) {
                        product.lines().add(new LineStock(rs.getString(3), rs.getLong(4), instant(rs, 5)));
                    }
                });
        Map<String, ProductStock> result = new LinkedHashMap<>();
        rows.forEach((id, row) -> result.put(id, row.toStock(id)));
        return result;
    }

    /** Projected versions of the products that have one. */
    Map<String, Long> versions(Collection<String> productIds) {
        Map<String, Long> versions = new LinkedHashMap<>();
        jdbc.query("SELECT product_id, version FROM stock_product WHERE product_id IN (:ids)",
                new MapSqlParameterSource("ids", productIds), rs -> {
                    versions.put(rs.getString(1), rs.getLong(2));
                });
        return versions;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private record ProductRow(long version, Instant updatedAt, List<LineStock> lines) {

        ProductStock toStock(String productId) {
            boolean productLevel = lines.stream().anyMatch(line -> line.variantId() == null);
            long total = lines.stream().mapToLong(LineStock::available).sum();
            return new ProductStock(productId, productLevel ? StockMode.PRODUCT : StockMode.VARIANTS, total, version,
                    updatedAt, List.copyOf(lines));
        }
    }
}
