package com.acme.inventory.command.measurement;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.acme.inventory.command.CommandSideTest;
import com.acme.inventory.platform.testing.EventSeeder;
import com.acme.inventory.platform.testing.PostgresProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Flat cost: measures (and prints; it asserts correctness, not time) the latency of a sale on a
 * product with 100,000 prior events against a new product, through the whole command side on
 * PostgreSQL. Two paths: the usual one (product in the aggregate cache, checked against the store's
 * head) and a cache miss (latest snapshot plus the events after it).
 */
@CommandSideTest
class SaleLatencyMeasurementTest {

    private static final Logger log = LoggerFactory.getLogger(SaleLatencyMeasurementTest.class);
    private static final int PRIOR_EVENTS = 100_000;
    private static final int SAMPLES = 300;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Cache productInventoryCache;

    private long sale(String product, String order, boolean evictFirst) throws Exception {
        if (evictFirst) {
            productInventoryCache.remove(product);
        }
        long start = System.nanoTime();
        mvc.perform(post("/api/v1/inventory/" + product + "/sales")
                        .header("Authorization", "Bearer " + PostgresProperties.ORDER_SERVICE_TOKEN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"orderId\":\"" + order + "\",\"variantId\":\"v\",\"quantity\":1}"))
                .andExpect(status().isOk());
        return System.nanoTime() - start;
    }

    private static double percentileMillis(long[] nanos, double percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(percentile * sorted.length) - 1)] / 1e6;
    }

    @Test
    void aSaleOnAProductWithAHundredThousandEventsCostsAboutWhatItCostsOnANewProduct() throws Exception {
        String prefix = "deep-" + System.nanoTime() + "-";
        String deep = prefix + 0;
        String fresh = "fresh-" + System.nanoTime();
        EventSeeder.seed(jdbc, prefix, 1, PRIOR_EVENTS);
        mvc.perform(post("/api/v1/inventory/" + fresh + "/initial-stock")
                        .header("Authorization", "Bearer " + PostgresProperties.ORDER_SERVICE_TOKEN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lines\":[{\"variantId\":\"v\",\"quantity\":1000000}]}"))
                .andExpect(status().isCreated());

        double firstLoadMillis = sale(deep, "first", true) / 1e6;
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.queryForObject(
                                "SELECT COUNT(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?",
                                Long.class,
                                deep)
                        > 0);

        List<String> rows = new ArrayList<>();
        for (boolean evict : new boolean[] {false, true}) {
            long[] deepNanos = new long[SAMPLES];
            long[] freshNanos = new long[SAMPLES];
            for (int i = 0; i < SAMPLES; i++) {
                deepNanos[i] = sale(deep, (evict ? "miss-" : "hit-") + i, evict);
                freshNanos[i] = sale(fresh, (evict ? "miss-" : "hit-") + i, evict);
            }
            String path = evict ? "cache miss (snapshot + tail)" : "cached";
            rows.add(String.format(
                    "%-30s new p50 %6.2f ms p99 %6.2f ms | 100k events p50 %6.2f ms p99 %6.2f ms | p50 ratio %.2f",
                    path,
                    percentileMillis(freshNanos, 0.5),
                    percentileMillis(freshNanos, 0.99),
                    percentileMillis(deepNanos, 0.5),
                    percentileMillis(deepNanos, 0.99),
                    percentileMillis(deepNanos, 0.5) / percentileMillis(freshNanos, 0.5)));
        }
        log.info(
                "Sale latency, {} samples per cell (first sale on the 100k product without a snapshot: {} ms):\n{}",
                SAMPLES,
                String.format("%.0f", firstLoadMillis),
                String.join("\n", rows));

        mvc.perform(post("/api/v1/inventory/" + deep + "/sales")
                        .header("Authorization", "Bearer " + PostgresProperties.ORDER_SERVICE_TOKEN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"orderId\":\"last\",\"variantId\":\"v\",\"quantity\":1}"))
                .andExpect(jsonPath("$.version").value(PRIOR_EVENTS + 2 * SAMPLES + 2))
                .andExpect(jsonPath("$.available").value(EventSeeder.availableAfter(PRIOR_EVENTS) - 2 * SAMPLES - 2));
    }
}
