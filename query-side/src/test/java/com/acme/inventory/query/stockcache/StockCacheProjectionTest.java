package com.acme.inventory.query.stockcache;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.inventory.api.InventoryEvent;
import com.acme.inventory.api.ProductStock;
import com.acme.inventory.api.StockDeductedForSaleEvent;
import com.acme.inventory.api.StockInitializedEvent;
import com.acme.inventory.api.StockRestockedEvent;
import com.acme.inventory.query.QuerySideTest;
import com.acme.inventory.query.projection.GenericPlan;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The projection on its own: apply events, read; redeliver them, read the same rows. */
@QuerySideTest
class StockCacheProjectionTest {

    @Autowired
    StockCacheProjection projection;

    @Autowired
    StockReader reader;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    private final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");

    private void applyAll(List<InventoryEvent> events) {
        for (int i = 0; i < events.size(); i++) {
            projection.on(events.get(i), i, t0.plusSeconds(i));
        }
    }

    @Test
    void redeliveredEventsLeaveTheSameRows() {
        String product = "direct-" + UUID.randomUUID();
        List<InventoryEvent> events = List.of(
                new StockInitializedEvent(product, "a", 10, 10, "x"),
                new StockInitializedEvent(product, "b", 1, 1, "x"),
                new StockDeductedForSaleEvent(product, "a", "o-1", 4, 6, "x"),
                new StockRestockedEvent(product, "b", 2, 3, null, "x"));
        applyAll(events);
        ProductStock once = stored(product).orElseThrow();

        applyAll(events);
        applyAll(events.subList(0, 2));

        assertThat(stored(product)).contains(once);
        assertThat(once.version()).isEqualTo(4);
        assertThat(once.totalAvailable()).isEqualTo(9);
        assertThat(once.lines()).extracting(ProductStock.LineStock::available).containsExactly(6L, 3L);
    }

    @Test
    void anOlderEventNeverOverwritesANewerRow() {
        String product = "direct-" + UUID.randomUUID();
        projection.on(new StockInitializedEvent(product, "a", 10, 10, "x"), 0, t0);
        projection.on(new StockDeductedForSaleEvent(product, "a", "o-1", 4, 6, "x"), 1, t0.plusSeconds(1));
        projection.on(new StockInitializedEvent(product, "a", 10, 10, "x"), 0, t0);

        assertThat(stored(product).orElseThrow().lines().get(0).available()).isEqualTo(6);
    }

    @Test
    void aProductsVersionAndTimeAreThoseOfItsMostRecentlyChangedLine() {
        String product = "direct-" + UUID.randomUUID();
        applyAll(List.of(
                new StockInitializedEvent(product, "a", 10, 10, "x"),
                new StockInitializedEvent(product, "b", 1, 1, "x"),
                new StockDeductedForSaleEvent(product, "a", "o-1", 4, 6, "x")));

        ProductStock stock = stored(product).orElseThrow();
        assertThat(stock.version()).isEqualTo(3);
        assertThat(stock.updatedAt()).isEqualTo(t0.plusSeconds(2));
        assertThat(stock.lines()).extracting(ProductStock.LineStock::variantId).containsExactly("a", "b");
        assertThat(stock.lines())
                .extracting(ProductStock.LineStock::updatedAt)
                .containsExactly(t0.plusSeconds(2), t0.plusSeconds(1));

        projection.on(new StockRestockedEvent(product, "b", 2, 3, null, "x"), 3, t0.plusSeconds(3));
        assertThat(stored(product).orElseThrow().version()).isEqualTo(4);
        assertThat(stored(product).orElseThrow().updatedAt()).isEqualTo(t0.plusSeconds(3));
    }

    @Test
    void aProductWithoutEventsIsMissingFromABatchRead() {
        String product = "direct-" + UUID.randomUUID();
        projection.on(new StockInitializedEvent(product, null, 5, 5, "x"), 0, t0);

        Map<String, ProductStock> found = reader.products(List.of("direct-never-" + UUID.randomUUID(), product));
        assertThat(found).containsOnlyKeys(product);
        assertThat(found.get(product).mode()).isEqualTo(ProductStock.StockMode.PRODUCT);
        assertThat(found.get(product).totalAvailable()).isEqualTo(5);
    }

    private Optional<ProductStock> stored(String productId) {
        return Optional.ofNullable(reader.products(List.of(productId)).get(productId));
    }

    @Test
    void theCachedPlanProbesTheKeyForEachLineAndNeverScansTheTable() {
        String plan = GenericPlan.of(jdbc, transactions, StockCacheProjection.UPSERT_LINES);

        assertThat(plan).contains("Conflict Arbiter Indexes: stock_cache_pkey").doesNotContain("Join", "Seq Scan");
    }
}
