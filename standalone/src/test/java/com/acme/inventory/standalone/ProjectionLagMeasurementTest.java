package com.acme.inventory.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.inventory.command.CommandSideApplication;
import com.acme.inventory.platform.testing.PostgresProperties;
import com.acme.inventory.platform.testing.ServiceProcess;
import com.acme.inventory.platform.testing.TestDatabase;
import com.acme.inventory.query.QuerySideApplication;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Measures (and logs; it asserts completeness, not time) how long a sale takes to become visible on
 * the query side with command side and query side in two processes, at a steady 200 commands a second for 10 seconds (after 30
 * seconds at the same rate, so that both JVMs have compiled their hot paths). A command is
 * "acknowledged" when its 2xx response arrives; it is "visible" when the stock-cache table that the
 * stock reads serve from, polled every millisecond over one JDBC connection (a negligible load, unlike
 * polling the HTTP API as fast), first holds its product at that version or later. The lag of a command is
 * visible minus acknowledged, 0 when the projection was faster than the response.
 */
class ProjectionLagMeasurementTest {

    private static final Logger log = LoggerFactory.getLogger(ProjectionLagMeasurementTest.class);
    private static final int PRODUCTS = 20;
    private static final int RATE = 200;
    private static final int SECONDS = 10;
    private static final int SENDERS = 8;
    /** Seconds at the same rate before measuring, so that the JIT has compiled the hot paths. */
    private static final int WARM_UP_SECONDS = 30;

    private static ServiceProcess commandSide;
    private static ServiceProcess querySide;
    private static String url;

    @BeforeAll
    static void splitShapeInTwoProcesses() throws Exception {
        url = TestDatabase.freshUrl("lag");
        commandSide = new ServiceProcess(
                CommandSideApplication.class.getName(), url, new File("target/lag-command-side.log"));
        querySide =
                new ServiceProcess(QuerySideApplication.class.getName(), url, new File("target/lag-query-side.log"));
        commandSide.start();
        querySide.start();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        querySide.stop();
        commandSide.stop();
    }

    record Ack(String product, long version, long sentAt, long acknowledgedAt) {}

