package com.acme.inventory.command.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The last units of a popular product, sold at the same moment through two command-side instances:
 * exactly the stock is sold, every other attempt is told there is not enough, nothing goes negative.
 */
class NoOversellAcrossInstancesTest {

    private static final int CLIENTS = 64;
    private static final int ATTEMPTS_PER_CLIENT = 3;
    private static final int STOCK = 100;

    private static CommandSideCluster cluster;

    @BeforeAll
    static void twoInstances() {
        cluster = new CommandSideCluster(2, "oversell");
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void sixtyFourClientsOnTwoInstancesSellExactlyTheHundredUnits() throws Exception {
        String product = "hot-1";
        assertThat(cluster.client(0)
                        .post(
                                "/api/v1/inventory/" + product + "/initial-stock",
                                "{\"lines\":[{\"variantId\":\"v\",\"quantity\":" + STOCK + "}]}",
                                null)
                        .status())
                .isEqualTo(201);

        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.add(pool.submit(() -> {
                start.await();
                for (int attempt = 0; attempt < ATTEMPTS_PER_CLIENT; attempt++) {
                    CommandClient.Reply reply = cluster.client(client + attempt)
                            .post(
                                    "/api/v1/inventory/" + product + "/sales",
                                    "{\"orderId\":\"o-" + client + "-" + attempt
                                            + "\",\"variantId\":\"v\",\"quantity\":1}",
                                    null);
                    String outcome = reply.status() == 200 ? "SOLD" : reply.status() + " " + reply.code();
                    outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> client : clients) {
            client.get();
        }
        pool.shutdown();

        assertThat(outcomes.keySet()).containsExactlyInAnyOrder("SOLD", "409 INSUFFICIENT_STOCK");
        assertThat(outcomes.get("SOLD").get()).isEqualTo(STOCK);
        assertThat(outcomes.get("409 INSUFFICIENT_STOCK").get()).isEqualTo(CLIENTS * ATTEMPTS_PER_CLIENT - STOCK);

        var jdbc = cluster.jdbc();
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?
                AND payload_type = 'com.acme.inventory.api.StockDeductedForSaleEvent'""", Long.class, product)).isEqualTo(STOCK);
        List<Long> availableAfter = jdbc.queryForList("""
                SELECT (convert_from(payload, 'UTF8')::jsonb ->> 'availableAfter')::bigint FROM domain_event_entry
                WHERE aggregate_identifier = ? ORDER BY sequence_number""", Long.class, product);
        assertThat(availableAfter).allSatisfy(units -> assertThat(units).isNotNegative());
        assertThat(availableAfter.get(availableAfter.size() - 1)).isZero();
        assertThat(cluster.client(1)
                        .post(
                                "/api/v1/inventory/" + product + "/sales",
                                "{\"orderId\":\"late\",\"variantId\":\"v\",\"quantity\":1}",
                                null)
                        .json()
                        .get("available")
                        .asLong())
                .isZero();
    }
}
