package com.acme.inventory.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local default: both sides in one JVM on an H2 file database; stock survives a restart. */
class StandaloneRestartTest {

    @TempDir
    Path dataDirectory;

    private StandaloneApplication.Running start() {
        return StandaloneApplication.start(
                "--server.port=0",
                "--inventory.health.port=0",
                "--spring.datasource.url=jdbc:h2:file:" + dataDirectory.resolve("inventory")
                        + ";DB_CLOSE_ON_EXIT=FALSE");
    }

    private static InventoryClient client(StandaloneApplication.Running running) {
        return new InventoryClient(
                SplitShapeEndToEndTest.port(running.commandSide()),
                SplitShapeEndToEndTest.port(running.querySide()),
                "dev-order-service-token",
                "dev-operator-token");
    }

    @Test
    void theFlowWorksAndStockIsUnchangedAfterARestart() {
        String product = "local-1";
        String before;
        try (StandaloneApplication.Running running = start()) {
            InventoryClient client = client(running);
            StockFlow.run(client, product);
            StockFlow.assertProjected(client, product);
            before = client.query("/api/v1/stock/" + product).body().toString();
        }

        try (StandaloneApplication.Running running = start()) {
            InventoryClient client = client(running);
            assertThat(client.query("/api/v1/stock/" + product).body().toString())
                    .isEqualTo(before);
            InventoryClient.Reply sale = client.command(
                    "/api/v1/inventory/" + product + "/sales",
                    "{\"orderId\":\"o-2\",\"variantId\":\"red-m\",\"quantity\":1}");
            assertThat(sale.status()).isEqualTo(200);
            assertThat(sale.body().get("available").asLong()).isEqualTo(5);
            assertThat(sale.body().get("version").asLong()).isEqualTo(StockFlow.FINAL_VERSION + 1);
        }
    }
}
