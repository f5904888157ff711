package com.acme.inventory.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.acme.inventory.command.CommandSideApplication;
import com.acme.inventory.platform.testing.EventSeeder;
import com.acme.inventory.platform.testing.PostgresProperties;
import com.acme.inventory.platform.testing.TestDatabase;
import com.acme.inventory.query.QuerySideApplication;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Operators rebuild damaged read tables without stopping sales: 20,000 events over 500 products,
 * rows changed and deleted, then replays started on two query-side instances while 1,000 more
 * commands arrive. Both tables end equal to the events, with every event in the history once.
 */
class ReplayUnderLoadTest {

    private static final Logger log = LoggerFactory.getLogger(ReplayUnderLoadTest.class);

    private static final int PRODUCTS = 500;
    private static final int EVENTS_PER_PRODUCT = 40;
    private static final int MORE_COMMANDS = 1_000;

    private static ConfigurableApplicationContext commandSide;
    private static ConfigurableApplicationContext queryA;
    private static ConfigurableApplicationContext queryB;
    private static JdbcTemplate jdbc;
    private static OperatorClient operatorA;
    private static OperatorClient operatorB;

    @BeforeAll
    static void historyAndTwoQueryInstances() {
        String url = TestDatabase.freshUrl("replay");
        commandSide = CommandSideApplication.application().run(PostgresProperties.args(url, "--server.port=0"));
        jdbc = commandSide.getBean(JdbcTemplate.class);
        EventSeeder.seed(jdbc, "r-", PRODUCTS, EVENTS_PER_PRODUCT);
        queryA = QuerySideApplication.application().run(PostgresProperties.args(url, "--server.port=0"));
        queryB = QuerySideApplication.application().run(PostgresProperties.args(url, "--server.port=0"));
        int commandPort = SplitShapeEndToEndTest.port(commandSide);
        operatorA = new OperatorClient(commandPort, SplitShapeEndToEndTest.port(queryA));
        operatorB = new OperatorClient(commandPort, SplitShapeEndToEndTest.port(queryB));
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext context :
                new ConfigurableApplicationContext[] {queryB, queryA, commandSide}) {
            if (context != null) {
                context.close();
            }
        }
    }

    private static void damageTheReadTables() {
        jdbc.update(
                "UPDATE stock_cache SET available = available + 7 WHERE product_id IN (SELECT 'r-' || g FROM generate_series(0, 49) g)");
        jdbc.update("DELETE FROM stock_cache WHERE product_id IN (SELECT 'r-' || g FROM generate_series(50, 99) g)");
        jdbc.update(
                "UPDATE stock_cache SET version = 999 WHERE product_id IN (SELECT 'r-' || g FROM generate_series(120, 129) g)");
        jdbc.update(
                "INSERT INTO stock_cache (product_id, line_key, variant_id, available, version, updated_at) VALUES ('ghost', 'v', 'v', 5, 1, now())");
        jdbc.update(
                "DELETE FROM event_log WHERE product_id IN (SELECT 'r-' || g FROM generate_series(200, 249) g) AND version % 3 = 0");
        jdbc.update(
                "UPDATE event_log SET delta = 999, available_after = -1 WHERE product_id IN (SELECT 'r-' || g FROM generate_series(250, 299) g)");
    }

    private static String command(int i) {
        String product = "/api/v1/inventory/r-" + (i % PRODUCTS);
        return switch (i % 3) {
            case 0 -> product + "/restocks|{\"variantId\":\"v\",\"quantity\":" + (1 + i % 5) + "}";
            case 1 ->
                product + "/adjustments|{\"variantId\":\"v\",\"delta\":" + (i % 2 == 0 ? 1 : -1)
                        + ",\"reason\":\"count\"}";
            default -> product + "/sales|{\"orderId\":\"load-" + i + "\",\"variantId\":\"v\",\"quantity\":1}";
        };
    }

    @Test
    void replaysOnTwoInstancesUnderLoadLeaveTablesEqualToTheEvents() {
        operatorA.awaitCaughtUp("stock-cache", Duration.ofMinutes(3));
        operatorA.awaitCaughtUp("event-log", Duration.ofMinutes(3));
        damageTheReadTables();
        assertThat(operatorA.consistency().get("mismatches")).isNotEmpty();

        ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
        CompletableFuture<Void> load = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < MORE_COMMANDS; i++) {
                String[] call = command(i).split("\\|");
                statuses.add(operatorA.http().command(call[0], call[1]).status());
            }
        });

        long requested = System.nanoTime();
        InventoryClient.Reply started = operatorA.replay("stock-cache");
        assertThat(Duration.ofNanos(System.nanoTime() - requested))
                .as("the replay's 202")
                .isLessThan(Duration.ofMillis(500));
        assertThat(started.status()).isEqualTo(202);
        assertThat(started.body().get("replaying").asBoolean()).isTrue();
        assertThat(started.body().get("etaSeconds").isNull())
                .as("no ETA before a rate is measured")
                .isTrue();
        assertThat(operatorB.replay("event-log").status()).isEqualTo(202);
        InventoryClient.Reply second = operatorB.replay("stock-cache");
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.body().get("code").asText()).isEqualTo("REPLAY_IN_PROGRESS");

        List<Double> progress = new ArrayList<>();
        List<JsonNode> seen = new ArrayList<>();
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    JsonNode status = operatorA.status("stock-cache");
                    progress.add(status.get("progress").asDouble());
                    seen.add(status);
                    return !status.get("replaying").asBoolean();
                });
        log.info(
                "stock-cache replay: {} status samples, progress {} .. {}, samples with a rate: {}",
                progress.size(),
                progress.get(0),
                progress.get(progress.size() - 1),
                seen.stream()
                        .filter(s -> !s.get("eventsPerSecond").isNull())
                        .map(s -> s.get("eventsPerSecond").asLong())
                        .toList());
        assertThat(progress).isSortedAccordingTo(Double::compare);
        assertThat(progress.get(progress.size() - 1)).isEqualTo(1.0);
        long replaySeconds = Duration.ofNanos(System.nanoTime() - requested).toSeconds();
        assertThat(seen.stream()
                        .filter(s -> !s.get("etaSeconds").isNull())
                        .map(s -> s.get("etaSeconds").asLong()))
                .as("every ETA against a replay that took %d s", replaySeconds)
                .allMatch(eta -> eta <= 3 * replaySeconds + 5);

        load.join();
        assertThat(statuses).hasSize(MORE_COMMANDS).containsOnly(200);
        for (OperatorClient operator : List.of(operatorA, operatorB)) {
            operator.awaitCaughtUp("stock-cache", Duration.ofMinutes(1));
            operator.awaitCaughtUp("event-log", Duration.ofMinutes(1));
        }

        JsonNode report = operatorB.consistency();
        assertThat(report.get("mismatches")).isEmpty();
        assertThat(report.get("checkedProducts").asLong()).isEqualTo(PRODUCTS);
        long events = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
        assertThat(events).isEqualTo((long) PRODUCTS * EVENTS_PER_PRODUCT + MORE_COMMANDS);
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM event_log l JOIN domain_event_entry e
                  ON e.aggregate_identifier = l.product_id AND e.sequence_number = l.version - 1
                WHERE l.available_after = (convert_from(e.payload, 'UTF8')::jsonb ->> 'availableAfter')::bigint
                  AND NOT l.rebuild_pending""", Long.class)).isEqualTo(events);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM event_log", Long.class))
                .isEqualTo(events);
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM (SELECT product_id, MAX(version) AS version FROM stock_cache GROUP BY product_id) p
                WHERE p.version <> (SELECT COUNT(*) FROM domain_event_entry e WHERE e.aggregate_identifier = p.product_id)""", Long.class)).isZero();
        for (OperatorClient operator : List.of(operatorA, operatorB)) {
            for (String projection : List.of("stock-cache", "event-log")) {
                assertThat(operator.status(projection).get("state").asText()).isEqualTo("RUNNING");
            }
        }
    }
}
