package com.acme.inventory.command.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.acme.inventory.command.CommandSideTest;
import com.acme.inventory.platform.testing.PostgresProperties;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Whole orders through the real stack on PostgreSQL: every outcome, its status, code and offending lines,
 * and that a rejected order records no event on any of its products.
 */
@CommandSideTest
class OrderApiTest {

    private static final String ORDER_SERVICE = "Bearer " + PostgresProperties.ORDER_SERVICE_TOKEN;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    private MockHttpServletRequestBuilder post(String path, String json) {
        return org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                .header("Authorization", ORDER_SERVICE)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json);
    }

    private ResultActions send(String path, String json) throws Exception {
        return mvc.perform(post(path, json));
    }

    private static String order() {
        return "o-" + UUID.randomUUID();
    }

    /** A product with the given variants and units (a null variant: product-level stock). */
    private String product(String variant, long units) throws Exception {
        String product = "p-" + UUID.randomUUID();
        String line = variant == null
                ? "{\"quantity\":" + units + "}"
                : "{\"variantId\":\"" + variant + "\",\"quantity\":" + units + "}";
        send("/api/v1/inventory/" + product + "/initial-stock", "{\"lines\":[" + line + "]}")
                .andExpect(status().isCreated());
        return product;
    }

    private static String line(String product, String variant, long quantity) {
        return variant == null
                ? "{\"productId\":\"" + product + "\",\"quantity\":" + quantity + "}"
                : "{\"productId\":\"" + product + "\",\"variantId\":\"" + variant + "\",\"quantity\":" + quantity + "}";
    }

    private static String lines(String... lines) {
        return "{\"lines\":[" + String.join(",", lines) + "]}";
    }

    private long events(List<String> products) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ANY (?)", Long.class, (Object)
                        products.toArray(String[]::new));
    }

    @FunctionalInterface
    private interface Request {
        ResultActions perform() throws Exception;
    }

    /** Sends the request after counting the products' events; asserts the problem and that none was added. */
    private ResultActions rejected(List<String> products, Request request, int status, String code) throws Exception {
        long before = events(products);
        ResultActions result = request.perform()
                .andExpect(status().is(status))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value(code));
        assertThat(events(products))
                .as("events of the order's products after a %d %s", status, code)
                .isEqualTo(before);
        return result;
    }

    // ---- sales

    @Test
    void aWholeOrderSellsEveryLineInOneGoInRequestOrder() throws Exception {
        String a = product("red-m", 10);
        String b = product(null, 1);
        String order = order();
        send("/api/v1/orders/" + order + "/sales", lines(line(a, "red-m", 2), line(b, null, 1)))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.orderId").value(order))
                .andExpect(jsonPath("$.lines[0].productId").value(a))
                .andExpect(jsonPath("$.lines[0].variantId").value("red-m"))
                .andExpect(jsonPath("$.lines[0].quantity").value(2))
                .andExpect(jsonPath("$.lines[0].available").value(8))
                .andExpect(jsonPath("$.lines[0].version").value(2))
                .andExpect(jsonPath("$.lines[1].productId").value(b))
                .andExpect(jsonPath("$.lines[1].variantId").isEmpty())
                .andExpect(jsonPath("$.lines[1].available").value(0));
        assertThat(jdbc.queryForList("""
                        SELECT convert_from(payload, 'UTF8')::jsonb ->> 'orderId' FROM domain_event_entry
                        WHERE aggregate_identifier = ANY (?) AND sequence_number = 1""", String.class, (Object) new String[] {a, b}))
                .containsExactly(order, order);
    }

    @Test
    void twoVariantsOfOneProductInOneOrderEachTakeTheirLine() throws Exception {
        String product = "p-" + UUID.randomUUID();
        send(
                        "/api/v1/inventory/" + product + "/initial-stock",
                        "{\"lines\":[{\"variantId\":\"a\",\"quantity\":5},{\"variantId\":\"b\",\"quantity\":5}]}")
                .andExpect(status().isCreated());
        send("/api/v1/orders/" + order() + "/sales", lines(line(product, "a", 1), line(product, "b", 2)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lines[0].available").value(4))
                .andExpect(jsonPath("$.lines[0].version").value(3))
                .andExpect(jsonPath("$.lines[1].available").value(3))
                .andExpect(jsonPath("$.lines[1].version").value(4));
    }

    @Test
    void oneShortLineOfThreeRejectsTheOrderNamingThatLine() throws Exception {
        String a = product("v", 10);
        String b = product("v", 1);
        String c = product("v", 10);
        rejected(
                        List.of(a, b, c),
                        () -> send(
                                "/api/v1/orders/" + order() + "/sales",
                                lines(line(a, "v", 2), line(b, "v", 3), line(c, "v", 4))),
                        409,
                        "INSUFFICIENT_STOCK")
                .andExpect(jsonPath("$.lines.length()").value(1))
                .andExpect(jsonPath("$.lines[0].productId").value(b))
                .andExpect(jsonPath("$.lines[0].variantId").value("v"))
                .andExpect(jsonPath("$.lines[0].code").value("INSUFFICIENT_STOCK"))
                .andExpect(jsonPath("$.lines[0].requested").value(3))
                .andExpect(jsonPath("$.lines[0].available").value(1));
    }

    @Test
    void everyOffendingLineIsNamedAndTheFirstCodeInTheContractsOrderLeads() throws Exception {
        String a = product("v", 1);
        String missing = "p-" + UUID.randomUUID();
        rejected(
                        List.of(a, missing),
                        () -> send(
                                "/api/v1/orders/" + order() + "/sales", lines(line(a, "v", 2), line(missing, "v", 1))),
                        404,
                        "PRODUCT_NOT_FOUND")
                .andExpect(jsonPath("$.lines.length()").value(2))
                .andExpect(jsonPath("$.lines[0].code").value("INSUFFICIENT_STOCK"))
                .andExpect(jsonPath("$.lines[1].productId").value(missing))
                .andExpect(jsonPath("$.lines[1].code").value("PRODUCT_NOT_FOUND"));
    }

    @Test
    void anUnknownProductIs404NamingItsLine() throws Exception {
        String a = product("v", 5);
        String missing = "p-" + UUID.randomUUID();
        rejected(
                        List.of(a, missing),
                        () -> send(
                                "/api/v1/orders/" + order() + "/sales", lines(line(a, "v", 1), line(missing, null, 1))),
                        404,
                        "PRODUCT_NOT_FOUND")
                .andExpect(jsonPath("$.lines.length()").value(1))
                .andExpect(jsonPath("$.lines[0].productId").value(missing))
                .andExpect(jsonPath("$.lines[0].variantId").isEmpty());
    }

    @Test
    void anUnknownVariantIs404NamingItsLine() throws Exception {
        String a = product("v", 5);
        rejected(
                        List.of(a),
                        () -> send("/api/v1/orders/" + order() + "/sales", lines(line(a, "nope", 1))),
                        404,
                        "VARIANT_NOT_FOUND")
                .andExpect(jsonPath("$.lines[0].productId").value(a))
                .andExpect(jsonPath("$.lines[0].variantId").value("nope"));
    }

    @Test
    void theWrongKindOfLineIsAModeConflict() throws Exception {
        String perVariant = product("v", 5);
        String productLevel = product(null, 5);
        rejected(
                        List.of(perVariant, productLevel),
                        () -> send(
                                "/api/v1/orders/" + order() + "/sales",
                                lines(line(perVariant, null, 1), line(productLevel, "v", 1))),
                        409,
                        "STOCK_MODE_CONFLICT")
                .andExpect(jsonPath("$.lines.length()").value(2))
                .andExpect(jsonPath("$.lines[0].code").value("STOCK_MODE_CONFLICT"))
                .andExpect(jsonPath("$.lines[1].code").value("STOCK_MODE_CONFLICT"));
    }

    @Test
    void aLineGivenTwiceIsAValidationErrorNamingTheRepeatedLine() throws Exception {
        String a = product("v", 5);
        rejected(
                        List.of(a),
                        () -> send("/api/v1/orders/" + order() + "/sales", lines(line(a, "v", 1), line(a, "v", 2))),
                        400,
                        "VALIDATION_FAILED")
                .andExpect(jsonPath("$.errors[0].field").value("lines[1]"))
                .andExpect(jsonPath("$.lines.length()").value(1))
                .andExpect(jsonPath("$.lines[0].productId").value(a))
                .andExpect(jsonPath("$.lines[0].variantId").value("v"));
    }

    @Test
    void aHundredAndOneLinesAreTooMany() throws Exception {
        String a = product("v", 1000);
        String many =
                IntStream.range(0, 101).mapToObj(i -> line(a, "v-" + i, 1)).collect(Collectors.joining(","));
        rejected(
                        List.of(a),
                        () -> send("/api/v1/orders/" + order() + "/sales", "{\"lines\":[" + many + "]}"),
                        400,
                        "VALIDATION_FAILED")
                .andExpect(jsonPath("$.errors[0].field").value("lines"))
                .andExpect(jsonPath("$.lines").doesNotExist());
        rejected(
                List.of(a),
                () -> send("/api/v1/orders/" + order() + "/sales", "{\"lines\":[]}"),
                400,
                "VALIDATION_FAILED");
    }

    @Test
    void badIdsQuantitiesAndUnknownFieldsAreRejected() throws Exception {
        String a = product("v", 5);
        rejected(
                List.of(a),
                () -> send("/api/v1/orders/bad!id/sales", lines(line(a, "v", 1))),
                400,
                "VALIDATION_FAILED");
        rejected(
                List.of(a),
                () -> send("/api/v1/orders/" + order() + "/sales", lines(line(a, "v", 0))),
                400,
                "VALIDATION_FAILED");
        rejected(
                List.of(a),
                () -> send("/api/v1/orders/" + order() + "/sales", lines(line(a, "", 1))),
                400,
                "VALIDATION_FAILED");
        rejected(
                List.of(a),
                () -> send(
                        "/api/v1/orders/" + order() + "/sales",
                        "{\"lines\":[{\"productId\":\"" + a + "\",\"variantId\":\"v\",\"quantity\":1,\"price\":3}]}"),
                400,
                "MALFORMED_REQUEST");
        rejected(
                List.of(a),
                () -> send(
                        "/api/v1/orders/" + order() + "/sales",
                        "{\"lines\":[{\"productId\":\"" + a + "\",\"variantId\":\"v\",\"quantity\":\"1\"}]}"),
                400,
                "MALFORMED_REQUEST");
    }

    @Test
    void theSameOrderAgainAnswersTheFirstAnswerAndAnyOtherUseOfItsIdIs409() throws Exception {
        String a = product("v", 10);
        String b = product("v", 10);
        String order = order();
        String sale = lines(line(a, "v", 2), line(b, "v", 3));
        String first = send("/api/v1/orders/" + order + "/sales", sale)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        send("/api/v1/orders/" + order + "/sales", sale)
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("Idempotent-Replayed"))
                .andExpect(content().string(first));
        rejected(
                List.of(a, b),
                () -> send("/api/v1/orders/" + order + "/sales", lines(line(a, "v", 2), line(b, "v", 4))),
                409,
                "SALE_ALREADY_RECORDED");
        rejected(
                List.of(a),
                () -> send("/api/v1/orders/" + order + "/sales", lines(line(a, "v", 2))),
                409,
                "SALE_ALREADY_RECORDED");
        assertThat(events(List.of(a, b))).isEqualTo(4);
    }

    @Test
    void anOrderWithALineAlreadySoldThroughTheSingleLineEndpointIs409() throws Exception {
        String a = product("v", 10);
        String b = product("v", 10);
        String order = order();
        send("/api/v1/inventory/" + a + "/sales", "{\"orderId\":\"" + order + "\",\"variantId\":\"v\",\"quantity\":1}")
                .andExpect(status().isOk());
        rejected(
                        List.of(a, b),
                        () -> send("/api/v1/orders/" + order + "/sales", lines(line(a, "v", 1), line(b, "v", 1))),
                        409,
                        "SALE_ALREADY_RECORDED")
                .andExpect(jsonPath("$.lines[0].productId").value(a))
                .andExpect(jsonPath("$.lines[0].code").value("SALE_ALREADY_RECORDED"));
    }

    @Test
    void anIdempotencyKeyReplaysAnOrderAndARejectionWordForWord() throws Exception {
        String a = product("v", 3);
        String key = UUID.randomUUID().toString();
        String order = order();
        String first = mvc.perform(post("/api/v1/orders/" + order + "/sales", lines(line(a, "v", 2)))
                        .header("Idempotency-Key", key))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        mvc.perform(post("/api/v1/orders/" + order + "/sales", lines(line(a, "v", 2)))
                        .header("Idempotency-Key", key))
                .andExpect(status().isOk())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(content().string(first));

        String shortKey = UUID.randomUUID().toString();
        String shortOrder = lines(line(a, "v", 5));
        String rejection = mvc.perform(
                        post("/api/v1/orders/" + order() + "/sales", shortOrder).header("Idempotency-Key", shortKey))
                .andExpect(status().isConflict())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long before = events(List.of(a));
        mvc.perform(post("/api/v1/orders/x-" + shortKey + "/sales", shortOrder).header("Idempotency-Key", shortKey))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("IDEMPOTENCY_KEY_REUSED"));
        assertThat(rejection).contains("\"code\":\"INSUFFICIENT_STOCK\"");
        assertThat(events(List.of(a))).isEqualTo(before);
    }

    // ---- restorations

    @Test
    void partOfAnOrderIsRestoredAndACancellationRestoresWhatIsLeftInTheOrderOfTheSale() throws Exception {
        String a = product("v", 10);
        String b = product("w", 10);
        String order = order();
        send("/api/v1/orders/" + order + "/sales", lines(line(b, "w", 4), line(a, "v", 3)))
                .andExpect(status().isOk());
        send(
                        "/api/v1/orders/" + order + "/restorations",
                        "{\"lines\":[" + line(b, "w", 1) + "],\"reason\":\"returned\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lines[0].quantity").value(1))
                .andExpect(jsonPath("$.lines[0].available").value(7));
        send("/api/v1/orders/" + order + "/restorations", "{\"reason\":\"cancelled\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lines.length()").value(2))
                .andExpect(jsonPath("$.lines[0].productId").value(b))
                .andExpect(jsonPath("$.lines[0].quantity").value(3))
                .andExpect(jsonPath("$.lines[0].available").value(10))
                .andExpect(jsonPath("$.lines[1].productId").value(a))
                .andExpect(jsonPath("$.lines[1].quantity").value(3))
                .andExpect(jsonPath("$.lines[1].available").value(10));
        send("/api/v1/orders/" + order + "/restorations", "{}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lines.length()").value(0));
        assertThat(events(List.of(a, b))).isEqualTo(2 + 2 + 1 + 2);
    }

    @Test
    void restoringMoreThanTheOrderTookIs409NamingTheLineAndWhatItCanRestore() throws Exception {
        String a = product("v", 10);
        String b = product("v", 10);
        String order = order();
        send("/api/v1/orders/" + order + "/sales", lines(line(a, "v", 2), line(b, "v", 2)))
                .andExpect(status().isOk());
        rejected(
                        List.of(a, b),
                        () -> send(
                                "/api/v1/orders/" + order + "/restorations", lines(line(a, "v", 1), line(b, "v", 3))),
                        409,
                        "RESTORE_EXCEEDS_SALE")
                .andExpect(jsonPath("$.lines.length()").value(1))
                .andExpect(jsonPath("$.lines[0].productId").value(b))
                .andExpect(jsonPath("$.lines[0].requested").value(3))
                .andExpect(jsonPath("$.lines[0].restorable").value(2));
    }

    @Test
    void restoringALineTheOrderNeverBoughtIs409SaleNotFound() throws Exception {
        String a = product("v", 10);
        String b = product("v", 10);
        String order = order();
        send("/api/v1/orders/" + order + "/sales", lines(line(a, "v", 2))).andExpect(status().isOk());
        rejected(
                        List.of(a, b),
                        () -> send(
                                "/api/v1/orders/" + order + "/restorations", lines(line(a, "v", 1), line(b, "v", 1))),
                        409,
                        "SALE_NOT_FOUND")
                .andExpect(jsonPath("$.lines.length()").value(1))
                .andExpect(jsonPath("$.lines[0].productId").value(b));
        rejected(List.of(a), () -> send("/api/v1/orders/" + order() + "/restorations", "{}"), 409, "SALE_NOT_FOUND")
                .andExpect(jsonPath("$.lines").doesNotExist());
    }

    @Test
    void aRestorationTakesAnIdempotencyKey() throws Exception {
        String a = product("v", 10);
        String order = order();
        send("/api/v1/orders/" + order + "/sales", lines(line(a, "v", 4))).andExpect(status().isOk());
        String key = UUID.randomUUID().toString();
        String body = "{\"reason\":\"cancelled\"}";
        String first = mvc.perform(
                        post("/api/v1/orders/" + order + "/restorations", body).header("Idempotency-Key", key))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        mvc.perform(post("/api/v1/orders/" + order + "/restorations", body).header("Idempotency-Key", key))
                .andExpect(status().isOk())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(content().string(first));
        assertThat(events(List.of(a))).isEqualTo(3);
    }
}
