package com.acme.inventory.command.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Order services retry: 1,000 commands over 50 products, each sent three times with its
 * Idempotency-Key (two copies at once to different instances, one later). The store must hold one
 * event per logical command, and each product the fold of the intended commands.
 */
class RetryStormTest {

    private static final int PRODUCTS = 50;
    private static final int COMMANDS_PER_PRODUCT = 20;
    private static final long INITIAL = 1_000_000;

    private static CommandSideCluster cluster;

    @BeforeAll
    static void twoInstances() {
        cluster = new CommandSideCluster(2, "storm");
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    /** One logical command: where it goes, what it sends, and how it changes the line. */
    record Intent(String key, String path, String body, long delta) {}

    private static List<Intent> intentsFor(String product, Random random) {
        String base = "/api/v1/inventory/" + product;
        List<Intent> intents = new ArrayList<>();
        intents.add(new Intent(
                product + "-init",
                base + "/initial-stock",
                "{\"lines\":[{\"variantId\":\"v\",\"quantity\":" + INITIAL + "}]}",
                INITIAL));
        Map<String, Long> restorable = new LinkedHashMap<>();
        for (int i = 0; i < COMMANDS_PER_PRODUCT; i++) {
            String key = product + "-" + i;
            int kind = random.nextInt(4);
            if (kind == 1 && !restorable.isEmpty()) {
                String order = restorable.keySet().iterator().next();
                long quantity = 1 + random.nextInt(Math.toIntExact(restorable.get(order)));
                restorable.merge(order, -quantity, Long::sum);
                restorable.remove(order, 0L);
                intents.add(new Intent(
                        key,
                        base + "/sales/" + order + "/restorations",
                        "{\"variantId\":\"v\",\"quantity\":" + quantity + ",\"reason\":\"returned\"}",
                        quantity));
            } else if (kind == 2) {
                long quantity = 1 + random.nextInt(100);
                intents.add(new Intent(
                        key, base + "/restocks", "{\"variantId\":\"v\",\"quantity\":" + quantity + "}", quantity));
            } else if (kind == 3) {
                long delta = random.nextBoolean() ? 1 + random.nextInt(10) : -(1 + random.nextInt(10));
                intents.add(new Intent(
                        key,
                        base + "/adjustments",
                        "{\"variantId\":\"v\",\"delta\":" + delta + ",\"reason\":\"count\"}",
                        delta));
            } else {
                String order = "o-" + i;
                long quantity = 1 + random.nextInt(5);
                restorable.put(order, quantity);
                intents.add(new Intent(
                        key,
                        base + "/sales",
                        "{\"orderId\":\"" + order + "\",\"variantId\":\"v\",\"quantity\":" + quantity + "}",
                        -quantity));
            }
        }
        return intents;
    }

    /** Sends the three copies of one command and checks they were answered as one. */
    private static void sendThreeTimes(Intent intent, Random random, ExecutorService copies) throws Exception {
        int first = random.nextInt(2);
        Future<CommandClient.Reply> a =
                copies.submit(() -> cluster.client(first).post(intent.path(), intent.body(), intent.key()));
        Future<CommandClient.Reply> b =
                copies.submit(() -> cluster.client(first + 1).post(intent.path(), intent.body(), intent.key()));
        List<CommandClient.Reply> replies = new ArrayList<>(List.of(a.get(), b.get()));
        replies.add(cluster.client(random.nextInt(2)).post(intent.path(), intent.body(), intent.key()));

        assertThat(replies).extracting(CommandClient.Reply::status).allMatch(status -> status == 200 || status == 201);
        assertThat(replies)
                .extracting(CommandClient.Reply::body)
                .containsOnly(replies.get(0).body());
        assertThat(replies).filteredOn(reply -> !reply.replayed()).hasSize(1);
    }

    @Test
    void everyLogicalCommandIsStoredOnceAndStockIsTheFoldOfTheIntents() throws Exception {
        ExecutorService producers = Executors.newFixedThreadPool(16);
        ExecutorService copies = Executors.newFixedThreadPool(32);
        Map<String, Long> expected = new LinkedHashMap<>();
        List<CompletableFuture<Void>> work = new ArrayList<>();
        for (int p = 0; p < PRODUCTS; p++) {
            String product = "storm-" + p;
            Random random = new Random(p);
            List<Intent> intents = intentsFor(product, random);
            expected.put(product, intents.stream().mapToLong(Intent::delta).sum());
            work.add(CompletableFuture.runAsync(
                    () -> {
                        try {
                            for (Intent intent : intents) {
                                sendThreeTimes(intent, random, copies);
                            }
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    },
                    producers));
        }
        CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).join();
        producers.shutdown();
        copies.shutdown();

        var jdbc = cluster.jdbc();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class))
                .isEqualTo((long) PRODUCTS * (COMMANDS_PER_PRODUCT + 1));
        for (var product : expected.entrySet()) {
            assertThat(jdbc.queryForObject(
                            "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                            Long.class,
                            product.getKey()))
                    .isEqualTo(COMMANDS_PER_PRODUCT + 1);
            Long available = jdbc.queryForObject("""
                    SELECT (convert_from(payload, 'UTF8')::jsonb ->> 'availableAfter')::bigint FROM domain_event_entry
                    WHERE aggregate_identifier = ? ORDER BY sequence_number DESC LIMIT 1""", Long.class, product.getKey());
            assertThat(available).as(product.getKey()).isEqualTo(product.getValue());
        }
    }
}
