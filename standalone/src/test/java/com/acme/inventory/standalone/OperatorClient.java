package com.acme.inventory.standalone;

import static org.awaitility.Awaitility.await;

import com.acme.inventory.platform.testing.PostgresProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/** The operator's view of one query-side instance: projection status, replay, consistency. */
final class OperatorClient {

    private final InventoryClient http;

    OperatorClient(int commandPort, int queryPort) {
        this.http = new InventoryClient(
                commandPort, queryPort, PostgresProperties.ORDER_SERVICE_TOKEN, PostgresProperties.OPERATOR_TOKEN);
    }

    InventoryClient http() {
        return http;
    }

    JsonNode status(String projection) {
        return http.query("/api/v1/admin/projections/" + projection).body();
    }

    InventoryClient.Reply replay(String projection) {
        return http.queryPost("/api/v1/admin/projections/" + projection + "/replay");
    }

    JsonNode consistency() {
        return http.query("/api/v1/admin/consistency").body();
    }

    /** Until the projection is running, not replaying, and has passed the store's head. */
    void awaitCaughtUp(String projection, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode status = status(projection);
            return "RUNNING".equals(status.get("state").asText())
                    && !status.get("replaying").asBoolean()
                    && status.get("position").asLong()
                            >= status.get("headPosition").asLong();
        });
    }
}
