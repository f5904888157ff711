package com.acme.inventory.query.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.acme.inventory.api.StockAdjustedEvent;
import com.acme.inventory.api.StockDeductedForSaleEvent;
import com.acme.inventory.api.StockInitializedEvent;
import com.acme.inventory.api.StockRestockedEvent;
import com.acme.inventory.api.StockRestoredForSaleEvent;
import com.acme.inventory.platform.testing.PostgresProperties;
import com.acme.inventory.query.QuerySideTest;
import com.acme.inventory.query.StoredEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@QuerySideTest
class EventLogApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    EventStore eventStore;

    private MockHttpServletRequestBuilder operator(String path) {
        return get(path).header("Authorization", "Bearer " + PostgresProperties.OPERATOR_TOKEN);
    }

    private String productWithFiveEvents() {
        String product = "h-" + UUID.randomUUID();
        new StoredEvents(eventStore, product)
                .append(
                        new StockInitializedEvent(product, "red-m", 10, 10, "order-service"),
                        new StockDeductedForSaleEvent(product, "red-m", "o-1", 3, 7, "order-service"),
                        new StockRestoredForSaleEvent(product, "red-m", "o-1", 1, 8, "cancelled", "order-service"),
                        new StockRestockedEvent(product, "red-m", 4, 12, "PO-77", "order-service"),
                        new StockAdjustedEvent(product, "red-m", -2, 10, "cycle count", "operator"));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> mvc.perform(operator("/api/v1/inventory/" + product + "/events"))
                        .andExpect(jsonPath("$.events.length()").value(5)));
        return product;
    }

    @Test
    void theHistoryListsEveryEventInVersionOrderWithItsFacts() throws Exception {
        String product = productWithFiveEvents();
        mvc.perform(operator("/api/v1/inventory/" + product + "/events"))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.productId").value(product))
                .andExpect(jsonPath("$.events[0].version").value(1))
                .andExpect(jsonPath("$.events[0].type").value("INITIAL_STOCK"))
                .andExpect(jsonPath("$.events[1].type").value("SALE_DEDUCT"))
                .andExpect(jsonPath("$.events[1].delta").value(-3))
                .andExpect(jsonPath("$.events[1].quantity").value(3))
                .andExpect(jsonPath("$.events[1].availableAfter").value(7))
                .andExpect(jsonPath("$.events[1].orderId").value("o-1"))
                .andExpect(jsonPath("$.events[2].note").value("cancelled"))
                .andExpect(jsonPath("$.events[3].note").value("PO-77"))
                .andExpect(jsonPath("$.events[4].type").value("ADJUSTMENT"))
                .andExpect(jsonPath("$.events[4].delta").value(-2))
                .andExpect(jsonPath("$.events[4].quantity").value(2))
                .andExpect(jsonPath("$.events[4].actor").value("operator"))
                .andExpect(jsonPath("$.events[4].occurredAt").isNotEmpty())
                .andExpect(jsonPath("$.nextFromVersion").isEmpty());
    }

    @Test
    void anEventIsDatedWhenItWasStored() throws Exception {
        String product = "t-" + UUID.randomUUID();
        Instant stored = Instant.parse("2026-03-04T05:06:07.891Z");
        eventStore.publish(new GenericDomainEventMessage<>(
                "ProductInventory",
                product,
                0,
                new StockInitializedEvent(product, "red-m", 10, 10, "order-service"),
                MetaData.emptyInstance(),
                UUID.randomUUID().toString(),
                stored));

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> mvc.perform(operator("/api/v1/inventory/" + product + "/events"))
                        .andExpect(jsonPath("$.events[0].occurredAt").value("2026-03-04T05:06:07.891Z")));
        assertThat(eventStore.readEvents(product).asStream().map(DomainEventMessage::getTimestamp))
                .containsExactly(stored);
    }

    @Test
    void theHistoryIsPagedByVersion() throws Exception {
        String product = productWithFiveEvents();
        mvc.perform(operator("/api/v1/inventory/" + product + "/events?limit=2"))
                .andExpect(jsonPath("$.events.length()").value(2))
                .andExpect(jsonPath("$.events[1].version").value(2))
                .andExpect(jsonPath("$.nextFromVersion").value(3));
        mvc.perform(operator("/api/v1/inventory/" + product + "/events?fromVersion=3&limit=2"))
                .andExpect(jsonPath("$.events[0].version").value(3))
                .andExpect(jsonPath("$.nextFromVersion").value(5));
        mvc.perform(operator("/api/v1/inventory/" + product + "/events?fromVersion=5&limit=2"))
                .andExpect(jsonPath("$.events.length()").value(1))
                .andExpect(jsonPath("$.nextFromVersion").isEmpty());
    }

    @Test
    void badPagingAndUnknownProductsAreProblems() throws Exception {
        String product = productWithFiveEvents();
        mvc.perform(operator("/api/v1/inventory/" + product + "/events?limit=1001"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
        mvc.perform(operator("/api/v1/inventory/" + product + "/events?fromVersion=0"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
        mvc.perform(operator("/api/v1/inventory/none-" + UUID.randomUUID() + "/events"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("PRODUCT_NOT_FOUND"));
    }
}
