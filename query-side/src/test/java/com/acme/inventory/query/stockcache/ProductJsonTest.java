package com.acme.inventory.query.stockcache;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.inventory.api.LineKey;
import com.acme.inventory.api.ProductStock;
import com.acme.inventory.api.StockBatch;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/** A batch answer put together from kept bytes is exactly what Jackson writes for the {@link StockBatch}. */
class ProductJsonTest {

    private static final ObjectMapper MAPPER = Jackson2ObjectMapperBuilder.json()
            .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private final StockView view = new StockView();
    private final ProductJson json = ProductJson.keptIn(view, MAPPER);

    @Test
    void aBatchIsTheStockBatchJackson() throws Exception {
        view.apply("p-1", LineKey.of("red"), 5, 1, Instant.parse("2026-12-01T10:00:00Z"));
        view.apply("p-1", LineKey.of("blue"), 0, 2, Instant.parse("2026-12-01T10:00:01.5Z"));
        view.apply("p-2", LineKey.of(null), 7, 1, Instant.parse("2026-12-01T10:00:02Z"));

        assertSameAsJackson(List.of("p-2", "p-1"), List.of("gone", "also-gone"));
        assertSameAsJackson(List.of("p-1"), List.of());
        assertSameAsJackson(List.of(), List.of("gone"));
    }

    @Test
    void theSameProductReadTwiceIsWrittenOnceAndAnsweredAlike() {
        view.apply("p-1", LineKey.of("red"), 5, 1, Instant.parse("2026-12-01T10:00:00Z"));
        ProductStock stock = view.products(List.of("p-1")).get("p-1");

        assertThat(json.of(stock)).isSameAs(json.of(stock));
    }

    private void assertSameAsJackson(List<String> found, List<String> missing) throws Exception {
        List<ProductStock> products =
                found.stream().map(id -> view.products(List.of(id)).get(id)).toList();
        byte[] batch = json.batch(products.stream().map(json::of).toList(), missing);

        assertThat(batch)
                .asString(StandardCharsets.UTF_8)
                .isEqualTo(MAPPER.writeValueAsString(new StockBatch(products, missing)));
    }
}
