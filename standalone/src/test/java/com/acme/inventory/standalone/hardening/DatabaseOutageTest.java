package com.acme.inventory.standalone.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.acme.inventory.command.CommandSideApplication;
import com.acme.inventory.platform.testing.CuttableProxy;
import com.acme.inventory.platform.testing.PostgresProperties;
import com.acme.inventory.platform.testing.TestDatabase;
import com.acme.inventory.platform.web.HealthPort;
import com.acme.inventory.query.QuerySideApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * PostgreSQL goes away (a proxy in front of it resets every connection and refuses new ones) and comes
 * back: requests fail fast with 503 and Retry-After, readiness goes DOWN and UP again, health answers at
 * once throughout, the log says so in a few lines, and the service recovers without a restart.
 */
class DatabaseOutageTest {

    private static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static CuttableProxy database;
    private static ConfigurableApplicationContext commandSide;
    private static ConfigurableApplicationContext querySide;
    private static final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeAll
    static void startBehindAProxy() throws Exception {
        String url = TestDatabase.freshUrl("outage");
        database = new CuttableProxy(TestDatabase.HOST, TestDatabase.PORT);
        String proxied = database.jdbcUrl(TestDatabase.name(url));
        commandSide = CommandSideApplication.application()
                .run(PostgresProperties.args(proxied, "--server.port=0", "--inventory.database.probe-interval=500ms"));
        querySide = QuerySideApplication.application()
                .run(PostgresProperties.args(proxied, "--server.port=0", "--inventory.database.probe-interval=500ms"));
        log.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(log);
    }

    @AfterAll
    static void stop() throws Exception {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(log);
        database.restore();
        querySide.close();
        commandSide.close();
        database.close();
    }

    @Test
    void requestsFailFastReadinessFollowsTheDatabaseAndEverythingRecovers() throws Exception {
        String product = "outage-" + System.nanoTime();
        assertThat(command("/api/v1/inventory/" + product + "/initial-stock", "{\"lines\":[{\"quantity\":100}]}")
                        .statusCode())
                .isEqualTo(201);
        assertThat(ready(commandSide)).isEqualTo(200);

        database.cut();
        log.list.clear();
        long start = System.nanoTime();
        HttpResponse<String> first =
                command("/api/v1/inventory/" + product + "/sales", "{\"orderId\":\"o-0\",\"quantity\":1}");
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .as("the first sale after the database went away")
                .isLessThan(Duration.ofMillis(2500));
        assertThat(first.statusCode()).isEqualTo(503);
        for (ConfigurableApplicationContext side : List.of(commandSide, querySide)) {
            await("readiness DOWN").atMost(Duration.ofSeconds(5)).until(() -> ready(side) == 503);
            start = System.nanoTime();
            assertThat(health(side, "/actuator/health").statusCode()).isEqualTo(503);
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .as("health while the database is gone")
                    .isLessThan(Duration.ofSeconds(1));
            assertThat(health(side, "/actuator/health/liveness").statusCode()).isEqualTo(200);
        }
        for (int i = 1; i <= 20; i++) {
            start = System.nanoTime();
            HttpResponse<String> sale =
                    command("/api/v1/inventory/" + product + "/sales", "{\"orderId\":\"o-" + i + "\",\"quantity\":1}");
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .as("a sale once the outage is known")
                    .isLessThan(Duration.ofMillis(500));
            assertThat(sale.statusCode()).isEqualTo(503);
            assertThat(sale.body()).contains("\"code\":\"SERVICE_UNAVAILABLE\"");
            assertThat(sale.headers().firstValue("Retry-After")).isPresent();
            assertThat(sale.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        HttpResponse<String> read = query("/api/v1/stock/" + product);
        assertThat(read.statusCode()).isEqualTo(503);
        assertThat(read.headers().firstValue("Retry-After")).isPresent();
        assertThat(lines().stream().filter(line -> line.startsWith("Request failed")))
                .as("22 failed requests within seconds: a line per kind")
                .hasSizeBetween(1, 3);
        assertThat(lines())
                .as("log lines during the outage")
                .noneMatch(line -> line.endsWith("+stack"))
                .anyMatch(line -> line.startsWith("Database unreachable: "));

        database.restore();
        for (ConfigurableApplicationContext side : List.of(commandSide, querySide)) {
            await("readiness UP").atMost(Duration.ofSeconds(10)).until(() -> ready(side) == 200);
        }
        HttpResponse<String> sale =
                command("/api/v1/inventory/" + product + "/sales", "{\"orderId\":\"after\",\"quantity\":1}");
        assertThat(sale.statusCode()).isEqualTo(200);
        assertThat(sale.body()).contains("\"available\":99");
        await("the projection catches up")
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(query("/api/v1/stock/" + product + "?minVersion=2")
                                .body())
                        .contains("\"totalAvailable\":99"));
    }

    /** The log lines of the service and Axon since the outage began; "+stack" marks one with a stack trace. */
    private static List<String> lines() {
        return List.copyOf(log.list).stream()
                .filter(event -> event.getLoggerName().startsWith("com.acme")
                        || event.getLoggerName().startsWith("org.axon"))
                .filter(event -> event.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN))
                .map(event -> event.getFormattedMessage() + (event.getThrowableProxy() == null ? "" : " +stack"))
                .toList();
    }

    private static int ready(ConfigurableApplicationContext side) throws Exception {
        return health(side, "/actuator/health/readiness").statusCode();
    }

    private static HttpResponse<String> health(ConfigurableApplicationContext side, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                                + side.getBean(HealthPort.class).localPort() + path))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> command(String path, String json) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base(commandSide) + path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + PostgresProperties.ORDER_SERVICE_TOKEN)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> query(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base(querySide) + path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + PostgresProperties.CATALOGUE_TOKEN)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String base(ConfigurableApplicationContext side) {
        return "http://127.0.0.1:" + side.getEnvironment().getRequiredProperty("local.server.port");
    }
}
