package com.acme.inventory.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small HTTP client for the service's two ports, as an order service or a catalogue page would use it. */
final class InventoryClient {

    record Reply(int status, JsonNode body, HttpResponse<String> raw) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String commandBase;
    private final String queryBase;
    private final String commandToken;
    private final String queryToken;

    InventoryClient(int commandPort, int queryPort, String commandToken, String queryToken) {
        this.commandBase = "http://127.0.0.1:" + commandPort;
        this.queryBase = "http://127.0.0.1:" + queryPort;
        this.commandToken = commandToken;
        this.queryToken = queryToken;
    }

    Reply command(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(commandBase + path))
                .header("Authorization", "Bearer " + commandToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply queryPost(String path) {
        return send(HttpRequest.newBuilder(URI.create(queryBase + path))
                .header("Authorization", "Bearer " + queryToken)
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    Reply query(String path) {
        return send(HttpRequest.newBuilder(URI.create(queryBase + path))
                .header("Authorization", "Bearer " + queryToken)
                .GET());
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? null : JSON.readTree(response.body());
            return new Reply(response.statusCode(), body, response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
