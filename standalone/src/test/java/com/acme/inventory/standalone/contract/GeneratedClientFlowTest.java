package com.acme.inventory.standalone.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.acme.inventory.client.command.StockCommandsApi;
import com.acme.inventory.client.command.invoker.ApiException;
import com.acme.inventory.client.command.invoker.ApiResponse;
import com.acme.inventory.client.command.model.ErrorCode;
import com.acme.inventory.client.command.model.EventType;
import com.acme.inventory.client.command.model.InitialLine;
import com.acme.inventory.client.command.model.InitialStockRequest;
import com.acme.inventory.client.command.model.InitialStockResult;
import com.acme.inventory.client.command.model.Problem;
import com.acme.inventory.client.command.model.SaleRequest;
import com.acme.inventory.client.command.model.StockChangeResult;
import com.acme.inventory.client.query.HistoryApi;
import com.acme.inventory.client.query.StockApi;
import com.acme.inventory.client.query.model.HistoryEntry;
import com.acme.inventory.client.query.model.ProductHistory;
import com.acme.inventory.client.query.model.VariantStock;
import com.acme.inventory.command.CommandSideApplication;
import com.acme.inventory.platform.testing.PostgresProperties;
import com.acme.inventory.platform.testing.TestDatabase;
import com.acme.inventory.query.QuerySideApplication;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole flow through clients that OpenAPI Generator (Java, {@code native}) made at build time from
 * the published documents, as an order service and a catalogue would: every answer must deserialize
 * into the generated types, and a rejection must be readable as its code.
 */
class GeneratedClientFlowTest {

    private static final Logger log = LoggerFactory.getLogger(GeneratedClientFlowTest.class);

    private static ConfigurableApplicationContext commandSide;
    private static ConfigurableApplicationContext querySide;
    private static StockCommandsApi commands;
    private static StockApi stock;
    private static HistoryApi history;

