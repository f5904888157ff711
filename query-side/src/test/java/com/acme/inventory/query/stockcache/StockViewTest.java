package com.acme.inventory.query.stockcache;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.inventory.api.LineKey;
import com.acme.inventory.api.ProductStock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class StockViewTest {

    private final StockView view = new StockView();
    private final AtomicInteger renders = new AtomicInteger();
    private final Function<ProductStock, byte[]> render = stock -> {
        renders.incrementAndGet();
        return ("{\"version\":" + stock.version() + "}").getBytes(StandardCharsets.UTF_8);
    };

    private ProductStock product(String productId) {
        return view.products(List.of(productId)).get(productId);
    }

    @Test
    void aProductsJsonIsRenderedOnceWhileItIsUnchanged() {
        view.apply("p", LineKey.of("red"), 5, 1, Instant.now());
        ProductStock stock = product("p");

        assertThat(view.json(stock, render)).asString(StandardCharsets.UTF_8).isEqualTo("{\"version\":1}");
        assertThat(view.json(product("p"), render))
                .asString(StandardCharsets.UTF_8)
                .isEqualTo("{\"version\":1}");
        assertThat(renders).hasValue(1);
    }

    @Test
    void aChangeReplacesTheKeptJson() {
        view.apply("p", LineKey.of("red"), 5, 1, Instant.now());
        ProductStock before = product("p");
        view.json(before, render);

        view.apply("p", LineKey.of("blue"), 3, 2, Instant.now());

        assertThat(view.json(product("p"), render))
                .asString(StandardCharsets.UTF_8)
                .isEqualTo("{\"version\":2}");
        assertThat(renders).hasValue(2);
    }

    @Test
    void anOlderEventKeepsTheProductAndItsJson() {
        view.apply("p", LineKey.of("red"), 5, 2, Instant.now());
        view.json(product("p"), render);

        view.apply("p", LineKey.of("red"), 9, 1, Instant.now());

        assertThat(view.json(product("p"), render))
                .asString(StandardCharsets.UTF_8)
                .isEqualTo("{\"version\":2}");
        assertThat(renders).hasValue(1);
    }

    @Test
    void aStockTheViewNoLongerHoldsIsRenderedAsItIsAndNotKept() {
        view.apply("p", LineKey.of("red"), 5, 1, Instant.now());
        ProductStock before = product("p");
        view.apply("p", LineKey.of("red"), 4, 2, Instant.now());

        assertThat(view.json(before, render)).asString(StandardCharsets.UTF_8).isEqualTo("{\"version\":1}");
        assertThat(view.json(product("p"), render))
                .asString(StandardCharsets.UTF_8)
                .isEqualTo("{\"version\":2}");
        assertThat(view.json(product("p"), render))
                .asString(StandardCharsets.UTF_8)
                .isEqualTo("{\"version\":2}");
        assertThat(renders).hasValue(2);
    }
}
