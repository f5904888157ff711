package com.acme.inventory.command.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.inventory.command.infrastructure.GroupCommitCommandBus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A command is answered within {@code inventory.command.answer-within} plus the transaction in flight: applied
 * (200), or 409 {@code CONCURRENT_MODIFICATION} with nothing recorded. Here with a bound of one second, on
 * one hot product written through two instances at once, and behind a writer held past the bound.
 */
class AnswerBoundTest {

    private static final long BOUND_MILLIS = 1_000;
    private static final long TRANSACTION_MARGIN_MILLIS = 1_000;
    private static final int CLIENTS = 32;
    private static final int SALES_PER_CLIENT = 25;

    private static CommandSideCluster cluster;

    @BeforeAll
    static void twoInstances() {
        cluster = new CommandSideCluster(2, "answer-bound", "--inventory.command.answer-within=" + BOUND_MILLIS + "ms");
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    record Outcome(String orderId, int status, String code, long millis) {}

    @Test
    void salesOfOneProductThroughTwoInstancesAreAnsweredWithinTheBound() throws Exception {
        String product = initialized("bound-hot");
        Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.add(pool.submit(() -> {
                for (int i = 0; i < SALES_PER_CLIENT; i++) {
                    String orderId = "b-" + client + "-" + i;
                    outcomes.put(orderId, timedSale(cluster.client(client + i), product, orderId));
                }
                return null;
            }));
        }
        for (Future<?> client : clients) {
            client.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(outcomes.values())
                .extracting(outcome -> outcome.status() + " " + outcome.code())
                .contains("200 null")
                .allMatch(outcome -> outcome.equals("200 null") || outcome.equals("409 CONCURRENT_MODIFICATION"));
        assertThat(outcomes.values())
                .extracting(Outcome::millis)
                .allMatch(millis -> millis <= BOUND_MILLIS + TRANSACTION_MARGIN_MILLIS);
        Map<String, Long> recorded = salesRecorded(product);
        outcomes.values()
                .forEach(outcome -> assertThat(recorded.getOrDefault(outcome.orderId(), 0L))
                        .as(outcome.toString())
                        .isEqualTo(outcome.status() == 200 ? 1 : 0));
    }

    @Test
    void commandsQueuedBehindAWriterHeldPastTheBoundAreAnswered409AndNotRecorded() throws Exception {
        String product = initialized("bound-held");
        WriterHold hold = new WriterHold();
        cluster.instance(0).getBean(GroupCommitCommandBus.class).registerHandlerInterceptor(hold);
        WriterHold.Gate held = hold.holdAfter("held-first");
        ExecutorService pool = Executors.newCachedThreadPool();
        CompletableFuture<Outcome> first =
                CompletableFuture.supplyAsync(() -> timedSale(cluster.client(0), product, "held-first"), pool);
        held.awaitReached();
        List<CompletableFuture<Outcome>> queued = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String orderId = "held-" + i;
            queued.add(CompletableFuture.supplyAsync(() -> timedSale(cluster.client(0), product, orderId), pool));
        }
        TimeUnit.MILLISECONDS.sleep(BOUND_MILLIS + 300);
        held.release();

        assertThat(first.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
        for (CompletableFuture<Outcome> sale : queued) {
            Outcome outcome = sale.get(30, TimeUnit.SECONDS);
            assertThat(outcome.status() + " " + outcome.code()).isEqualTo("409 CONCURRENT_MODIFICATION");
        }
        pool.shutdown();
        assertThat(salesRecorded(product)).containsOnlyKeys("held-first");
    }

    private static String initialized(String product) throws IOException {
        assertThat(cluster.client(0)
                        .post(
                                "/api/v1/inventory/" + product + "/initial-stock",
                                "{\"lines\":[{\"variantId\":\"v\",\"quantity\":1000000}]}",
                                null)
                        .status())
                .isEqualTo(201);
        return product;
    }

    private static Outcome timedSale(CommandClient client, String product, String orderId) {
        long started = System.nanoTime();
        try {
            CommandClient.Reply reply = client.post(
                    "/api/v1/inventory/" + product + "/sales",
                    "{\"orderId\":\"" + orderId + "\",\"variantId\":\"v\",\"quantity\":1}",
                    null);
            return new Outcome(
                    orderId, reply.status(), reply.code(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Long> salesRecorded(String product) {
        Map<String, Long> recorded = new HashMap<>();
        cluster.jdbc()
                .query(
                        """
                SELECT convert_from(payload, 'UTF8')::jsonb ->> 'orderId', COUNT(*) FROM domain_event_entry
                WHERE aggregate_identifier = ?
                AND payload_type = 'com.acme.inventory.api.StockDeductedForSaleEvent' GROUP BY 1""",
                        rs -> {
                            recorded.put(rs.getString(1), rs.getLong(2));
                        },
                        product);
        return recorded;
    }
}