    @Test
    void commandToVisibleLagAtTwoHundredCommandsASecond() throws Exception {
        InventoryClient client = new InventoryClient(
                commandSide.port(),
                querySide.port(),
                PostgresProperties.ORDER_SERVICE_TOKEN,
                PostgresProperties.CATALOGUE_TOKEN);
        List<String> products = new ArrayList<>();
        for (int p = 0; p < PRODUCTS; p++) {
            products.add("lag-" + p);
            assertThat(client.command(
                                    "/api/v1/inventory/lag-" + p + "/initial-stock",
                                    "{\"lines\":[{\"variantId\":\"v\",\"quantity\":1000000}]}")
                            .status())
                    .isEqualTo(201);
        }

        Map<String, List<long[]>> seen = new ConcurrentHashMap<>();
        JdbcTemplate readTable =
                new JdbcTemplate(new SingleConnectionDataSource(url, TestDatabase.USER, TestDatabase.PASSWORD, true));
        AtomicBoolean observing = new AtomicBoolean(true);
        CompletableFuture<Void> observer = CompletableFuture.runAsync(() -> {
            Map<String, Long> last = new ConcurrentHashMap<>();
            while (observing.get()) {
                List<Map<String, Object>> rows = readTable.queryForList(
                        "SELECT product_id, MAX(version) AS version FROM stock_cache WHERE product_id LIKE 'lag-%' GROUP BY product_id");
                long now = System.nanoTime();
                for (Map<String, Object> row : rows) {
                    String product = (String) row.get("product_id");
                    long version = ((Number) row.get("version")).longValue();
                    if (version > last.getOrDefault(product, 0L)) {
                        last.put(product, version);
                        seen.computeIfAbsent(product, k -> new CopyOnWriteArrayList<>())
                                .add(new long[] {version, now});
                    }
                }
                pause(Duration.ofMillis(1));
            }
        });

        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ObjectMapper json = new ObjectMapper();
        int total = RATE * (WARM_UP_SECONDS + SECONDS);
        List<CompletableFuture<Ack>> acks = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            acks.add(new CompletableFuture<>());
        }
        // a few paced clients, each sending in turn: 200 a second in all, never more than SENDERS in flight
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        long start = System.nanoTime();
        for (int s = 0; s < SENDERS; s++) {
            int sender = s;
            senders.submit(() -> {
                for (int n = sender; n < total; n += SENDERS) {
                    long due = start + (long) n * 1_000_000_000L / RATE;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        pause(Duration.ofNanos(wait));
                    }
                    String product = products.get(n % PRODUCTS);
                    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + commandSide.port()
                                    + "/api/v1/inventory/" + product + "/sales"))
                            .header("Authorization", "Bearer " + PostgresProperties.ORDER_SERVICE_TOKEN)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"orderId\":\"o-" + n + "\",\"variantId\":\"v\",\"quantity\":1}"))
                            .build();
                    long sentAt = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        long at = System.nanoTime();
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException(response.body());
                        }
                        acks.get(n)
                                .complete(new Ack(
                                        product,
                                        json.readTree(response.body())
                                                .get("version")
                                                .asLong(),
                                        sentAt,
                                        at));
                    } catch (Exception e) {
                        acks.get(n).completeExceptionally(e);
                    }
                }
            });
        }
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
        senders.shutdown();
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(10))
                .ignoreExceptions()
                .until(() -> allSeen(acks, seen));
        observing.set(false);
        observer.get(10, TimeUnit.SECONDS);

        assertThat(allSeen(acks, seen))
                .as("every acknowledged version became visible")
                .isTrue();
        for (String product : products) {
            long expected = 1 + total / PRODUCTS;
            assertThat(client.query("/api/v1/stock/" + product)
                            .body()
                            .get("version")
                            .asLong())
                    .as("the query API serves what the table holds")
                    .isEqualTo(expected);
        }
        List<Ack> measured = acks.subList(RATE * WARM_UP_SECONDS, total).stream()
                .map(CompletableFuture::join)
                .toList();
        long[] lags = measured.stream()
                .mapToLong(ack -> Math.max(0, firstSeen(seen, ack) - ack.acknowledgedAt()))
                .sorted()
                .toArray();
        long[] latencies = measured.stream()
                .mapToLong(ack -> ack.acknowledgedAt() - ack.sentAt())
                .sorted()
                .toArray();
        log.info(
                "Command-to-visible lag over {} sales at {}/s: p50 {} ms, p95 {} ms, p99 {} ms, max {} ms "
                        + "(command latency p50 {} ms, p99 {} ms)",
                lags.length,
                RATE,
                millis(lags, 0.50),
                millis(lags, 0.95),
                millis(lags, 0.99),
                String.format("%.1f", lags[lags.length - 1] / 1e6),
                millis(latencies, 0.50),
                millis(latencies, 0.99));
    }

    /** The observer leaves the two cores to the service between reads. */
    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean allSeen(List<CompletableFuture<Ack>> acks, Map<String, List<long[]>> seen) {
        return acks.stream().map(CompletableFuture::join).allMatch(ack -> firstSeen(seen, ack) != Long.MAX_VALUE);
    }

    private static long firstSeen(Map<String, List<long[]>> seen, Ack ack) {
        for (long[] version : seen.getOrDefault(ack.product(), List.of())) {
            if (version[0] >= ack.version()) {
                return version[1];
            }
        }
        return Long.MAX_VALUE;
    }

    private static String millis(long[] sorted, double percentile) {
        return String.format(
                "%.1f", sorted[(int) Math.min(sorted.length - 1, Math.ceil(percentile * sorted.length) - 1)] / 1e6);
    }
}