    @BeforeAll
    static void startBothSides() {
        String url = TestDatabase.freshUrl("client");
        commandSide = CommandSideApplication.application().run(PostgresProperties.args(url, "--server.port=0"));
        querySide = QuerySideApplication.application().run(PostgresProperties.args(url, "--server.port=0"));
        var commandClient = new com.acme.inventory.client.command.invoker.ApiClient();
        commandClient.updateBaseUri(base(commandSide));
        commandClient.setRequestInterceptor(
                request -> request.header("Authorization", "Bearer " + PostgresProperties.ORDER_SERVICE_TOKEN));
        commands = new StockCommandsApi(commandClient);
        var queryClient = new com.acme.inventory.client.query.invoker.ApiClient();
        queryClient.updateBaseUri(base(querySide));
        queryClient.setRequestInterceptor(
                request -> request.header("Authorization", "Bearer " + PostgresProperties.OPERATOR_TOKEN));
        stock = new StockApi(queryClient);
        history = new HistoryApi(queryClient);
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

    private static String base(ConfigurableApplicationContext side) {
        return "http://127.0.0.1:" + side.getEnvironment().getRequiredProperty("local.server.port");
    }

    @Test
    void theGeneratedClientsRunTheWholeFlow() throws Exception {
        String product = "client-" + UUID.randomUUID();

        InitialStockResult initial = commands.initializeStock(
                product,
                new InitialStockRequest()
                        .lines(List.of(
                                new InitialLine().variantId("red-m").quantity(10L),
                                new InitialLine().variantId("blue-l").quantity(5L))),
                null);
        assertThat(initial.getVersion()).isEqualTo(2);
        log.info("initial stock: {}", initial);

        SaleRequest sale = new SaleRequest().orderId("o-1").variantId("red-m").quantity(3L);
        ApiResponse<StockChangeResult> sold = commands.deductStockForSaleWithHttpInfo(product, sale, "key-" + product);
        assertThat(sold.getStatusCode()).isEqualTo(200);
        assertThat(sold.getData().getEventType()).isEqualTo(EventType.SALE_DEDUCT);
        assertThat(sold.getData().getAvailable()).isEqualTo(7);
        assertThat(sold.getData().getVersion()).isEqualTo(3);
        assertThat(sold.getHeaders()).doesNotContainKey("idempotent-replayed");
        log.info("sale: {}", sold.getData());

        ApiResponse<StockChangeResult> replayed =
                commands.deductStockForSaleWithHttpInfo(product, sale, "key-" + product);
        assertThat(replayed.getData()).isEqualTo(sold.getData());
        assertThat(replayed.getHeaders().get("idempotent-replayed")).containsExactly("true");
        log.info("the same sale with its key: {} (Idempotent-Replayed: true)", replayed.getData());

        var read = stock.getVariantStockWithHttpInfo(
                product, "red-m", sold.getData().getVersion(), null);
        VariantStock line = read.getData();
        assertThat(line.getAvailable()).isEqualTo(7);
        assertThat(line.getVersion()).isGreaterThanOrEqualTo(3);
        assertThat(read.getHeaders()).doesNotContainKey("inventory-stale").containsKey("inventory-projection-lag-ms");
        log.info("read with minVersion {}: {}", sold.getData().getVersion(), line);

        String tag = read.getHeaders().get("etag").get(0);
        // the generated client reports every status outside 2xx as an ApiException, 304 included
        var notModified = catchThrowableOfType(
                com.acme.inventory.client.query.invoker.ApiException.class,
                () -> stock.getVariantStockWithHttpInfo(product, "red-m", null, tag));
        assertThat(notModified).as("the read with If-None-Match").isNotNull();
        assertThat(notModified.getCode()).isEqualTo(304);
        assertThat(notModified.getResponseBody()).isNullOrEmpty();
        log.info("read again with If-None-Match {}: 304", tag);

        ProductHistory events = history.getProductHistory(product, 1L, 100);
        assertThat(events.getEvents())
                .extracting(HistoryEntry::getType)
                .containsExactly(
                        HistoryEntry.TypeEnum.INITIAL_STOCK,
                        HistoryEntry.TypeEnum.INITIAL_STOCK,
                        HistoryEntry.TypeEnum.SALE_DEDUCT);
        assertThat(events.getNextFromVersion()).isNull();
        log.info(
                "history: {} events, last {}",
                events.getEvents().size(),
                events.getEvents().get(2));

        ApiException rejected = catchThrowableOfType(
                ApiException.class,
                () -> commands.deductStockForSale(
                        product,
                        new SaleRequest().orderId("o-2").variantId("red-m").quantity(8L),
                        null));
        Problem problem =
                new ObjectMapper().findAndRegisterModules().readValue(rejected.getResponseBody(), Problem.class);
        assertThat(rejected.getCode()).isEqualTo(409);
        assertThat(problem.getCode()).isEqualTo(ErrorCode.INSUFFICIENT_STOCK);
        assertThat(problem.getAvailable()).isEqualTo(7);
        log.info("rejection: {} {} available {}", rejected.getCode(), problem.getCode(), problem.getAvailable());
    }

    @Test
    void eachSidePublishesTheDocumentTheClientsWereGeneratedFrom() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (var side : List.of(commandSide, querySide)) {
            String name = side == commandSide ? "command-side" : "query-side";
            HttpResponse<String> published = http.send(
                    HttpRequest.newBuilder(URI.create(base(side) + "/v3/api-docs"))
                            .header("Authorization", "Bearer " + PostgresProperties.CATALOGUE_TOKEN)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(published.statusCode()).isEqualTo(200);
            Path source = Path.of("..", name, "src/main/resources/openapi", name + ".yaml");
            assertThat(new ObjectMapper().readTree(published.body()))
                    .isEqualTo(new YAMLMapper().readTree(Files.readString(source)));
        }
    }
}
