package com.acme.inventory.query.stockcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@QuerySideTest
class StockApiTest {

    private static final String CATALOGUE = "Bearer " + PostgresProperties.CATALOGUE_TOKEN;
    private static final String OPERATOR = "Bearer " + PostgresProperties.OPERATOR_TOKEN;

    @Autowired
    MockMvc mvc;

    @Autowired
    EventStore eventStore;

    private MockHttpServletRequestBuilder read(String path) {
        return get(path).header("Authorization", CATALOGUE);
    }

    /** A product with two variants and one of every other event, projected. */
    private String projectedProduct() throws Exception {
        String product = "p-" + UUID.randomUUID();
        StoredEvents events = new StoredEvents(eventStore, product)
                .append(
                        new StockInitializedEvent(product, "red-m", 10, 10, "order-service"),
                        new StockInitializedEvent(product, "blue-l", 5, 5, "order-service"),
                        new StockDeductedForSaleEvent(product, "red-m", "o-1", 3, 7, "order-service"),
                        new StockRestoredForSaleEvent(product, "red-m", "o-1", 1, 8, "cancelled", "order-service"),
                        new StockRestockedEvent(product, "blue-l", 4, 9, "PO-77", "order-service"),
                        new StockAdjustedEvent(product, "red-m", -2, 6, "cycle count", "operator"));
        awaitVersion(product, events.version());
        return product;
    }

    private void awaitVersion(String product, long version) {
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> mvc.perform(read("/api/v1/stock/" + product))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.version").value(version)));
    }

