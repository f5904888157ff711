package com.acme.inventory.command.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.inventory.command.CommandSideApplication;
import com.acme.inventory.platform.testing.ServiceProcess;
import com.acme.inventory.platform.testing.TestDatabase;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A command-side process is SIGKILLed under load and restarted; clients retry what was not answered
 * with the same Idempotency-Keys. Every sale acknowledged before the crash has exactly one event per
 * line, no sale has two, and no whole order is ever partly recorded.
 */
class CrashRecoveryTest {

    private static final Logger log = LoggerFactory.getLogger(CrashRecoveryTest.class);

    private static final int PRODUCTS = 20;
    private static final int CLIENTS = 16;

    /** A sale of one line or a whole order of several, under its order id. */
    record Sale(String orderId, String path, String body, long lines) {

        String key() {
            return "key-" + orderId;
        }
    }

    private static Sale singleLine(int n) {
        return new Sale(
                "o-" + n,
                "/api/v1/inventory/crash-" + (n % PRODUCTS) + "/sales",
                "{\"orderId\":\"o-" + n + "\",\"variantId\":\"v\",\"quantity\":1}",
                1);
    }

    /** Two or three lines over consecutive products (a different first product for each order). */
    private static Sale wholeOrder(int n) {
        int lines = 2 + n % 2;
        StringBuilder body = new StringBuilder("{\"lines\":[");
        for (int line = 0; line < lines; line++) {
            body.append(line == 0 ? "" : ",")
                    .append("{\"productId\":\"crash-")
                    .append((n + line) % PRODUCTS)
                    .append("\",\"variantId\":\"v\",\"quantity\":1}");
        }
        return new Sale(
                "w-" + n, "/api/v1/orders/w-" + n + "/sales", body.append("]}").toString(), lines);
    }

    @Test
    void acknowledgedSalesSurviveAKillAndRetriesNeverDoubleThem() throws Exception {
        survivesAKill("crash", CrashRecoveryTest::singleLine);
    }

    @Test
    void acknowledgedWholeOrdersSurviveAKillAndNoOrderIsEverPartlyRecorded() throws Exception {
        survivesAKill("crash-orders", CrashRecoveryTest::wholeOrder);
    }

    private void survivesAKill(String purpose, IntFunction<Sale> sales) throws Exception {
        String url = TestDatabase.freshUrl(purpose);
        File logFile = new File("target/" + purpose + "-command-side.log");
        ServiceProcess commandSide = new ServiceProcess(CommandSideApplication.class.getName(), url, logFile);
        commandSide.start();
        try {
            CommandClient client = new CommandClient(commandSide.port());
            for (int p = 0; p < PRODUCTS; p++) {
                assertThat(client.post(
                                        "/api/v1/inventory/crash-" + p + "/initial-stock",
                                        "{\"lines\":[{\"variantId\":\"v\",\"quantity\":1000000000}]}",
                                        null)
                                .status())
                        .isEqualTo(201);
            }

            Queue<Sale> acknowledged = new ConcurrentLinkedQueue<>();
            Queue<Sale> unanswered = new ConcurrentLinkedQueue<>();
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger sequence = new AtomicInteger();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (int c = 0; c < CLIENTS; c++) {
                clients.submit(() -> {
                    while (running.get()) {
                        int n = sequence.getAndIncrement();
                        Sale sale = sales.apply(n);
                        try {
                            CommandClient.Reply reply = client.post(sale.path(), sale.body(), sale.key());
                            (reply.status() == 200 ? acknowledged : unanswered).add(sale);
                        } catch (IOException connectionLost) {
                            unanswered.add(sale);
                        }
                    }
                });
            }

            Awaitility.await("sales under way").atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 200);
            commandSide.kill();
            running.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            log.info(
                    "Killed the command side at {} acknowledged sales; {} unanswered",
                    acknowledged.size(),
                    unanswered.size());
            assertThat(unanswered)
                    .as("requests in flight when the process died")
                    .isNotEmpty();

            commandSide.start();
            List<Sale> retried = new ArrayList<>();
            for (Sale sale : unanswered) {
                assertThat(client.post(sale.path(), sale.body(), sale.key()).status())
                        .as(sale.toString())
                        .isEqualTo(200);
                retried.add(sale);
            }

            JdbcTemplate jdbc =
                    new JdbcTemplate(new DriverManagerDataSource(url, TestDatabase.USER, TestDatabase.PASSWORD));
            Map<String, Long> eventsPerOrder = new HashMap<>();
            jdbc.query("""
                    SELECT convert_from(payload, 'UTF8')::jsonb ->> 'orderId', COUNT(*) FROM domain_event_entry
                    WHERE payload_type = 'com.acme.inventory.api.StockDeductedForSaleEvent' GROUP BY 1""", rs -> {
                eventsPerOrder.put(rs.getString(1), rs.getLong(2));
            });
            Map<String, Long> linesPerOrder = new HashMap<>();
            for (int n = 0; n < sequence.get(); n++) {
                Sale sale = sales.apply(n);
                linesPerOrder.put(sale.orderId(), sale.lines());
            }
            assertThat(eventsPerOrder)
                    .as("every recorded sale has all of its lines, once")
                    .allSatisfy((orderId, events) -> assertThat(events).isEqualTo(linesPerOrder.get(orderId)));
            assertThat(acknowledged)
                    .allSatisfy(sale -> assertThat(eventsPerOrder).containsEntry(sale.orderId(), sale.lines()));
            assertThat(retried)
                    .allSatisfy(sale -> assertThat(eventsPerOrder).containsEntry(sale.orderId(), sale.lines()));
            assertThat(eventsPerOrder).hasSize(acknowledged.size() + retried.size());
        } finally {
            commandSide.stop();
        }
    }
}
