package com.acme.inventory.standalone.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.inventory.command.CommandSideApplication;
import com.acme.inventory.platform.testing.PostgresProperties;
import com.acme.inventory.platform.testing.TestDatabase;
import com.acme.inventory.platform.web.HealthPort;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Requests that Tomcat itself refuses, and clients that send slowly or never finish, against a real
 * Tomcat: every answer is a problem of the contract, slow bodies end at their timeouts, and 200 stalled
 * bodies leave health and ordinary requests answering at once.
 */
class HostileClientsTest {

    private static final String TOKEN = "Bearer " + PostgresProperties.ORDER_SERVICE_TOKEN;
    private static ConfigurableApplicationContext side;
    private static int port;
    private static int healthPort;

    @BeforeAll
    static void start() {
        side = CommandSideApplication.application()
                .run(PostgresProperties.args(
                        TestDatabase.freshUrl("hostile"), "--server.port=0", "--inventory.web.body-read-timeout=3s"));
        port = Integer.parseInt(side.getEnvironment().getRequiredProperty("local.server.port"));
        healthPort = side.getBean(HealthPort.class).localPort();
    }

    @AfterAll
    static void stop() {
        side.close();
    }

    @Test
    void whatTomcatRefusesIsAProblemOfTheContract() throws Exception {
        String body = "{\"orderId\":\"o\",\"quantity\":1}";
        List<String> requests = List.of(
                post("/api/v1/inventory/a%2e%2e%2fb/sales", "", body),
                post("/api/v1/inventory/a%2Fb/sales", "", body),
                post("/api/v1/inventory/a%00b/sales", "", body),
                post("/api/v1/inventory/a%5cb/sales", "", body),
                post("/api/v1/inventory/p/sales", "X-Bad: a\u0001b\r\n", body),
                post("/api/v1/inventory/p/sales", "Idempotency-Key: " + "k".repeat(10_000) + "\r\n", body),
                post("/api/v1/inventory/p/sales", "X-Huge: " + "h".repeat(20_000) + "\r\n", body),
                "GET /error HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "BREW /api/v1/inventory/p/sales HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "GET /" + "x".repeat(70_000) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        for (String request : requests) {
            String response = exchange(request);
            String head = request.substring(0, Math.min(60, request.indexOf('\n')));
            assertThat(response)
                    .as(head)
                    .startsWith("HTTP/1.1 4")
                    .containsIgnoringCase("Content-Type: application/problem+json")
                    .containsPattern("\"code\":\"(MALFORMED_REQUEST|NOT_FOUND|METHOD_NOT_ALLOWED|UNAUTHORIZED)\"");
        }
    }

    @Test
    void aBodyThatStallsOrTricklesEndsAtItsTimeoutWithAProblem() throws Exception {
        try (Socket stalled = open()) {
            long start = System.nanoTime();
            send(stalled, chunkedHead() + "9\r\n{\"orderId");
            String response = read(stalled);
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
            assertThat(response).startsWith("HTTP/1.1 400").contains("\"code\":\"MALFORMED_REQUEST\"");
        }
        try (Socket trickling = open()) {
            long start = System.nanoTime();
            send(trickling, chunkedHead());
            String response = "";
            while (response.isEmpty()
                    && System.nanoTime() - start < Duration.ofSeconds(15).toNanos()) {
                send(trickling, "1\r\n \r\n");
                Thread.sleep(500);
                response = available(trickling);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .as("the body read timeout is 3 s here")
                    .isLessThan(Duration.ofSeconds(6));
            assertThat(response).startsWith("HTTP/1.1 400").contains("\"code\":\"MALFORMED_REQUEST\"");
        }
    }

    @Test
    void twoHundredStalledBodiesLeaveHealthAndOrdinaryRequestsAnswering() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                Socket socket = open();
                send(socket, chunkedHead() + "1\r\n{\r\n");
                stalled.add(socket);
            }
            Thread.sleep(300);
            HttpClient http = HttpClient.newHttpClient();
            long start = System.nanoTime();
            HttpResponse<String> health = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + healthPort + "/actuator/health/readiness"))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
            assertThat(health.statusCode()).isEqualTo(200);
            start = System.nanoTime();
            HttpResponse<String> command = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/inventory/calm-"
                                    + System.nanoTime() + "/initial-stock"))
                            .timeout(Duration.ofSeconds(5))
                            .header("Authorization", TOKEN)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"lines\":[{\"quantity\":1}]}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
            assertThat(command.statusCode()).isEqualTo(201);
            assertThat(stalled).allMatch(socket -> !socket.isClosed());
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }

    private static String post(String path, String extraHeaders, String body) {
        return "POST " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: " + TOKEN
                + "\r\nContent-Type: application/json\r\n" + extraHeaders + "Content-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body;
    }

    private static String chunkedHead() {
        return "POST /api/v1/inventory/p/restocks HTTP/1.1\r\nHost: x\r\nAuthorization: " + TOKEN
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
    }

    private static Socket open() throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(20_000);
        return socket;
    }

    private static String exchange(String request) throws IOException {
        try (Socket socket = open()) {
            send(socket, request);
            return read(socket);
        }
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** The response, read until its problem body is complete or the server closes the connection. */
    private static String read(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        StringBuilder text = new StringBuilder();
        try {
            for (int n; !text.toString().contains("\"}") && (n = in.read(buffer)) > 0; ) {
                text.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
            }
        } catch (IOException reset) {
            // the server closed the connection after its answer
        }
        return text.toString();
    }

    private static String available(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        int n = in.available();
        if (n == 0) {
            return "";
        }
        byte[] buffer = new byte[n];
        return new String(buffer, 0, in.read(buffer), StandardCharsets.ISO_8859_1);
    }
}
