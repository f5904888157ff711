package com.acme.inventory.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local default moved off its ports by environment variables alone, as the README says. */
class StandalonePortsTest {

    @TempDir
    Path data;

    @Test
    void theEnvironmentMovesEverySidesPorts() throws Exception {
        int[] ports = freePorts(4);
        ProcessBuilder launcher = new ProcessBuilder(
                        new File(System.getProperty("java.home"), "bin/java").getPath(),
                        "-Xmx384m",
                        "-cp",
                        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                        StandaloneApplication.class.getName())
                .directory(data.toFile())
                .redirectErrorStream(true)
                .redirectOutput(data.resolve("standalone.log").toFile());
        launcher.environment()
                .putAll(Map.of(
                        "COMMAND_SIDE_PORT",
                        Integer.toString(ports[0]),
                        "QUERY_SIDE_PORT",
                        Integer.toString(ports[1]),
                        "COMMAND_SIDE_HEALTH_PORT",
                        Integer.toString(ports[2]),
                        "QUERY_SIDE_HEALTH_PORT",
                        Integer.toString(ports[3])));
        Process standalone = launcher.start();
        HttpClient http = HttpClient.newHttpClient();
        try {
            for (int healthPort : List.of(ports[2], ports[3])) {
                Awaitility.await("readiness on " + healthPort)
                        .atMost(Duration.ofSeconds(90))
                        .pollInterval(Duration.ofMillis(250))
                        .ignoreExceptionsInstanceOf(IOException.class)
                        .until(() -> get(http, healthPort, "/actuator/health/readiness", null)
                                        .statusCode()
                                == 200);
            }
            assertThat(get(http, ports[0], "/actuator/health", null).statusCode())
                    .isEqualTo(200);
            assertThat(get(http, ports[1], "/api/v1/stock/none", "dev-catalogue-token")
                            .statusCode())
                    .isEqualTo(404);
            HttpResponse<String> notHere = get(http, ports[3], "/api/v1/stock/none", "dev-catalogue-token");
            assertThat(notHere.statusCode()).isEqualTo(404);
            assertThat(notHere.body()).contains("\"code\":\"NOT_FOUND\"", "serves /actuator/health");
        } finally {
            standalone.destroy();
            standalone.waitFor();
        }
    }

    private static HttpResponse<String> get(HttpClient http, int port, String path, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int[] freePorts(int count) throws IOException {
        ServerSocket[] sockets = new ServerSocket[count];
        int[] ports = new int[count];
        try {
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0);
                ports[i] = sockets[i].getLocalPort();
            }
        } finally {
            for (ServerSocket socket : sockets) {
                if (socket != null) {
                    socket.close();
                }
            }
        }
        return ports;
    }
}
