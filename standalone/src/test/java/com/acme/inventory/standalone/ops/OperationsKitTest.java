package com.acme.inventory.standalone.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.inventory.command.CommandSideApplication;
import com.acme.inventory.platform.testing.PostgresProperties;
import com.acme.inventory.platform.testing.TestDatabase;
import com.acme.inventory.platform.web.HealthPort;
import com.acme.inventory.query.QuerySideApplication;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.yaml.snakeyaml.Yaml;

/**
 * The operations kit as shipped: docker-compose.yml's health checks run under a POSIX shell against real
 * sides, and every metric the Grafana dashboard and the alert rules ask for is one the sides publish.
 */
class OperationsKitTest {

    private static final Path REPOSITORY = Path.of("..");
    private static final Pattern METRIC =
            Pattern.compile("\\b((?:inventory|http_server|commandBus|jvm|process|hikaricp)_[A-Za-z0-9_]+)");

    private static ConfigurableApplicationContext commandSide;
    private static ConfigurableApplicationContext querySide;

    @BeforeAll
    static void startBothSides() {
        String url = TestDatabase.freshUrl("ops");
        commandSide = CommandSideApplication.application().run(PostgresProperties.args(url, "--server.port=0"));
        querySide = QuerySideApplication.application().run(PostgresProperties.args(url, "--server.port=0"));
    }

    @AfterAll
    static void stop() {
        querySide.close();
        commandSide.close();
    }

    @Test
    void theComposeHealthChecksPassUnderShAgainstReadySidesAndFailAgainstNothing() throws Exception {
        // SnakeYAML resolves the file's anchors and merge keys as Compose does
        Map<String, Map<String, Map<String, Object>>> compose =
                new Yaml().load(Files.readString(REPOSITORY.resolve("docker-compose.yml")));
        for (String service : List.of("command-side-1", "command-side-2", "query-side")) {
            @SuppressWarnings("unchecked")
            Map<String, List<String>> healthcheck = (Map<String, List<String>>)
                    (Object) compose.get("services").get(service).get("healthcheck");
            List<String> test = healthcheck.get("test");
            assertThat(test.get(0)).as(service).isEqualTo("CMD-SHELL");
            String line = test.get(1).replace("$$", "$");
            ConfigurableApplicationContext side = service.startsWith("command") ? commandSide : querySide;
            int healthPort = side.getBean(HealthPort.class).localPort();
            assertThat(sh(line, healthPort)).as(service + ": " + line).isZero();
            assertThat(sh(line, closedPort()))
                    .as(service + " against a closed port")
                    .isNotZero();
        }
    }

    @Test
    void everyMetricOfTheDashboardAndTheAlertsIsPublished() throws Exception {
        Set<String> wanted = new TreeSet<>();
        wanted.addAll(metrics(Files.readString(REPOSITORY.resolve("ops/grafana/dashboards/inventory.json"))));
        wanted.addAll(metrics(Files.readString(REPOSITORY.resolve("ops/prometheus/alerts.yml"))));
        assertThat(wanted)
                .contains(
                        "inventory_commands_total",
                        "inventory_projection_lag_milliseconds",
                        "http_server_requests_seconds_bucket",
                        "hikaricp_connections_active");

        String product = "ops-" + System.nanoTime();
        post(commandSide, "/api/v1/inventory/" + product + "/initial-stock", "{\"lines\":[{\"quantity\":1}]}");
        post(commandSide, "/api/v1/inventory/" + product + "/sales", "{\"orderId\":\"o-1\",\"quantity\":2}");
        System.gc(); // the GC pause timers appear once the JVM has paused for a collection
        String published = scrape(commandSide) + scrape(querySide);

        List<String> missing = new ArrayList<>();
        for (String metric : wanted) {
            if (!Pattern.compile("(?m)^" + metric + "[{ ]").matcher(published).find()) {
                missing.add(metric);
            }
        }
        assertThat(missing)
                .as("metrics the dashboard or the alerts use but no side publishes")
                .isEmpty();
    }

    private static Set<String> metrics(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = METRIC.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static int sh(String line, int healthPort) throws Exception {
        ProcessBuilder shell = new ProcessBuilder("/bin/sh", "-c", line).redirectErrorStream(true);
        shell.environment().put("INVENTORY_HEALTH_PORT", Integer.toString(healthPort));
        Process process = shell.start();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String scrape(ConfigurableApplicationContext side) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                                        + side.getBean(HealthPort.class).localPort() + "/actuator/prometheus"))
                                .header("Authorization", "Bearer " + PostgresProperties.OPERATOR_TOKEN)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static void post(ConfigurableApplicationContext side, String path, String json) throws Exception {
        HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                                        + side.getEnvironment().getRequiredProperty("local.server.port") + path))
                                .header("Authorization", "Bearer " + PostgresProperties.ORDER_SERVICE_TOKEN)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
    }
}
