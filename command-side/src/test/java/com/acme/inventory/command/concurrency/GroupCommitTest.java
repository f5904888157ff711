package com.acme.inventory.command.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.inventory.command.infrastructure.GroupCommitCommandBus;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The group-commit writer's failure semantics, each on a batch formed on purpose: the writer is held in a
 * transaction of its own while the commands under test queue up behind it, so that they all run in the next
 * one, in the order they were sent. A second instance plays the other writer of a conflict.
 */
class GroupCommitTest {

    private static final AtomicInteger PRODUCTS = new AtomicInteger();

    private static CommandSideCluster cluster;
    private static WriterHold hold;
    private static MeterRegistry meters;
    private static ExecutorService clients;

    /** One request of a batch. */
    record Call(String path, String body, String key) {}

    @BeforeAll
    static void twoInstances() {
        cluster = new CommandSideCluster(2, "group-commit");
        hold = new WriterHold();
        cluster.instance(0).getBean(GroupCommitCommandBus.class).registerHandlerInterceptor(hold);
        meters = cluster.instance(0).getBean(MeterRegistry.class);
        clients = Executors.newCachedThreadPool();
    }

    @AfterAll
    static void stop() {
        clients.shutdownNow();
        cluster.close();
    }

    @Test
    void aRejectionAnswersItsCommandAloneAndEachCommandIsJudgedOnTheStateTheOneBeforeLeft() throws Exception {
        String a = product(3);
        String b = product(1);

        List<CommandClient.Reply> replies = inOneBatch(
                sale(a, "r-1", 1), sale(a, "r-2", 5), sale(a, "r-3", 1), sale(b, "r-4", 1), sale(b, "r-5", 1));

        assertThat(replies).extracting(CommandClient.Reply::status).containsExactly(200, 409, 200, 200, 409);
        assertThat(replies.get(0).json().get("available").asLong()).isEqualTo(2);
        assertThat(replies.get(1).code()).isEqualTo("INSUFFICIENT_STOCK");
        assertThat(replies.get(1).json().get("available").asLong()).isEqualTo(2);
        assertThat(replies.get(2).json().get("available").asLong()).isEqualTo(1);
        assertThat(replies.get(3).json().get("available").asLong()).isZero();
        assertThat(replies.get(4).code()).isEqualTo("INSUFFICIENT_STOCK");
        assertThat(replies.get(4).json().get("available").asLong()).isZero();
        assertThat(hold.attemptsWith(List.of("r-1", "r-2", "r-3", "r-4", "r-5")))
                .as("one transaction, not retried")
                .containsExactly(List.of("r-1", "r-2", "r-3", "r-4", "r-5"));
        assertThat(saleEvents(a)).isEqualTo(2);
        assertThat(saleEvents(b)).isEqualTo(1);
    }

    @Test
    void nothingIsAnsweredOrVisibleBeforeTheBatchCommits() throws Exception {
        String c = product(10);
        WriterHold.Gate beforeCommit = hold.holdAfter("n-3");

        List<CompletableFuture<CommandClient.Reply>> pending =
                queueOneBatch(sale(c, "n-1", 1), sale(c, "n-2", 1), sale(c, "n-3", 1));
        beforeCommit.awaitReached();
        // the three ran; their transaction is open: give a wrong early answer time to arrive
        TimeUnit.MILLISECONDS.sleep(300);
        assertThat(pending).noneMatch(CompletableFuture::isDone);
        assertThat(saleEvents(c)).isZero();
        beforeCommit.release();

        assertThat(join(pending)).extracting(CommandClient.Reply::status).containsExactly(200, 200, 200);
        assertThat(saleEvents(c)).isEqualTo(3);
        assertThat(hold.attemptsWith(List.of("n-1"))).containsExactly(List.of("n-1", "n-2", "n-3"));
    }

