package com.acme.inventory.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/**
 * The reference flow of the issue: initial stock with two variants, a sale, a restoration, a restock
 * and an adjustment; then what the query side must show.
 */
final class StockFlow {

    static final long FINAL_VERSION = 6;

    private StockFlow() {}

    static void run(InventoryClient client, String product) {
        String base = "/api/v1/inventory/" + product;
        assertThat(client.command(
                                base + "/initial-stock",
                                "{\"lines\":[{\"variantId\":\"red-m\",\"quantity\":10},{\"variantId\":\"blue-l\",\"quantity\":5}]}")
                        .status())
                .isEqualTo(201);
        InventoryClient.Reply sale =
                client.command(base + "/sales", "{\"orderId\":\"o-1\",\"variantId\":\"red-m\",\"quantity\":3}");
        assertThat(sale.status()).isEqualTo(200);
        assertThat(sale.body().get("available").asLong()).isEqualTo(7);
        assertThat(client.command(
                                base + "/sales/o-1/restorations",
                                "{\"variantId\":\"red-m\",\"quantity\":1,\"reason\":\"cancelled\"}")
                        .body()
                        .get("available")
                        .asLong())
                .isEqualTo(8);
        assertThat(client.command(base + "/restocks", "{\"variantId\":\"blue-l\",\"quantity\":4,\"note\":\"PO-77\"}")
                        .body()
                        .get("available")
                        .asLong())
                .isEqualTo(9);
        InventoryClient.Reply adjustment = client.command(
                base + "/adjustments", "{\"variantId\":\"red-m\",\"delta\":-2,\"reason\":\"cycle count\"}");
        assertThat(adjustment.status()).isEqualTo(200);
        assertThat(adjustment.body().get("version").asLong()).isEqualTo(FINAL_VERSION);
    }

    /** Waits until the query side has applied the whole flow, then checks every figure. */
    static void assertProjected(InventoryClient client, String product) {
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(
                        () -> assertThat(client.query("/api/v1/stock/" + product + "?minVersion=" + FINAL_VERSION)
                                        .raw()
                                        .headers()
                                        .firstValue("Inventory-Stale"))
                                .isEmpty());
        JsonNode stock = client.query("/api/v1/stock/" + product).body();
        assertThat(stock.get("version").asLong()).isEqualTo(FINAL_VERSION);
        assertThat(stock.get("totalAvailable").asLong()).isEqualTo(15);
        assertThat(stock.get("mode").asText()).isEqualTo("VARIANTS");
        assertThat(client.query("/api/v1/stock/" + product + "/variants/red-m")
                        .body()
                        .get("available")
                        .asLong())
                .isEqualTo(6);
        assertThat(client.query("/api/v1/stock/" + product + "/variants/blue-l")
                        .body()
                        .get("available")
                        .asLong())
                .isEqualTo(9);
    }
}
