package com.acme.inventory.query.stockcache;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.inventory.api.LineKey;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the in-memory stock view costs: the heap a view of 1,000,000 lines holds, as one line per product
 * and as ten variants per product (heap in use after a full collection, before and after). A measurement,
 * not a check: {@code ./mvnw -Pmeasurements -pl query-side verify}, figures in docs/performance.md.
 */
class StockViewMemoryMeasurementTest {

    private static final Logger log = LoggerFactory.getLogger(StockViewMemoryMeasurementTest.class);
    private static final int LINES = 1_000_000;
    private static final List<String> SIZES =
            List.of("xs", "s", "m", "l", "xl", "red-xs", "red-s", "red-m", "red-l", "red-xl");

    @Test
    void aMillionLines() {
        long single = bytesPerLine(1);
        long variants = bytesPerLine(SIZES.size());
        log.info(
                "Stock view: {} bytes a line with one line a product, {} bytes a line with ten variants a product"
                        + " ({} lines each)",
                single,
                variants,
                LINES);
        assertThat(single).isPositive();
        assertThat(variants).isPositive();
    }

    private static long bytesPerLine(int linesPerProduct) {
        long before = heapAfterCollection();
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
        long after = heapAfterCollection();
        assertThat(view.productCount()).isEqualTo(LINES / linesPerProduct);
        return (after - before) / LINES;
    }

    private static long heapAfterCollection() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