    private static void problem(ResultActions result, int status, String code) throws Exception {
        result.andExpect(status().is(status))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value(code));
    }

    @Test
    void aProductShowsEveryLineItsTotalAndItsVersion() throws Exception {
        String product = projectedProduct();
        mvc.perform(read("/api/v1/stock/" + product))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(header().exists("Inventory-Projection-Lag-Ms"))
                .andExpect(header().doesNotExist("Inventory-Stale"))
                .andExpect(jsonPath("$.productId").value(product))
                .andExpect(jsonPath("$.mode").value("VARIANTS"))
                .andExpect(jsonPath("$.totalAvailable").value(15))
                .andExpect(jsonPath("$.version").value(6))
                .andExpect(jsonPath("$.updatedAt").isNotEmpty())
                .andExpect(jsonPath("$.lines.length()").value(2))
                .andExpect(
                        jsonPath("$.lines[?(@.variantId == 'red-m')].available").value(6))
                .andExpect(jsonPath("$.lines[?(@.variantId == 'blue-l')].available")
                        .value(9));
    }

    @Test
    void aVariantReadShowsTheLineAndTheProductVersion() throws Exception {
        String product = projectedProduct();
        mvc.perform(read("/api/v1/stock/" + product + "/variants/blue-l"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.variantId").value("blue-l"))
                .andExpect(jsonPath("$.available").value(9))
                .andExpect(jsonPath("$.version").value(6));
        problem(mvc.perform(read("/api/v1/stock/" + product + "/variants/green-s")), 404, "VARIANT_NOT_FOUND");
        problem(
                mvc.perform(read("/api/v1/stock/nothing-" + UUID.randomUUID() + "/variants/green-s")),
                404,
                "PRODUCT_NOT_FOUND");
    }

    @Test
    void productLevelStockIsModeProduct() throws Exception {
        String product = "p-" + UUID.randomUUID();
        new StoredEvents(eventStore, product).append(new StockInitializedEvent(product, null, 4, 4, "order-service"));
        awaitVersion(product, 1);
        mvc.perform(read("/api/v1/stock/" + product))
                .andExpect(jsonPath("$.mode").value("PRODUCT"))
                .andExpect(jsonPath("$.lines[0].variantId").isEmpty())
                .andExpect(jsonPath("$.totalAvailable").value(4));
        mvc.perform(read("/api/v1/stock/" + product + "/availability?quantity=4"))
                .andExpect(jsonPath("$.sufficient").value(true))
                .andExpect(jsonPath("$.available").value(4));
    }

    @Test
    void aProductWithNoEventsIsMissingNeverZeroStock() throws Exception {
        problem(mvc.perform(read("/api/v1/stock/never-" + UUID.randomUUID())), 404, "PRODUCT_NOT_FOUND");
    }

    @Test
    void aBatchAnswersInRequestOrderAndListsWhatIsMissing() throws Exception {
        String first = projectedProduct();
        String second = projectedProduct();
        String unknown = "never-" + UUID.randomUUID();
        mvc.perform(read("/api/v1/stock?productIds=" + second + "," + unknown + "," + first))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].productId").value(second))
                .andExpect(jsonPath("$.items[1].productId").value(first))
                .andExpect(jsonPath("$.items[1].totalAvailable").value(15))
                .andExpect(jsonPath("$.missing[0]").value(unknown));
    }

    @Test
    void aProductThatChangedIsNeverAnsweredWithTheJsonKeptBefore() throws Exception {
        String product = projectedProduct();
        String batch = "/api/v1/stock?productIds=" + product;
        for (int i = 0; i < 2; i++) {
            mvc.perform(read(batch))
                    .andExpect(jsonPath("$.items[0].totalAvailable").value(15));
            mvc.perform(read("/api/v1/stock/" + product))
                    .andExpect(jsonPath("$.version").value(6));
        }
        new StoredEvents(eventStore, product, 6)
                .append(new StockRestockedEvent(product, "blue-l", 2, 11, null, "order-service"));
        awaitVersion(product, 7);
        mvc.perform(read(batch))
                .andExpect(jsonPath("$.items[0].version").value(7))
                .andExpect(jsonPath("$.items[0].totalAvailable").value(17))
                .andExpect(jsonPath("$.items[0].lines[?(@.variantId == 'blue-l')].available")
                        .value(11));
    }

    @Test
    void aBatchTakesOneTo200Ids() throws Exception {
        String ids = String.join(",", java.util.Collections.nCopies(201, "p"));
        problem(mvc.perform(read("/api/v1/stock?productIds=" + ids)), 400, "VALIDATION_FAILED");
        problem(mvc.perform(read("/api/v1/stock?productIds=")), 400, "VALIDATION_FAILED");
        problem(mvc.perform(read("/api/v1/stock")), 400, "VALIDATION_FAILED");
        problem(mvc.perform(read("/api/v1/stock?productIds=ok,bad!id")), 400, "VALIDATION_FAILED");
    }

    @Test
    void availabilityComparesTheLineWithTheRequest() throws Exception {
        String product = projectedProduct();
        mvc.perform(read("/api/v1/stock/" + product + "/availability?quantity=7&variantId=red-m"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.requested").value(7))
                .andExpect(jsonPath("$.available").value(6))
                .andExpect(jsonPath("$.sufficient").value(false));
        mvc.perform(read("/api/v1/stock/" + product + "/availability?quantity=6&variantId=red-m"))
                .andExpect(jsonPath("$.sufficient").value(true));
    }

    @Test
    void availabilityOfAnUnknownProductOrLineIsZeroAndInsufficient() throws Exception {
        String product = projectedProduct();
        mvc.perform(read("/api/v1/stock/" + product + "/availability?quantity=1&variantId=green-s"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.available").value(0))
                .andExpect(jsonPath("$.sufficient").value(false));
        mvc.perform(read("/api/v1/stock/never-" + UUID.randomUUID() + "/availability?quantity=1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.available").value(0))
                .andExpect(jsonPath("$.sufficient").value(false));
        problem(mvc.perform(read("/api/v1/stock/" + product + "/availability?quantity=abc")), 400, "VALIDATION_FAILED");
        problem(mvc.perform(read("/api/v1/stock/" + product + "/availability?quantity=0")), 400, "VALIDATION_FAILED");
        problem(mvc.perform(read("/api/v1/stock/" + product + "/availability")), 400, "VALIDATION_FAILED");
    }

    @Test
    void aVersionNotYetProjectedIsAnsweredStale() throws Exception {
        String product = projectedProduct();
        mvc.perform(read("/api/v1/stock/" + product + "?minVersion=6"))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("Inventory-Stale"));
        mvc.perform(read("/api/v1/stock/" + product + "?minVersion=7"))
                .andExpect(status().isOk())
                .andExpect(header().string("Inventory-Stale", "true"))
                .andExpect(jsonPath("$.version").value(6));
    }

    @Test
    void aReadWaitingForAVersionIsAnsweredWhenThatVersionArrives() throws Exception {
        String product = projectedProduct();
        StoredEvents events = new StoredEvents(eventStore, product, 6);
        CompletableFuture<MockHttpServletResponse> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return mvc.perform(read("/api/v1/stock/" + product + "?minVersion=7"))
                        .andReturn()
                        .getResponse();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        TimeUnit.MILLISECONDS.sleep(50);
        events.append(new StockRestockedEvent(product, "red-m", 1, 7, null, "order-service"));
        MockHttpServletResponse response = waiting.get(10, TimeUnit.SECONDS);
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("Inventory-Stale"))
                .as("woken by the version, not by the wait's end")
                .isNull();
        assertThat(response.getContentAsString()).contains("\"version\":7");
    }

    @Test
    void everyReadCarriesAnETagAndIsAnswered304WhileNothingChanged() throws Exception {
        String product = projectedProduct();
        String[] paths = {
            "/api/v1/stock/" + product,
            "/api/v1/stock/" + product + "/variants/red-m",
            "/api/v1/stock?productIds=" + product + ",unknown-product",
            "/api/v1/stock/" + product + "/availability?quantity=2&variantId=red-m"
        };
        List<String> tags = new ArrayList<>();
        for (String path : paths) {
            String tag = mvc.perform(read(path))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Cache-Control", "no-cache, must-revalidate"))
                    .andReturn()
                    .getResponse()
                    .getHeader("ETag");
            assertThat(tag).as(path).startsWith("\"").endsWith("\"");
            mvc.perform(read(path).header("If-None-Match", tag))
                    .andExpect(status().isNotModified())
                    .andExpect(header().string("ETag", tag))
                    .andExpect(content().string(""));
            mvc.perform(read(path).header("If-None-Match", "W/" + tag + ", \"other\""))
                    .andExpect(status().isNotModified());
            tags.add(tag);
        }

        new StoredEvents(eventStore, product, 6)
                .append(new StockRestockedEvent(product, "blue-l", 1, 10, null, "order-service"));
        awaitVersion(product, 7);
        for (int i = 0; i < paths.length; i++) {
            mvc.perform(read(paths[i]).header("If-None-Match", tags.get(i)))
                    .andExpect(status().isOk())
                    .andExpect(header().string("ETag", not(tags.get(i))));
        }
    }

    /** HEAD answers as GET does; the container drops the body (which MockMvc does not emulate). */
    @Test
    void headAnswersWithAReadsHeaders() throws Exception {
        String product = projectedProduct();
        for (String path : new String[] {"/api/v1/stock/" + product, "/api/v1/stock?productIds=" + product + ",none"}) {
            MockHttpServletResponse answer = mvc.perform(read(path))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse();
            mvc.perform(head(path).header("Authorization", CATALOGUE))
                    .andExpect(status().isOk())
                    .andExpect(header().string("ETag", answer.getHeader("ETag")))
                    .andExpect(header().string("Content-Type", answer.getContentType()))
                    .andExpect(header().string("Content-Length", answer.getHeader("Content-Length")))
                    .andExpect(header().string("Cache-Control", "no-cache, must-revalidate"))
                    .andExpect(header().exists(StockQueryController.LAG_HEADER));
        }
    }

    @Test
    void readsNeedTheCatalogueOrOperatorRole() throws Exception {
        String product = projectedProduct();
        problem(mvc.perform(get("/api/v1/stock/" + product)), 401, "UNAUTHORIZED");
        problem(
                mvc.perform(get("/api/v1/stock/" + product).header("Authorization", "Bearer wrong")),
                401,
                "UNAUTHORIZED");
        problem(
                mvc.perform(get("/api/v1/stock/" + product)
                        .header("Authorization", "Bearer " + PostgresProperties.ORDER_SERVICE_TOKEN)),
                403,
                "FORBIDDEN");
        mvc.perform(get("/api/v1/stock/" + product).header("Authorization", OPERATOR))
                .andExpect(status().isOk());
    }

    @Test
    void historyAndMetricsAreTheOperatorsOnly() throws Exception {
        String product = projectedProduct();
        problem(mvc.perform(read("/api/v1/inventory/" + product + "/events")), 403, "FORBIDDEN");
        problem(mvc.perform(read("/actuator/prometheus")), 403, "FORBIDDEN");
        problem(mvc.perform(get("/actuator/prometheus")), 401, "UNAUTHORIZED");
        String metrics = mvc.perform(get("/actuator/prometheus").header("Authorization", OPERATOR))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(metrics)
                .contains(
                        "inventory_projection_lag_milliseconds{",
                        "inventory_projection_position{",
                        "projection=\"stock-cache\"",
                        "projection=\"event-log\"",
                        "inventory_projection_head{",
                        "inventory_projection_progress{projection=\"stock-cache\"} 1.0",
                        "inventory_projection_eta{projection=\"stock-cache\"} NaN",
                        "inventory_projection_state{projection=\"stock-cache\",state=\"RUNNING\"} 1.0",
                        "inventory_projection_state{projection=\"stock-cache\",state=\"ERROR\"} 0.0",
                        "http_server_requests_seconds_bucket");
    }

    @Test
    void httpErrorsAreProblems() throws Exception {
        String product = projectedProduct();
        problem(mvc.perform(read("/api/v1/stock/" + product).accept(MediaType.APPLICATION_XML)), 406, "NOT_ACCEPTABLE");
        problem(
                mvc.perform(post("/api/v1/stock/" + product)
                        .header("Authorization", OPERATOR)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}")),
                405,
                "METHOD_NOT_ALLOWED");
        problem(mvc.perform(read("/api/v1/stock/" + product + "/nowhere/at/all")), 404, "NOT_FOUND");
        problem(mvc.perform(read("/api/v1/stokc/" + product)), 404, "NOT_FOUND");
        problem(
                mvc.perform(get("/api/v1/stokc/" + product)
                        .header("Authorization", "Bearer " + PostgresProperties.ORDER_SERVICE_TOKEN)),
                404,
                "NOT_FOUND");
        problem(
                mvc.perform(post("/api/v1/stock/" + product)
                        .header("Authorization", "Bearer " + PostgresProperties.CATALOGUE_TOKEN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}")),
                405,
                "METHOD_NOT_ALLOWED");
        problem(
                mvc.perform(read("/api/v1/stock?productIds=" + product).accept(MediaType.APPLICATION_XML)),
                406,
                "NOT_ACCEPTABLE");
        problem(
                mvc.perform(post("/api/v1/stock?productIds=" + product)
                        .header("Authorization", "Bearer " + PostgresProperties.CATALOGUE_TOKEN)),
                405,
                "METHOD_NOT_ALLOWED");
        problem(mvc.perform(read("/api/v1/stock/bad!id")), 400, "VALIDATION_FAILED");
        problem(mvc.perform(read("/api/v1/stock/" + product + "?minVersion=x")), 400, "VALIDATION_FAILED");
    }
}
