package com.acme.inventory.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.inventory.command.CommandSideApplication;
import com.acme.inventory.platform.testing.PostgresProperties;
import com.acme.inventory.platform.testing.TestDatabase;
import com.acme.inventory.query.QuerySideApplication;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Command side and query side as separate applications on one fresh PostgreSQL database. */
class SplitShapeEndToEndTest {

    private static ConfigurableApplicationContext commandSide;
    private static ConfigurableApplicationContext querySide;
    private static InventoryClient client;

    @BeforeAll
    static void startBothSides() {
        String url = TestDatabase.freshUrl("split");
        commandSide = CommandSideApplication.application().run(PostgresProperties.args(url, "--server.port=0"));
        querySide = QuerySideApplication.application().run(PostgresProperties.args(url, "--server.port=0"));
        client = new InventoryClient(
                port(commandSide),
                port(querySide),
                PostgresProperties.ORDER_SERVICE_TOKEN,
                PostgresProperties.OPERATOR_TOKEN);
    }

    @AfterAll
    static void stop() {
        if (querySide != null) {
            querySide.close();
        }
        if (commandSide != null) {
            commandSide.close();
        }
    }

    static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    @Test
    void theQuerySideShowsExactlyWhatTheCommandsDid() {
        String product = "e2e-" + UUID.randomUUID();
        StockFlow.run(client, product);
        StockFlow.assertProjected(client, product);

        List<String> storedTypes = commandSide.getBean(JdbcTemplate.class).queryForList("""
                SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ?
                ORDER BY sequence_number""", String.class, product);
        assertThat(storedTypes)
                .containsExactly(
                        "com.acme.inventory.api.StockInitializedEvent",
                        "com.acme.inventory.api.StockInitializedEvent",
                        "com.acme.inventory.api.StockDeductedForSaleEvent",
                        "com.acme.inventory.api.StockRestoredForSaleEvent",
                        "com.acme.inventory.api.StockRestockedEvent",
                        "com.acme.inventory.api.StockAdjustedEvent");
        List<Long> sequences = commandSide
                .getBean(JdbcTemplate.class)
                .queryForList(
                        "SELECT sequence_number FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY global_index",
                        Long.class,
                        product);
        assertThat(sequences).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);

        var history =
                client.query("/api/v1/inventory/" + product + "/events").body().get("events");
        assertThat(history).hasSize(6);
        assertThat(history.get(2).get("type").asText()).isEqualTo("SALE_DEDUCT");
        assertThat(history.get(2).get("delta").asLong()).isEqualTo(-3);
        assertThat(history.get(2).get("orderId").asText()).isEqualTo("o-1");
        assertThat(history.get(5).get("note").asText()).isEqualTo("cycle count");
        assertThat(history.get(5).get("actor").asText()).isEqualTo("order-service");
    }

    @Test
    void aReadWithTheVersionACommandReturnedSeesThatWrite() {
        String product = "ryw-" + UUID.randomUUID();
        assertThat(client.command(
                                "/api/v1/inventory/" + product + "/initial-stock",
                                "{\"lines\":[{\"variantId\":\"v\",\"quantity\":1000}]}")
                        .status())
                .isEqualTo(201);
        for (int i = 0; i < 100; i++) {
            InventoryClient.Reply command = i % 2 == 0
                    ? client.command(
                            "/api/v1/inventory/" + product + "/sales",
                            "{\"orderId\":\"o-" + i + "\",\"variantId\":\"v\",\"quantity\":1}")
                    : client.command(
                            "/api/v1/inventory/" + product + "/restocks", "{\"variantId\":\"v\",\"quantity\":2}");
            assertThat(command.status()).isEqualTo(200);
            long version = command.body().get("version").asLong();
            long available = command.body().get("available").asLong();

            InventoryClient.Reply read = client.query("/api/v1/stock/" + product + "/variants/v?minVersion=" + version);
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.raw().headers().firstValue("Inventory-Stale"))
                    .as("read after command %d", i)
                    .isEmpty();
            assertThat(read.raw().headers().firstValue("Inventory-Projection-Lag-Ms"))
                    .isPresent();
            assertThat(read.body().get("version").asLong()).isGreaterThanOrEqualTo(version);
            if (read.body().get("version").asLong() == version) {
                assertThat(read.body().get("available").asLong()).isEqualTo(available);
            }
        }
    }
}
