package inventory.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.core.ConditionFactory;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * The benchmark scenarios, one per run ({@code -Dscenario=S1} ...), driven by bench/run:
 * S1 sales over 10,000 products, S2 sales on one hot product, S3 catalogue batch reads of 50
 * products, S7 whole orders of 3 lines over 10,000 products (clients looping for the duration each),
 * S4 command-to-visible lag at a given rate, S4x1 that lag with one client selling one sale at a time.
 * S6 is timed in microseconds by bench/s6.py.
 */
public class StockSimulation extends Simulation {

    private static final String SCENARIO = System.getProperty("scenario", "S1");
    private static final String COMMANDS = System.getProperty("commandUrl", "http://127.0.0.1:8080");
    private static final String QUERIES = System.getProperty("queryUrl", "http://127.0.0.1:8081");
    private static final String ORDER_TOKEN = System.getProperty("orderToken", "bench-order-service-token-0123456789abcdef");
    private static final String CATALOGUE_TOKEN = System.getProperty("catalogueToken", "bench-catalogue-token-0123456789abcdefghi");
    private static final int CLIENTS = Integer.getInteger("clients", 16);
    private static final Duration DURATION = Duration.ofSeconds(Long.getLong("seconds", 30));
    private static final int PRODUCTS = Integer.getInteger("products", 10_000);
    private static final double RATE = Double.parseDouble(System.getProperty("rate", "100"));
    private static final int PROBE_EVERY = Integer.getInteger("probeEvery", 5);
    private static final String RUN = System.getProperty("run", Long.toString(System.currentTimeMillis()));
    /** A fresh Gatling JVM is cold too: each run warms itself first, under other request names, not reported. */
    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("warmUpSeconds", 10));
    private static final String WARM_UP_PREFIX = "warm-up ";
    private static final AtomicLong ORDERS = new AtomicLong();
    private static final int ORDER_LINES = Integer.getInteger("orderLines", 3);
    /**
     * A cold run: after its warm-up this JVM waits for the side behind this readiness URL to be restarted, and
     * begins its load when the new instance is ready; the clients are warm, the instance is new, as in a
     * rolling deployment.
     */
    private static final String AWAIT_RESTART = System.getProperty("awaitRestart", "");
    /** Written once this JVM waits for that restart, so bench/run restarts the side only then. */
    private static final String WAITING_FILE = System.getProperty("waitingFile", "");

    private final HttpProtocolBuilder protocol = http
            .acceptHeader("application/json")
            .contentTypeHeader("application/json")
            .shareConnections()
            // every read is a full read, as the SQL baseline's: Gatling would otherwise send If-None-Match
            // and count the service's 304s as failed checks
            .disableCaching();

    private static String nextOrder() {
        return SCENARIO + "-" + RUN + "-" + ORDERS.incrementAndGet();
    }

    private static ScenarioBuilder sales(String name, boolean hot, Duration duration) {
        return scenario(name).during(duration).on(exec(session -> session
                        .set("product", hot ? "hot" : "b-" + ThreadLocalRandom.current().nextInt(PRODUCTS))
                        .set("order", nextOrder()))
                .exec(http(name + " sale").post(COMMANDS + "/api/v1/inventory/#{product}/sales")
                        .header("Authorization", "Bearer " + ORDER_TOKEN)
                        .body(StringBody("{\"orderId\":\"#{order}\",\"variantId\":\"v1\",\"quantity\":1}"))
                        .check(status().is(200))));
    }

    /** Whole orders of {@code ORDER_LINES} distinct products each, one variant, one unit per line. */
    private static ScenarioBuilder orders(String name, Duration duration) {
        return scenario(name).during(duration).on(exec(session -> {
                    StringBuilder lines = new StringBuilder();
                    ThreadLocalRandom.current().ints(0, PRODUCTS).distinct().limit(ORDER_LINES).forEach(product ->
                            lines.append(lines.isEmpty() ? "" : ",")
                                    .append("{\"productId\":\"b-").append(product)
                                    .append("\",\"variantId\":\"v1\",\"quantity\":1}"));
                    return session.set("order", nextOrder()).set("lines", lines.toString());
                })
                .exec(http(name + " order").post(COMMANDS + "/api/v1/orders/#{order}/sales")
                        .header("Authorization", "Bearer " + ORDER_TOKEN)
                        .body(StringBody("{\"lines\":[#{lines}]}"))
                        .check(status().is(200))));
    }

    private static ScenarioBuilder batchReads(String name, Duration duration) {
        return scenario(name).during(duration).on(exec(session -> {
                    int first = ThreadLocalRandom.current().nextInt(PRODUCTS - 50);
                    StringBuilder ids = new StringBuilder();
                    for (int i = 0; i < 50; i++) {
                        ids.append(i == 0 ? "" : ",").append("b-").append(first + i);
                    }
                    return session.set("ids", ids.toString());
                })
                .exec(http(name + " batch read").get(QUERIES + "/api/v1/stock?productIds=#{ids}")
                        .header("Authorization", "Bearer " + CATALOGUE_TOKEN)
                        .check(status().is(200), substring("\"productId\"").count().is(50))));
    }

    /**
     * A sale; after every {@code probeEvery}-th, a read that waits (minVersion) until the query side shows
     * it: that read's time is the lag. A probe is a full read, about as costly as the sale; probing every
     * sale would double the load the scenario is meant to measure the lag under.
     */
    private static ScenarioBuilder lag(String name) {
        return scenario(name).exec(session -> session
                        .set("product", "b-" + ThreadLocalRandom.current().nextInt(PRODUCTS))
                        .set("order", nextOrder())
                        .set("probe", ThreadLocalRandom.current().nextInt(PROBE_EVERY) == 0))
                .exec(http(name + " sale").post(COMMANDS + "/api/v1/inventory/#{product}/sales")
                        .header("Authorization", "Bearer " + ORDER_TOKEN)
                        .body(StringBody("{\"orderId\":\"#{order}\",\"variantId\":\"v1\",\"quantity\":1}"))
                        .check(status().is(200), jsonPath("$.version").saveAs("version")))
                .doIf("#{probe}").then(exec(http(name + " visible")
                        .get(QUERIES + "/api/v1/stock/#{product}/variants/v1?minVersion=#{version}")
                        .header("Authorization", "Bearer " + CATALOGUE_TOKEN)
                        .check(status().is(200), header("Inventory-Stale").notExists())));
    }

    /** One client: a sale, then a read that waits until the query side shows it; again and again. */
    private static ScenarioBuilder lagOneAtATime(String name, Duration duration) {
        return scenario(name).during(duration).on(exec(session -> session
                        .set("product", "b-" + ThreadLocalRandom.current().nextInt(PRODUCTS))
                        .set("order", nextOrder()))
                .exec(http(name + " sale").post(COMMANDS + "/api/v1/inventory/#{product}/sales")
                        .header("Authorization", "Bearer " + ORDER_TOKEN)
                        .body(StringBody("{\"orderId\":\"#{order}\",\"variantId\":\"v1\",\"quantity\":1}"))
                        .check(status().is(200), jsonPath("$.version").saveAs("version")))
                .exec(http(name + " visible")
                        .get(QUERIES + "/api/v1/stock/#{product}/variants/v1?minVersion=#{version}")
                        .header("Authorization", "Bearer " + CATALOGUE_TOKEN)
                        .check(status().is(200), header("Inventory-Stale").notExists())));
    }

    /** The measured phase, or the warm-up before it: a ramp to the rate for the open-model S4. */
    private PopulationBuilder population(boolean warmUp) {
        String name = warmUp ? WARM_UP_PREFIX + SCENARIO : SCENARIO;
        Duration duration = warmUp ? WARM_UP : DURATION;
        return switch (SCENARIO) {
            case "S1" -> sales(name, false, duration).injectOpen(atOnceUsers(CLIENTS));
            case "S2" -> sales(name, true, duration).injectOpen(atOnceUsers(CLIENTS));
            case "S3" -> batchReads(name, duration).injectOpen(atOnceUsers(CLIENTS));
            case "S7" -> orders(name, duration).injectOpen(atOnceUsers(CLIENTS));
            case "S4x1" -> lagOneAtATime(name, duration).injectOpen(atOnceUsers(1));
            case "S4" -> lag(name).injectOpen(warmUp
                    ? rampUsersPerSec(Math.max(1, RATE / 10)).to(RATE).during(duration)
                    : constantUsersPerSec(RATE).during(duration));
            default -> throw new IllegalArgumentException("Unknown scenario " + SCENARIO);
        };
    }

    private PopulationBuilder population() {
        if (WARM_UP.isZero()) {
            return population(false);
        }
        if (AWAIT_RESTART.isEmpty()) {
            return population(true).andThen(population(false));
        }
        return population(true).andThen(restart()).andThen(population(false));
    }

    /** One user that waits, blocking, while nothing else runs: until the side went down, then until it is ready. */
    private static PopulationBuilder restart() {
        return scenario("restart").exec(session -> {
                    awaitRestart();
                    return session;
                })
                .injectOpen(atOnceUsers(1));
    }

    private static void awaitRestart() {
        if (!WAITING_FILE.isEmpty()) {
            try {
                Files.writeString(Path.of(WAITING_FILE), AWAIT_RESTART);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest readiness = HttpRequest.newBuilder(URI.create(AWAIT_RESTART)).build();
        ConditionFactory restart = await(AWAIT_RESTART + " restarted")
                .atMost(Duration.ofMinutes(2))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(10));
        restart.until(() -> !answersOk(client, readiness));
        restart.until(() -> answersOk(client, readiness));
    }

    private static boolean answersOk(HttpClient client, HttpRequest request) throws InterruptedException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        }
    }

    {
        setUp(population()).protocols(protocol).maxDuration(WARM_UP.plus(DURATION).plusSeconds(300));
    }
}
