package com.acme.inventory.standalone.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.inventory.command.CommandSideApplication;
import com.acme.inventory.platform.testing.PostgresProperties;
import com.acme.inventory.platform.testing.TestDatabase;
import com.acme.inventory.platform.web.HealthPort;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The shipped HAProxy configuration, run by a real HAProxy in front of two command-side instances: all
 * commands of one product, and all requests of one whole order, reach one instance, and both instances get
 * their share. Only the addresses differ from compose (no Docker DNS here).
 */
class CommandRoutingTest {

    private static final Path CONFIG = Path.of("../ops/haproxy/haproxy.cfg");
    private static final String TOKEN = "Bearer " + PostgresProperties.ORDER_SERVICE_TOKEN;

    private static final HttpClient http = HttpClient.newHttpClient();
    private static List<ConfigurableApplicationContext> instances;
    private static Process haproxy;
    private static int port;

    @BeforeAll
    static void twoInstancesBehindHaproxy() throws Exception {
        String url = TestDatabase.freshUrl("routing");
        instances = List.of(start(url), start(url));
        port = freePort();
        Path config = Files.createTempFile("haproxy", ".cfg");
        Files.writeString(config, localConfig(Files.readString(CONFIG)));
        haproxy = new ProcessBuilder("haproxy", "-db", "-f", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(new File("target/haproxy-routing.log"))
                .start();
        Awaitility.await("HAProxy routes to both instances")
                .atMost(Duration.ofSeconds(30))
                .until(() -> serversAnswering().size() == 2);
    }

    @AfterAll
    static void stop() {
        if (haproxy != null) {
            haproxy.destroy();
        }
        instances.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void eachProductsCommandsAndEachOrdersRequestsMeetInOneInstance() throws Exception {
        Map<String, Set<String>> productServers = new HashMap<>();
        for (int p = 0; p < 40; p++) {
            String product = "route-" + p;
            Set<String> servers = productServers.computeIfAbsent(product, k -> new HashSet<>());
            servers.add(send(
                    "/api/v1/inventory/" + product + "/initial-stock",
                    "{\"lines\":[{\"variantId\":\"v\",\"quantity\":100}]}"));
            for (int sale = 0; sale < 3; sale++) {
                servers.add(send(
                        "/api/v1/inventory/" + product + "/sales",
                        "{\"orderId\":\"o-" + sale + "\",\"variantId\":\"v\",\"quantity\":1}"));
            }
            servers.add(send(
                    "/api/v1/inventory/" + product + "/sales/o-0/restorations",
                    "{\"variantId\":\"v\",\"quantity\":1}"));
        }
        assertThat(productServers.values())
                .allSatisfy(servers -> assertThat(servers).hasSize(1));
        assertThat(productServers.values().stream().flatMap(Set::stream).distinct())
                .containsExactlyInAnyOrder("command-side-1", "command-side-2");

        Map<String, Set<String>> orderServers = new HashMap<>();
        for (int o = 0; o < 20; o++) {
            String order = "route-order-" + o;
            String lines = "{\"lines\":[{\"productId\":\"route-" + o + "\",\"variantId\":\"v\",\"quantity\":1},"
                    + "{\"productId\":\"route-" + (o + 20) + "\",\"variantId\":\"v\",\"quantity\":1}]}";
            Set<String> servers = orderServers.computeIfAbsent(order, k -> new HashSet<>());
            servers.add(send("/api/v1/orders/" + order + "/sales", lines));
            servers.add(send("/api/v1/orders/" + order + "/sales", lines));
            servers.add(send("/api/v1/orders/" + order + "/restorations", "{\"reason\":\"cancelled\"}"));
        }
        assertThat(orderServers.values())
                .allSatisfy(servers -> assertThat(servers).hasSize(1));
        assertThat(orderServers.values().stream().flatMap(Set::stream).distinct())
                .containsExactlyInAnyOrder("command-side-1", "command-side-2");
    }

    /** The shipped file with local addresses: each server on its instance's API port, checked on its health port. */
    private static String localConfig(String shipped) {
        String config = shipped.replaceAll("(?m)^resolvers docker\\n(?:[ \\t]+.*\\n)+", "")
                .replace(" resolvers docker init-addr last,libc,none", "")
                .replace("bind :8080", "bind 127.0.0.1:" + port)
                .replace("log stdout format raw local0 info", "log stderr format raw local0 info");
        for (int i = 0; i < instances.size(); i++) {
            ConfigurableApplicationContext instance = instances.get(i);
            String name = "command-side-" + (i + 1);
            String shippedServer = "server " + name + " " + name + ":8080";
            assertThat(config).contains(shippedServer);
            config = config.replace(
                    shippedServer,
                    "server " + name + " 127.0.0.1:"
                            + instance.getEnvironment().getRequiredProperty("local.server.port") + " port "
                            + instance.getBean(HealthPort.class).localPort());
        }
        return config;
    }

    private static ConfigurableApplicationContext start(String url) {
        return CommandSideApplication.application().run(PostgresProperties.args(url, "--server.port=0"));
    }

    /** Posts through HAProxy; answers the server HAProxy named, after checking the command succeeded. */
    private static String send(String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = post(path, json);
        assertThat(response.statusCode()).as(path + " " + response.body()).isBetween(200, 201);
        return response.headers().firstValue("X-Served-By").orElseThrow();
    }

    /** The servers that answer restocks of 20 unknown products (404 from the instance) through HAProxy. */
    private static Set<String> serversAnswering() throws InterruptedException {
        Set<String> servers = new HashSet<>();
        for (int p = 0; p < 20; p++) {
            try {
                post("/api/v1/inventory/unknown-" + p + "/restocks", "{\"quantity\":1}")
                        .headers()
                        .firstValue("X-Served-By")
                        .ifPresent(servers::add);
            } catch (IOException notYet) {
                return servers;
            }
        }
        return servers;
    }

    private static HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", TOKEN)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