    @Test
    void aConflictWithAnotherInstanceRunsTheBatchAgainFromFreshState() throws Exception {
        String d = product(10);
        String e = product(10);
        assertThat(cluster.client(0).post(salesOf(d), saleBody("warm", 1), null).status())
                .as("d's state is now cached by instance 0")
                .isEqualTo(200);
        double retriesBefore = meters.counter("inventory.command.retries").count();
        WriterHold.Gate afterFirst = hold.holdAfter("c-1");

        List<CompletableFuture<CommandClient.Reply>> pending = queueOneBatch(sale(d, "c-1", 1), sale(e, "c-2", 1));
        afterFirst.awaitReached();
        CommandClient.Reply restock = cluster.client(1)
                .post("/api/v1/inventory/" + d + "/restocks", "{\"variantId\":\"v\",\"quantity\":100}", null);
        assertThat(restock.status()).as(restock.body()).isEqualTo(200);
        afterFirst.release();
        List<CommandClient.Reply> replies = join(pending);

        assertThat(replies).extracting(CommandClient.Reply::status).containsExactly(200, 200);
        assertThat(replies.get(0).json().get("available").asLong())
                .as("judged again on the restocked state")
                .isEqualTo(9 + 100 - 1);
        assertThat(replies.get(1).json().get("available").asLong()).isEqualTo(9);
        assertThat(hold.attemptsWith(List.of("c-1", "c-2")))
                .containsExactly(List.of("c-1", "c-2"), List.of("c-1", "c-2"));
        assertThat(meters.counter("inventory.command.retries").count() - retriesBefore)
                .isEqualTo(2);
        assertThat(events(d)).containsExactly(0L, 1L, 2L, 3L);
        assertThat(saleEvents(e)).isEqualTo(1);
    }

    @Test
    void aCommandThatFailsTakesNoOtherCommandsAnswerWithIt() throws Exception {
        String f = product(10);
        String g = product(10);
        String h = product(10);
        hold.fail("p-2", Integer.MAX_VALUE);

        List<CommandClient.Reply> replies = inOneBatch(sale(f, "p-1", 1), sale(g, "p-2", 1), sale(h, "p-3", 1));

        assertThat(replies).extracting(CommandClient.Reply::status).containsExactly(200, 503, 200);
        assertThat(replies.get(1).code()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(hold.attemptsWith(List.of("p-1", "p-2", "p-3")))
                .as("the batch rolled back, then each command ran on its own")
                .containsExactly(List.of("p-1", "p-2"), List.of("p-1"), List.of("p-2"), List.of("p-3"));
        assertThat(saleEvents(f)).isEqualTo(1);
        assertThat(saleEvents(g)).isZero();
        assertThat(saleEvents(h)).isEqualTo(1);
    }

    @Test
    void aFailureThatPassesRollsTheBatchBackAndEveryCommandIsRecordedOnce() throws Exception {
        String k = product(10);
        hold.fail("q-2", 1);

        List<CommandClient.Reply> replies = inOneBatch(sale(k, "q-1", 1), sale(k, "q-2", 1), sale(k, "q-3", 1));

        assertThat(replies).extracting(CommandClient.Reply::status).containsExactly(200, 200, 200);
        assertThat(replies)
                .extracting(reply -> reply.json().get("available").asLong())
                .containsExactly(9L, 8L, 7L);
        assertThat(saleEvents(k)).isEqualTo(3);
    }

    @Test
    void idempotencyHoldsInsideOneBatch() throws Exception {
        String i = product(10);
        String j = product(10);
        String order = "{\"lines\":[{\"productId\":\"" + i + "\",\"variantId\":\"v\",\"quantity\":1},"
                + "{\"productId\":\"" + j + "\",\"variantId\":\"v\",\"quantity\":1}]}";
        String otherOrder = "{\"lines\":[{\"productId\":\"" + i + "\",\"variantId\":\"v\",\"quantity\":2}]}";

        List<CommandClient.Reply> replies = inOneBatch(
                new Call(salesOf(i), saleBody("k-1", 1), "key-" + i),
                new Call(salesOf(i), saleBody("k-1", 1), "key-" + i),
                new Call(salesOf(i), saleBody("k-1", 1), null),
                new Call(salesOf(i), saleBody("k-1", 2), null),
                new Call("/api/v1/orders/w-" + i + "/sales", order, null),
                new Call("/api/v1/orders/w-" + i + "/sales", order, null),
                new Call("/api/v1/orders/w-" + i + "/sales", otherOrder, null));

        assertThat(replies).extracting(CommandClient.Reply::status).containsExactly(200, 200, 200, 409, 200, 200, 409);
        assertThat(replies.get(1).body()).isEqualTo(replies.get(0).body());
        assertThat(replies.get(1).replayed()).isTrue();
        assertThat(replies.get(2).body())
                .as("the same order line again")
                .isEqualTo(replies.get(0).body());
        assertThat(replies.get(3).code()).isEqualTo("SALE_ALREADY_RECORDED");
        assertThat(replies.get(5).body())
                .as("the same order again")
                .isEqualTo(replies.get(4).body());
        assertThat(replies.get(6).code()).isEqualTo("SALE_ALREADY_RECORDED");
        assertThat(hold.attemptsWith(List.of("k-1", "w-" + i))).hasSize(1);
        assertThat(saleEvents(i)).isEqualTo(2);
        assertThat(saleEvents(j)).isEqualTo(1);
    }

    /** Queues the calls behind a held batch, in order, releases it, and answers the calls' replies. */
    private static List<CommandClient.Reply> inOneBatch(Call... calls) throws Exception {
        return join(queueOneBatch(calls));
    }

    private static List<CompletableFuture<CommandClient.Reply>> queueOneBatch(Call... calls) throws Exception {
        String blocker = product(1);
        WriterHold.Gate held = hold.holdAfter("hold-" + blocker);
        CompletableFuture<CommandClient.Reply> first = send(sale(blocker, "hold-" + blocker, 1));
        held.awaitReached();
        List<CompletableFuture<CommandClient.Reply>> pending = new ArrayList<>();
        for (Call call : calls) {
            pending.add(send(call));
            awaitQueued(pending.size());
        }
        held.release();
        assertThat(first.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
        return pending;
    }

    private static List<CommandClient.Reply> join(List<CompletableFuture<CommandClient.Reply>> pending)
            throws Exception {
        List<CommandClient.Reply> replies = new ArrayList<>();
        for (CompletableFuture<CommandClient.Reply> reply : pending) {
            replies.add(reply.get(30, TimeUnit.SECONDS));
        }
        return replies;
    }

    private static CompletableFuture<CommandClient.Reply> send(Call call) {
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return cluster.client(0).post(call.path(), call.body(), call.key());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                },
                clients);
    }

