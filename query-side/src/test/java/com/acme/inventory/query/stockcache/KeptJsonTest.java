package com.acme.inventory.query.stockcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.acme.inventory.api.ProductStock;
import com.acme.inventory.api.StockInitializedEvent;
import com.acme.inventory.platform.testing.PostgresProperties;
import com.acme.inventory.query.QuerySideTest;
import com.acme.inventory.query.StoredEvents;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** With reads from memory, a product's answer is kept as JSON from its first read ({@code keep-json}, default). */
@QuerySideTest
class KeptJsonTest {

    private static final String WRITTEN_ANEW = "written anew";

    @Autowired
    MockMvc mvc;

    @Autowired
    EventStore eventStore;

    @Autowired
    StockView view;

    boolean keeps() {
        return true;
    }

    @Test
    void aReadProductsAnswerIsWhatTheViewKeeps() throws Exception {
        String product = "p-" + UUID.randomUUID();
        new StoredEvents(eventStore, product).append(new StockInitializedEvent(product, "red", 3, 3, "order-service"));
        String path = "/api/v1/stock/" + product;
        String body = await().atMost(Duration.ofSeconds(10))
                .until(() -> read(path), answer -> answer.contains("\"version\":1"));

        ProductStock stock = view.products(List.of(product)).get(product);

        assertThat(view.json(stock, unused -> WRITTEN_ANEW.getBytes(StandardCharsets.UTF_8)))
                .asString(StandardCharsets.UTF_8)
                .isEqualTo(keeps() ? body : WRITTEN_ANEW);
    }

    private String read(String path) throws Exception {
        return mvc.perform(get(path).header("Authorization", "Bearer " + PostgresProperties.CATALOGUE_TOKEN))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
