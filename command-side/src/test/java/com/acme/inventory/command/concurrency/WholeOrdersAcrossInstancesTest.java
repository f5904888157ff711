package com.acme.inventory.command.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Whole orders that overlap on a few scarce products, sold at the same moment through two command-side
 * instances: each order is recorded with all of its lines or none, stock ends at the initial stock less what
 * the accepted orders took and is never negative on the way, and no request waits on a deadlock.
 */
class WholeOrdersAcrossInstancesTest {

    private static final int CLIENTS = 48;
    private static final int ORDERS_PER_CLIENT = 4;
    private static final int PRODUCTS = 5;
    private static final long STOCK = 60;

    private static CommandSideCluster cluster;

    @BeforeAll
    static void twoInstances() {
        cluster = new CommandSideCluster(2, "whole-orders");
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    record Line(String product, long quantity) {}

    record Outcome(int status, String code, long millis) {}

    @Test
    void overlappingOrdersOnTwoInstancesAreAllOrNothingAndNeverOversell() throws Exception {
        for (int p = 0; p < PRODUCTS; p++) {
            assertThat(cluster.client(0)
                            .post(
                                    "/api/v1/inventory/wo-" + p + "/initial-stock",
                                    "{\"lines\":[{\"variantId\":\"v\",\"quantity\":" + STOCK + "}]}",
                                    null)
                            .status())
                    .isEqualTo(201);
        }
        Map<String, List<Line>> orders = orders(new Random(15));

        Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        List<String> orderIds = List.copyOf(orders.keySet());
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < ORDERS_PER_CLIENT; i++) {
                    String orderId = orderIds.get(client * ORDERS_PER_CLIENT + i);
                    long started = System.nanoTime();
                    CommandClient.Reply reply = cluster.client(client + i)
                            .post("/api/v1/orders/" + orderId + "/sales", body(orders.get(orderId)), null);
                    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                    outcomes.put(orderId, new Outcome(reply.status(), reply.code(), millis));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> client : clients) {
            client.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(outcomes).hasSize(orders.size());
        assertThat(outcomes.values())
                .extracting(outcome -> outcome.status() + " " + outcome.code())
                .as("stock is scarce: some orders are sold, some are refused")
                .contains("200 null", "409 INSUFFICIENT_STOCK")
                .allMatch(outcome -> outcome.equals("200 null")
                        || outcome.equals("409 INSUFFICIENT_STOCK")
                        || outcome.equals("409 CONCURRENT_MODIFICATION"));
        assertThat(outcomes.values())
                .as("no request waited on a deadlock")
                .allMatch(outcome -> outcome.millis() < 10_000);

        Map<String, Long> linesRecorded = new HashMap<>();
        cluster.jdbc().query("""
                SELECT convert_from(payload, 'UTF8')::jsonb ->> 'orderId', COUNT(*) FROM domain_event_entry
                WHERE payload_type = 'com.acme.inventory.api.StockDeductedForSaleEvent' GROUP BY 1""", rs -> {
            linesRecorded.put(rs.getString(1), rs.getLong(2));
        });
        Map<String, Long> sold = new HashMap<>();
        orders.forEach((orderId, lines) -> {
            boolean accepted = outcomes.get(orderId).status() == 200;
            assertThat(linesRecorded.getOrDefault(orderId, 0L))
                    .as("lines recorded for %s (%s)", orderId, outcomes.get(orderId))
                    .isEqualTo(accepted ? lines.size() : 0);
            if (accepted) {
                lines.forEach(line -> sold.merge(line.product(), line.quantity(), Long::sum));
            }
        });
        for (int p = 0; p < PRODUCTS; p++) {
            String product = "wo-" + p;
            List<Long> availableAfter = cluster.jdbc().queryForList("""
                    SELECT (convert_from(payload, 'UTF8')::jsonb ->> 'availableAfter')::bigint FROM domain_event_entry
                    WHERE aggregate_identifier = ? ORDER BY sequence_number""", Long.class, product);
            assertThat(availableAfter)
                    .as(product)
                    .allSatisfy(units -> assertThat(units).isNotNegative());
            assertThat(availableAfter.get(availableAfter.size() - 1))
                    .as(product)
                    .isEqualTo(STOCK - sold.getOrDefault(product, 0L));
        }
    }

    /** Orders of 2 or 3 distinct products, in no particular product order, 1 to 3 units a line. */
    private static Map<String, List<Line>> orders(Random random) {
        Map<String, List<Line>> orders = new HashMap<>();
        for (int n = 0; n < CLIENTS * ORDERS_PER_CLIENT; n++) {
            List<Integer> products = new ArrayList<>(List.of(0, 1, 2, 3, 4));
            Collections.shuffle(products, random);
            List<Line> lines = new ArrayList<>();
            for (int product : products.subList(0, 2 + random.nextInt(2))) {
                lines.add(new Line("wo-" + product, 1 + random.nextInt(3)));
            }
            orders.put("wo-order-" + n, lines);
        }
        return orders;
    }

    private static String body(List<Line> lines) {
        return lines.stream()
                .map(line -> "{\"productId\":\"" + line.product() + "\",\"variantId\":\"v\",\"quantity\":"
                        + line.quantity() + "}")
                .collect(Collectors.joining(",", "{\"lines\":[", "]}"));
    }
}
