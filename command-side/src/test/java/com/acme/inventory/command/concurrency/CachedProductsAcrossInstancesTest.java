package com.acme.inventory.command.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each instance keeps the products it served in memory. Here instance 0 changes a product behind
 * instance 1's cached copy, and instance 1 must still answer from the real stock: a sale appends after
 * the other's events, a rejection the cached copy would give is not given.
 */
class CachedProductsAcrossInstancesTest {

    private static CommandSideCluster cluster;

    @BeforeAll
    static void twoInstances() {
        cluster = new CommandSideCluster(2, "cached");
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void aSaleOnTheOtherInstanceIsCountedBeforeTheNext() throws Exception {
        initialize("cached-1", "v", 10);
        assertSold(sell(1, "cached-1", "o-1", "v"), 9, 2);
        assertSold(sell(0, "cached-1", "o-2", "v"), 8, 3);

        assertSold(sell(1, "cached-1", "o-3", "v"), 7, 4);
        assertThat(cluster.jdbc()
                        .queryForList(
                                "SELECT sequence_number FROM domain_event_entry WHERE aggregate_identifier = 'cached-1' ORDER BY 1",
                                Long.class))
                .containsExactly(0L, 1L, 2L, 3L);
    }

    @Test
    void stockRestockedOnTheOtherInstanceCanBeSold() throws Exception {
        initialize("cached-2", "v", 1);
        assertSold(sell(1, "cached-2", "o-1", "v"), 0, 2);
        assertThat(cluster.client(0)
                        .post("/api/v1/inventory/cached-2/restocks", "{\"variantId\":\"v\",\"quantity\":5}", null)
                        .status())
                .isEqualTo(200);

        assertSold(sell(1, "cached-2", "o-2", "v"), 4, 4);
    }

    @Test
    void aVariantOpenedOnTheOtherInstanceCanBeSold() throws Exception {
        initialize("cached-3", "v", 1);
        assertSold(sell(1, "cached-3", "o-1", "v"), 0, 2);
        initialize("cached-3", "w", 3);

        assertSold(sell(1, "cached-3", "o-2", "w"), 2, 4);
    }

    @Test
    void theCachedCopyStillRejectsWhatTheRealStockRejects() throws Exception {
        initialize("cached-4", "v", 2);
        assertSold(sell(1, "cached-4", "o-1", "v"), 1, 2);
        assertSold(sell(0, "cached-4", "o-2", "v"), 0, 3);

        CommandClient.Reply refused = sell(1, "cached-4", "o-3", "v");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("INSUFFICIENT_STOCK");
        assertThat(refused.json().get("available").asLong()).isZero();
    }

    private static void initialize(String product, String variant, long quantity) throws Exception {
        assertThat(cluster.client(0)
                        .post(
                                "/api/v1/inventory/" + product + "/initial-stock",
                                "{\"lines\":[{\"variantId\":\"" + variant + "\",\"quantity\":" + quantity + "}]}",
                                null)
                        .status())
                .isEqualTo(201);
    }

    private static CommandClient.Reply sell(int instance, String product, String order, String variant)
            throws Exception {
        return cluster.client(instance)
                .post(
                        "/api/v1/inventory/" + product + "/sales",
                        "{\"orderId\":\"" + order + "\",\"variantId\":\"" + variant + "\",\"quantity\":1}",
                        null);
    }

    private static void assertSold(CommandClient.Reply reply, long available, long version) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("available").asLong()).isEqualTo(available);
        assertThat(reply.json().get("version").asLong()).isEqualTo(version);
    }
}
