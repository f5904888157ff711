package com.acme.inventory.query.stockcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.acme.inventory.api.StockDeductedForSaleEvent;
import com.acme.inventory.api.StockInitializedEvent;
import com.acme.inventory.platform.database.DatabaseNotifications;
import com.acme.inventory.platform.testing.PostgresProperties;
import com.acme.inventory.platform.testing.TestDatabase;
import com.acme.inventory.query.QuerySideApplication;
import com.acme.inventory.query.StoredEvents;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The in-memory stock view on several query-side instances: each sees every product, also the products of
 * the stock-cache segment another instance holds; a commit elsewhere reaches it through PostgreSQL's
 * announcements, not its (here one-minute) poll, also after its listening connection was lost; and a new
 * instance starts from the stock-cache table, not from the first event.
 */
class StockViewAcrossInstancesTest {

    private static final HttpClient http = HttpClient.newHttpClient();
    private static final List<ConfigurableApplicationContext> instances = new ArrayList<>();
    private static String url;

    @BeforeAll
    static void twoInstancesSplittingTheStockCache() {
        url = TestDatabase.freshUrl("stock-view");
        instances.add(start());
        instances.add(start());
    }

    @AfterAll
    static void stop() {
        instances.forEach(ConfigurableApplicationContext::close);
    }

    /** One stock-cache thread each, so that two instances split its two segments; no useful idle poll. */
    private static ConfigurableApplicationContext start() {
        return QuerySideApplication.application()
                .run(PostgresProperties.args(
                        url,
                        "--server.port=0",
                        "--inventory.query.stock-cache-threads=1",
                        "--inventory.event-store.announced-poll=60s"));
    }

    @Test
    void everyInstanceAnswersEveryProductFromMemoryWhicheverInstanceHoldsItsSegment() throws Exception {
        List<String> products = new ArrayList<>();
        for (int p = 0; p < 20; p++) {
            String product = "all-" + p;
            new StoredEvents(instance(0).getBean(EventStore.class), product)
                    .append(new StockInitializedEvent(product, "v", 10, 10, "order-service"));
            products.add(product);
        }
        for (ConfigurableApplicationContext instance : List.copyOf(instances)) {
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(products)
                            .allSatisfy(product ->
                                    assertThat(status(instance, product)).isEqualTo(200)));
        }
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(jdbc().queryForObject(
                                        "SELECT COUNT(DISTINCT owner) FROM token_entry WHERE processor_name = 'stock-cache'",
                                        Integer.class))
                        .as("the stock-cache segments are split between the instances")
                        .isEqualTo(2));

        jdbc().update("DELETE FROM stock_cache WHERE product_id = 'all-0'");
        for (ConfigurableApplicationContext instance : List.copyOf(instances)) {
            assertThat(status(instance, "all-0"))
                    .as("answered from memory, not from the table")
                    .isEqualTo(200);
        }
    }

    @Test
    void aCommitElsewhereArrivesByAnnouncementAlsoAfterTheListeningConnectionWasLost() throws Exception {
        StoredEvents events = new StoredEvents(instance(0).getBean(EventStore.class), "announced")
                .append(new StockInitializedEvent("announced", "v", 10, 10, "order-service"));
        await().atMost(Duration.ofSeconds(5)).until(() -> status(instance(1), "announced") == 200);

        int lost = jdbc().queryForObject(
                        "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity"
                                + " WHERE datname = current_database() AND application_name LIKE '%(listen)'",
                        Integer.class);
        assertThat(lost).as("listening connections cut").isGreaterThanOrEqualTo(2);
        DatabaseNotifications listener = instance(1).getBean(DatabaseNotifications.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> !listener.listening());
        await().atMost(Duration.ofSeconds(10)).until(listener::listening);

        events.append(new StockDeductedForSaleEvent("announced", "v", "o-1", 3, 7, "order-service"));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> body(instance(1), "announced").contains("\"version\":2"));
    }

    @Test
    void aNewInstanceStartsFromTheTableNotFromTheFirstEvent() throws Exception {
        for (int p = 0; p < 30; p++) {
            String product = "before-" + p;
            new StoredEvents(instance(0).getBean(EventStore.class), product)
                    .append(new StockInitializedEvent(product, "v", 10, 10, "order-service"));
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc().queryForObject(
                                        "SELECT COUNT(*) FROM stock_cache WHERE product_id LIKE 'before-%'",
                                        Integer.class)
                        == 30);
        long eventsInStore = jdbc().queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);

        ConfigurableApplicationContext started = start();
        instances.add(started);
        await().atMost(Duration.ofSeconds(10)).until(() -> status(started, "before-29") == 200);
        assertThat(status(started, "before-0")).isEqualTo(200);
        assertThat(started.getBean(StockView.class).appliedSinceLoad())
                .as("events the new instance took from the store after loading the table, of %s", eventsInStore)
                .isLessThan(eventsInStore / 2);
    }

    private static ConfigurableApplicationContext instance(int index) {
        return instances.get(index);
    }

    private static JdbcTemplate jdbc() {
        return instance(0).getBean(JdbcTemplate.class);
    }

    private static int status(ConfigurableApplicationContext instance, String product)
            throws IOException, InterruptedException {
        return get(instance, product).statusCode();
    }

    private static String body(ConfigurableApplicationContext instance, String product)
            throws IOException, InterruptedException {
        return get(instance, product).body();
    }

    private static HttpResponse<String> get(ConfigurableApplicationContext instance, String product)
            throws IOException, InterruptedException {
        int port = Integer.parseInt(instance.getEnvironment().getRequiredProperty("local.server.port"));
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/stock/" + product))
                        .header("Authorization", "Bearer " + PostgresProperties.CATALOGUE_TOKEN)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