    private static void awaitQueued(int commands) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (meters.get("inventory.command.queued").gauge().value() < commands) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the writer's queue never reached " + commands + " commands");
            }
            TimeUnit.MILLISECONDS.sleep(2);
        }
    }

    private static String product(long units) throws IOException {
        String product = "gc-" + PRODUCTS.incrementAndGet();
        CommandClient.Reply reply = cluster.client(0)
                .post(
                        "/api/v1/inventory/" + product + "/initial-stock",
                        "{\"lines\":[{\"variantId\":\"v\",\"quantity\":" + units + "}]}",
                        null);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return product;
    }

    private static Call sale(String product, String orderId, long quantity) {
        return new Call(salesOf(product), saleBody(orderId, quantity), null);
    }

    private static String salesOf(String product) {
        return "/api/v1/inventory/" + product + "/sales";
    }

    private static String saleBody(String orderId, long quantity) {
        return "{\"orderId\":\"" + orderId + "\",\"variantId\":\"v\",\"quantity\":" + quantity + "}";
    }

    private static long saleEvents(String product) {
        return cluster.jdbc()
                .queryForObject(
                        "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?"
                                + " AND payload_type = 'com.acme.inventory.api.StockDeductedForSaleEvent'",
                        Long.class,
                        product);
    }

    private static List<Long> events(String product) {
        return cluster.jdbc()
                .queryForList(
                        "SELECT sequence_number FROM domain_event_entry WHERE aggregate_identifier = ?"
                                + " ORDER BY sequence_number",
                        Long.class,
                        product);
    }
}
