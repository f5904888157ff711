package com.acme.inventory.query.stockcache;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.inventory.api.LineKey;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * What the in-memory stock view costs: the heap a view of 1,000,000 lines holds, as one line per product
 * and as ten variants per product (heap in use after a full collection, before and after), and what the
 * JSON it keeps adds once every product has been read. A measurement, not a check:
 * {@code ./mvnw -Pmeasurements -pl query-side verify}, figures in docs/operations.md.
 */
class StockViewMemoryMeasurementTest {

    private static final Logger log = LoggerFactory.getLogger(StockViewMemoryMeasurementTest.class);
    private static final int LINES = 1_000_000;
    private static final List<String> SIZES =
            List.of("xs", "s", "m", "l", "xl", "red-xs", "red-s", "red-m", "red-l", "red-xl");

    private static final ObjectMapper MAPPER = Jackson2ObjectMapperBuilder.json()
            .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    @Test
    void aMillionLines() {
        for (int linesPerProduct : new int[] {1, SIZES.size()}) {
            long empty = heapAfterCollection();
            StockView view = view(linesPerProduct);
            long loaded = heapAfterCollection();
            ProductJson json = ProductJson.keptIn(view, MAPPER);
            for (int product = 0; product < LINES / linesPerProduct; product++) {
                String productId = "catalogue-product-" + product;
                json.of(view.products(List.of(productId)).get(productId));
            }
            long read = heapAfterCollection();
            Reference.reachabilityFence(json);
            log.info(
                    "Stock view, {} line(s) a product: {} bytes a line; {} bytes a line more once every product"
                            + " was read ({} lines)",
                    linesPerProduct,
                    (loaded - empty) / LINES,
                    (read - loaded) / LINES,
                    LINES);
            assertThat(loaded).isGreaterThan(empty);
            assertThat(read).isGreaterThan(loaded);
        }
    }

    private static StockView view(int linesPerProduct) {
        StockView view = new StockView();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        long version = 0;
        for (int product = 0; product < LINES / linesPerProduct; product++) {
            String productId = "catalogue-product-" + product;
            for (int line = 0; line < linesPerProduct; line++) {
                LineKey key = linesPerProduct == 1 ? LineKey.PRODUCT_LEVEL : LineKey.of(SIZES.get(line));
                view.apply(productId, key, 1_000 + line, ++version, at.plusMillis(version));
            }
        }
        view.markLoaded();
        assertThat(view.productCount()).isEqualTo(LINES / linesPerProduct);
        return view;
    }

    private static long heapAfterCollection() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
