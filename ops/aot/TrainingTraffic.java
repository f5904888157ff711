import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The traffic of an ahead-of-time cache's training run (ops/aot/train): what order services and catalogue pages
 * send in production, on every endpoint they use, until the JIT has profiled those paths. Run with the JDK's
 * source launcher: {@code java TrainingTraffic.java <command-url|-> <query-url|-> <seconds> <products>}.
 * Every answer must be the expected status: a training run that trains on errors fails the build instead.
 */
public class TrainingTraffic {

    private static final String ORDER = "Bearer dev-order-service-token";
    private static final String CATALOGUE = "Bearer dev-catalogue-token";
    private static final String OPERATOR = "Bearer dev-operator-token";
    private static final int CLIENTS = 4;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String commands;
    private final String queries;
    private final int products;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong orders = new AtomicLong();
    /** Order ids unique to this run: a later training on the same database must not repeat one. */
    private final String orderPrefix = "training-" + ProcessHandle.current().pid() + "-";

    private TrainingTraffic(String commands, String queries, int products) {
        this.commands = commands;
        this.queries = queries;
        this.products = products;
    }

    public static void main(String[] args) throws Exception {
        TrainingTraffic traffic = new TrainingTraffic(url(args[0]), url(args[1]), Integer.parseInt(args[3]));
        long until = System.nanoTime() + Duration.ofSeconds(Long.parseLong(args[2])).toNanos();
        if (traffic.commands != null) {
            traffic.stockEveryProduct();
        }
        List<Thread> clients = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            Thread client = new Thread(() -> traffic.loopUntil(until));
            client.setUncaughtExceptionHandler((thread, failure) -> {
                synchronized (failures) {
                    failures.add(failure);
                }
            });
            client.start();
            clients.add(client);
        }
        for (Thread client : clients) {
            client.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("training traffic failed", failures.get(0));
        }
        System.out.println("training traffic: " + traffic.requests.get() + " requests");
    }

    private static String url(String argument) {
        return "-".equals(argument) ? null : argument;
    }

    private void stockEveryProduct() {
        for (int product = 0; product < products; product++) {
            long quantity = 1_000_000 + product;
            String lines = IntStream.range(0, 3)
                    .mapToObj(v -> "{\"variantId\":\"v" + v + "\",\"quantity\":" + quantity + "}")
                    .collect(Collectors.joining(","));
            send(commands + "/api/v1/inventory/" + product(product) + "/initial-stock", ORDER, "{\"lines\":[" + lines + "]}",
                    Set.of(201, 409));
        }
    }

    private void loopUntil(long until) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (System.nanoTime() < until) {
            String product = product(random.nextInt(products));
            String variant = "v" + random.nextInt(3);
            if (commands != null) {
                commandRound(random, product, variant);
            }
            if (queries != null) {
                queryRound(random, product, variant);
            }
        }
    }

    private void commandRound(ThreadLocalRandom random, String product, String variant) {
        String order = nextOrder();
        String sale = "{\"orderId\":\"" + order + "\",\"variantId\":\"" + variant + "\",\"quantity\":2}";
        String path = commands + "/api/v1/inventory/" + product;
        for (int i = 0; i < 8; i++) {
            send(path + "/sales", ORDER, "{\"orderId\":\"" + nextOrder() + "\",\"variantId\":\"" + variant + "\",\"quantity\":1}",
                    Set.of(200));
        }
        send(path + "/sales", ORDER, sale, Set.of(200), "Idempotency-Key", order);
        send(path + "/sales", ORDER, sale, Set.of(200), "Idempotency-Key", order);
        send(path + "/sales", ORDER, sale.replace("\"quantity\":2", "\"quantity\":1000000000"), Set.of(409));
        send(path + "/sales/" + order + "/restorations", ORDER,
                "{\"variantId\":\"" + variant + "\",\"quantity\":1,\"reason\":\"cancelled\"}", Set.of(200));
        send(path + "/restocks", ORDER, "{\"variantId\":\"" + variant + "\",\"quantity\":5,\"note\":\"PO-1\"}", Set.of(200));
        send(path + "/adjustments", ORDER, "{\"variantId\":\"" + variant + "\",\"delta\":-1,\"reason\":\"count\"}", Set.of(200));
        send(path + "/sales", ORDER, "{\"orderId\":\"\",\"quantity\":0}", Set.of(400));
        String lines = random.ints(0, products).distinct().limit(3)
                .mapToObj(p -> "{\"productId\":\"" + product(p) + "\",\"variantId\":\"v1\",\"quantity\":1}")
                .collect(Collectors.joining(","));
        String wholeOrder = commands + "/api/v1/orders/" + order + "-whole";
        for (int i = 0; i < 2; i++) {
            send(wholeOrder + "/sales", ORDER, "{\"lines\":[" + lines + "]}", Set.of(200));
        }
        send(wholeOrder + "/restorations", ORDER, "{\"reason\":\"cancelled\"}", Set.of(200));
    }

    private void queryRound(ThreadLocalRandom random, String product, String variant) {
        int first = random.nextInt(Math.max(1, products - 50));
        String ids = IntStream.range(0, Math.min(50, products))
                .mapToObj(i -> product(first + i))
                .collect(Collectors.joining(","));
        for (int i = 0; i < 8; i++) {
            send(queries + "/api/v1/stock?productIds=" + ids, CATALOGUE, null, Set.of(200));
            send(queries + "/api/v1/stock/" + product, CATALOGUE, null, Set.of(200, 404));
            send(queries + "/api/v1/stock/" + product + "/variants/" + variant + "?minVersion=1", CATALOGUE, null,
                    Set.of(200, 404));
        }
        send(queries + "/api/v1/stock/" + product + "/availability?quantity=3&variantId=" + variant, CATALOGUE, null,
                Set.of(200));
        send(queries + "/api/v1/inventory/" + product + "/events?fromVersion=1&limit=20", OPERATOR, null, Set.of(200, 404));
        send(queries + "/api/v1/stock/" + product + "/variants/", CATALOGUE, null, Set.of(400, 404));
    }

    private String nextOrder() {
        return orderPrefix + orders.incrementAndGet();
    }

    private static String product(int index) {
        return "training-" + index;
    }

    private void send(String url, String token, String body, Set<Integer> expected, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", token)
                .header("Accept", "application/json");
        if (headers.length > 0) {
            request.headers(headers);
        }
        if (body != null) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (!expected.contains(response.statusCode())) {
                throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(url + " interrupted", e);
        }
        requests.incrementAndGet();
    }
}
