package com.acme.inventory.command.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.acme.inventory.command.CommandSideTest;
import com.acme.inventory.platform.testing.PostgresProperties;
import java.util.UUID;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.ObservationFilterChainDecorator;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every answer the command side gives, through the real stack on PostgreSQL: status, problem code,
 * content type, and that a rejected request records no event.
 */
@CommandSideTest
class CommandApiTest {

    private static final String ORDER_SERVICE = "Bearer " + PostgresProperties.ORDER_SERVICE_TOKEN;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationContext context;

    private static String newProduct() {
        return "p-" + UUID.randomUUID();
    }

    private MockHttpServletRequestBuilder command(String path, String json) {
        return post(path)
                .header("Authorization", ORDER_SERVICE)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json);
    }

    private ResultActions send(String path, String json) throws Exception {
        return mvc.perform(command(path, json));
    }

    private String initialized(String... variantsWithQuantity) throws Exception {
        String product = newProduct();
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < variantsWithQuantity.length; i += 2) {
            lines.append(lines.isEmpty() ? "" : ",")
                    .append("{\"variantId\":\"")
                    .append(variantsWithQuantity[i])
                    .append("\",\"quantity\":")
                    .append(variantsWithQuantity[i + 1])
                    .append('}');
        }
        send("/api/v1/inventory/" + product + "/initial-stock", "{\"lines\":[" + lines + "]}")
                .andExpect(status().isCreated());
        return product;
    }

    private long events(String product) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, product);
    }

    /** A request to the command side, sent by {@link #rejected} only after it has counted the product's events. */
    @FunctionalInterface
    private interface Request {
        ResultActions perform() throws Exception;
    }

    /** Sends the request, asserts the problem shape and that the product's stream did not grow. */
    private ResultActions rejected(String product, Request request, int status, String code) throws Exception {
        long before = events(product);
        ResultActions result = request.perform()
                .andExpect(status().is(status))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.title").isNotEmpty())
                .andExpect(jsonPath("$.type").isNotEmpty());
        assertThat(events(product))
                .as("events of %s after a %d %s", product, status, code)
                .isEqualTo(before);
        return result;
    }

    // ---- successes

    @Test
    void initialStockAnswers201WithEveryLine() throws Exception {
        String product = newProduct();
        send(
                        "/api/v1/inventory/" + product + "/initial-stock",
                        "{\"lines\":[{\"variantId\":\"red-m\",\"quantity\":10},{\"variantId\":\"blue-l\",\"quantity\":0}]}")
                .andExpect(status().isCreated())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.productId").value(product))
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.lines[0].variantId").value("red-m"))
                .andExpect(jsonPath("$.lines[0].available").value(10))
                .andExpect(jsonPath("$.lines[1].available").value(0));
        assertThat(events(product)).isEqualTo(2);
    }

    @Test
    void saleAnswersTheLineAndTheVersion() throws Exception {
        String product = initialized("red-m", "10");
        send("/api/v1/inventory/" + product + "/sales", "{\"orderId\":\"o-1\",\"variantId\":\"red-m\",\"quantity\":2}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.eventType").value("SALE_DEDUCT"))
                .andExpect(jsonPath("$.quantity").value(2))
                .andExpect(jsonPath("$.available").value(8))
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.orderId").value("o-1"));
    }

    @Test
    void productLevelStockOmitsTheVariant() throws Exception {
        String product = newProduct();
        send("/api/v1/inventory/" + product + "/initial-stock", "{\"lines\":[{\"quantity\":4}]}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.lines[0].variantId").isEmpty());
        send("/api/v1/inventory/" + product + "/sales", "{\"orderId\":\"o-1\",\"quantity\":1}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.available").value(3));
    }

    @Test
    void aRepeatedSaleOfTheSameOrderLineMovesStockOnce() throws Exception {
        String product = initialized("red-m", "10");
        String sale = "{\"orderId\":\"o-1\",\"variantId\":\"red-m\",\"quantity\":2}";
        String first = send("/api/v1/inventory/" + product + "/sales", sale)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String again = send("/api/v1/inventory/" + product + "/sales", sale)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(again).isEqualTo(first);
        assertThat(events(product)).isEqualTo(2);
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstResponse() throws Exception {
        String product = initialized("red-m", "10");
        String key = UUID.randomUUID().toString();
        String body = "{\"variantId\":\"red-m\",\"quantity\":5,\"note\":\"PO-77\"}";
        String first = mvc.perform(command("/api/v1/inventory/" + product + "/restocks", body)
                        .header("Idempotency-Key", key))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("Idempotent-Replayed"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String replayed = mvc.perform(command("/api/v1/inventory/" + product + "/restocks", body)
                        .header("Idempotency-Key", key))
                .andExpect(status().isOk())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(replayed).isEqualTo(first);
        assertThat(events(product)).isEqualTo(2);
    }

    // ---- business rules

    @Test
    void productNeverInitializedIs404() throws Exception {
        String product = newProduct();
        rejected(
                product,
                () -> send("/api/v1/inventory/" + product + "/restocks", "{\"variantId\":\"a\",\"quantity\":1}"),
                404,
                "PRODUCT_NOT_FOUND");
    }

    @Test
    void unknownVariantIs404() throws Exception {
        String product = initialized("red-m", "10");
        rejected(
                product,
                () -> send(
                        "/api/v1/inventory/" + product + "/sales",
                        "{\"orderId\":\"o-1\",\"variantId\":\"nope\",\"quantity\":1}"),
                404,
                "VARIANT_NOT_FOUND");
    }

    @Test
    void initializingAnExistingLineIs409() throws Exception {
        String product = initialized("red-m", "10");
        rejected(
                product,
                () -> send(
                        "/api/v1/inventory/" + product + "/initial-stock",
                        "{\"lines\":[{\"variantId\":\"red-m\",\"quantity\":1}]}"),
                409,
                "STOCK_ALREADY_INITIALIZED");
    }

    @Test
    void mixingProductLevelAndVariantsIs409() throws Exception {
        String product = initialized("red-m", "10");
        rejected(
                product,
                () -> send("/api/v1/inventory/" + product + "/initial-stock", "{\"lines\":[{\"quantity\":1}]}"),
                409,
                "STOCK_MODE_CONFLICT");
    }

    @Test
    void theProductLevelLineOfAProductKeptPerVariantIs409ModeConflict() throws Exception {
        String product = initialized("red-m", "10");
        rejected(
                product,
                () -> send("/api/v1/inventory/" + product + "/sales", "{\"orderId\":\"o-1\",\"quantity\":1}"),
                409,
                "STOCK_MODE_CONFLICT");
    }

    @Test
    void sellingMoreThanAvailableIs409WithTheAvailableUnits() throws Exception {
        String product = initialized("red-m", "3");
        ResultActions result = rejected(
                product,
                () -> send(
                        "/api/v1/inventory/" + product + "/sales",
                        "{\"orderId\":\"o-1\",\"variantId\":\"red-m\",\"quantity\":4}"),
                409,
                "INSUFFICIENT_STOCK");
        result.andExpect(jsonPath("$.available").value(3));
    }

    @Test
    void theSameOrderLineWithAnotherQuantityIs409() throws Exception {
        String product = initialized("red-m", "10");
        send("/api/v1/inventory/" + product + "/sales", "{\"orderId\":\"o-1\",\"variantId\":\"red-m\",\"quantity\":2}")
                .andExpect(status().isOk());
        rejected(
                product,
                () -> send(
                        "/api/v1/inventory/" + product + "/sales",
                        "{\"orderId\":\"o-1\",\"variantId\":\"red-m\",\"quantity\":3}"),
                409,
                "SALE_ALREADY_RECORDED");
    }

    @Test
    void restoringAnOrderThatBoughtNothingIs409() throws Exception {
        String product = initialized("red-m", "10");
        rejected(
                product,
                () -> send(
                        "/api/v1/inventory/" + product + "/sales/o-9/restorations",
                        "{\"variantId\":\"red-m\",\"quantity\":1}"),
                409,
                "SALE_NOT_FOUND");
    }

    @Test
    void restoringMoreThanWasSoldIs409WithTheRestorableUnits() throws Exception {
        String product = initialized("red-m", "10");
        send("/api/v1/inventory/" + product + "/sales", "{\"orderId\":\"o-1\",\"variantId\":\"red-m\",\"quantity\":2}")
                .andExpect(status().isOk());
        send(
                        "/api/v1/inventory/" + product + "/sales/o-1/restorations",
                        "{\"variantId\":\"red-m\",\"quantity\":1,\"reason\":\"returned\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.available").value(9));
        ResultActions result = rejected(
                product,
                () -> send(
                        "/api/v1/inventory/" + product + "/sales/o-1/restorations",
                        "{\"variantId\":\"red-m\",\"quantity\":2}"),
                409,
                "RESTORE_EXCEEDS_SALE");
        result.andExpect(jsonPath("$.restorable").value(1));
    }

    @Test
    void adjustingBelowZeroIs409() throws Exception {
        String product = initialized("red-m", "2");
        rejected(
                product,
                () -> send(
                        "/api/v1/inventory/" + product + "/adjustments",
                        "{\"variantId\":\"red-m\",\"delta\":-3,\"reason\":\"damaged\"}"),
                409,
                "INSUFFICIENT_STOCK");
    }

    @Test
    void goingAboveTheCeilingIs422() throws Exception {
        String product = initialized("red-m", "1000000000");
        for (int i = 1; i < 1000; i++) {
            send("/api/v1/inventory/" + product + "/restocks", "{\"variantId\":\"red-m\",\"quantity\":1000000000}")
                    .andExpect(status().isOk());
        }
        rejected(
                product,
                () -> send(
                        "/api/v1/inventory/" + product + "/adjustments",
                        "{\"variantId\":\"red-m\",\"delta\":1,\"reason\":\"found\"}"),
                422,
                "QUANTITY_OUT_OF_RANGE");
    }

    @Test
    void reusingAnIdempotencyKeyForAnotherRequestIs422() throws Exception {
        String product = initialized("red-m", "10");
        String key = UUID.randomUUID().toString();
        mvc.perform(command("/api/v1/inventory/" + product + "/restocks", "{\"variantId\":\"red-m\",\"quantity\":1}")
                        .header("Idempotency-Key", key))
                .andExpect(status().isOk());
        rejected(
                product,
                () -> mvc.perform(command(
                                "/api/v1/inventory/" + product + "/restocks",
                                "{\"variantId\":\"red-m\",\"quantity\":2}")
                        .header("Idempotency-Key", key)),
                422,
                "IDEMPOTENCY_KEY_REUSED");
    }

    // ---- validation and HTTP

    @Test
    void aBlankVariantIdIsAValidationErrorNeverADatabaseOne() throws Exception {
        String product = initialized("red-m", "10");
        ResultActions result = rejected(
                product,
                () -> send("/api/v1/inventory/" + product + "/restocks", "{\"variantId\":\"\",\"quantity\":1}"),
                400,
                "VALIDATION_FAILED");
        result.andExpect(jsonPath("$.errors[0].field").value("variantId"))
                .andExpect(jsonPath("$.errors[0].message").isNotEmpty());
    }

    @Test
    void anIllFormedProductIdIs400() throws Exception {
        rejected(
                "bad!id",
                () -> send("/api/v1/inventory/bad!id/restocks", "{\"variantId\":\"a\",\"quantity\":1}"),
                400,
                "VALIDATION_FAILED");
        rejected(
                "x".repeat(65),
                () -> send("/api/v1/inventory/" + "x".repeat(65) + "/restocks", "{\"variantId\":\"a\",\"quantity\":1}"),
                400,
                "VALIDATION_FAILED");
    }

    @Test
    void quantitiesOutsideTheRangeAre400() throws Exception {
        String product = initialized("red-m", "10");
        rejected(
                product,
                () -> send("/api/v1/inventory/" + product + "/restocks", "{\"variantId\":\"red-m\",\"quantity\":0}"),
                400,
                "VALIDATION_FAILED");
        rejected(
                product,
                () -> send(
                        "/api/v1/inventory/" + product + "/restocks",
                        "{\"variantId\":\"red-m\",\"quantity\":1000000001}"),
                400,
                "VALIDATION_FAILED");
        rejected(
                product,
                () -> send(
                        "/api/v1/inventory/" + product + "/adjustments",
                        "{\"variantId\":\"red-m\",\"delta\":0,\"reason\":\"none\"}"),
                400,
                "VALIDATION_FAILED");
    }

    @Test
    void requiredFieldsAre400() throws Exception {
        String product = initialized("red-m", "10");
        rejected(
                product,
                () -> send("/api/v1/inventory/" + product + "/sales", "{\"variantId\":\"red-m\",\"quantity\":1}"),
                400,
                "VALIDATION_FAILED");
        rejected(
                product,
                () -> send("/api/v1/inventory/" + product + "/adjustments", "{\"variantId\":\"red-m\",\"delta\":1}"),
                400,
                "VALIDATION_FAILED");
        rejected(
                product,
                () -> send("/api/v1/inventory/" + product + "/initial-stock", "{\"lines\":[]}"),
                400,
                "VALIDATION_FAILED");
        rejected(
                product,
                () -> send(
                        "/api/v1/inventory/" + product + "/initial-stock",
                        "{\"lines\":[{\"variantId\":\"x\",\"quantity\":1},{\"variantId\":\"x\",\"quantity\":2}]}"),
                400,
                "VALIDATION_FAILED");
    }

    @Test
    void anIllFormedIdempotencyKeyIs400() throws Exception {
        String product = initialized("red-m", "10");
        rejected(
                product,
                () -> mvc.perform(command(
                                "/api/v1/inventory/" + product + "/restocks",
                                "{\"variantId\":\"red-m\",\"quantity\":1}")
                        .header("Idempotency-Key", "x".repeat(129))),
                400,
                "VALIDATION_FAILED");
    }

    @Test
    void malformedJsonUnknownFieldsAndWrongTypesAre400() throws Exception {
        String product = initialized("red-m", "10");
        String path = "/api/v1/inventory/" + product + "/restocks";
        rejected(product, () -> send(path, "{\"variantId\":"), 400, "MALFORMED_REQUEST");
        rejected(
                product,
                () -> send(path, "{\"variantId\":\"red-m\",\"quantity\":1,\"quantty\":2}"),
                400,
                "MALFORMED_REQUEST");
        rejected(product, () -> send(path, "{\"variantId\":\"red-m\",\"quantity\":1.5}"), 400, "MALFORMED_REQUEST");
        rejected(product, () -> send(path, "{\"variantId\":\"red-m\",\"quantity\":\"1\"}"), 400, "MALFORMED_REQUEST");
        rejected(product, () -> send(path, ""), 400, "MALFORMED_REQUEST");
        rejected(product, () -> send(path, "[1,2]"), 400, "MALFORMED_REQUEST");
    }

    @Test
    void jsonThatIsNotStrictlyTheContractsIsMalformedAndRecordsNothing() throws Exception {
        String product = initialized("red-m", "10");
        String sales = "/api/v1/inventory/" + product + "/sales";
        String[][] bodies = {
            {
                "{\"orderId\":\"x\",\"variantId\":\"red-m\",\"quantity\":1,\"quantity\":5}",
                "A field appears twice: 'quantity'."
            },
            {
                "{\"orderId\":\"x\",\"variantId\":\"red-m\",\"quantity\":1}{\"junk\":",
                "Something follows the body's JSON value."
            },
            {"{\"orderId\":\"x\",\"variantId\":\"red-m\",\"quantity\":1} 7", "Something follows the body's JSON value."
            },
            {"{\"orderId\":4242,\"variantId\":\"red-m\",\"quantity\":1}", "Field 'orderId' must be a string."},
            {"{\"orderId\":\"x\",\"variantId\":true,\"quantity\":1}", "Field 'variantId' must be a string."},
            {"{\"orderId\":\"x\",\"variantId\":1.5,\"quantity\":1}", "Field 'variantId' must be a string."},
            {"{\"orderId\":\"x\",\"variantId\":\"red-m\",\"quantity\":true}", "Field 'quantity' must be an integer."},
            {"{\"orderId\":\"x\",\"variantId\":\"red-m\",\"quantity\":\"1\"}", "Field 'quantity' must be an integer."},
            {"{\"orderId\":\"x\",\"variantId\":\"red-m\",\"quantity\":1.0}", "Field 'quantity' must be an integer."},
            {"{\"orderId\":[\"x\"],\"variantId\":\"red-m\",\"quantity\":1}", "Field 'orderId' must be a string."}
        };
        for (String[] body : bodies) {
            long before = events(product);
            send(sales, body[0])
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"))
                    .andExpect(jsonPath("$.detail").value(body[1]));
            assertThat(events(product)).as(body[0]).isEqualTo(before);
        }
        String initial = "/api/v1/inventory/" + product + "-2/initial-stock";
        send(initial, "{\"lines\":[{\"variantId\":\"a\",\"quantity\":1,\"variantId\":\"b\"}]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"));
        assertThat(events(product + "-2")).isZero();
    }

    @Test
    void anOversizedBodyIs413() throws Exception {
        String product = initialized("red-m", "10");
        String note = "x".repeat(300_000);
        rejected(
                product,
                () -> send(
                        "/api/v1/inventory/" + product + "/restocks",
                        "{\"variantId\":\"red-m\",\"quantity\":1,\"note\":\"" + note + "\"}"),
                413,
                "PAYLOAD_TOO_LARGE");
    }

    @Test
    void aBodyThatIsNotJsonIs415() throws Exception {
        String product = initialized("red-m", "10");
        rejected(
                product,
                () -> mvc.perform(post("/api/v1/inventory/" + product + "/restocks")
                        .header("Authorization", ORDER_SERVICE)
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("quantity=1")),
                415,
                "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void askingForXmlIs406() throws Exception {
        String product = initialized("red-m", "10");
        rejected(
                product,
                () -> mvc.perform(command(
                                "/api/v1/inventory/" + product + "/restocks",
                                "{\"variantId\":\"red-m\",\"quantity\":1}")
                        .accept(MediaType.APPLICATION_XML)),
                406,
                "NOT_ACCEPTABLE");
    }

    @Test
    void aWrongMethodIs405() throws Exception {
        String product = initialized("red-m", "10");
        rejected(
                product,
                () -> mvc.perform(
                        get("/api/v1/inventory/" + product + "/sales").header("Authorization", ORDER_SERVICE)),
                405,
                "METHOD_NOT_ALLOWED");
    }

    @Test
    void aMistypedPathIs404ForAnyValidToken() throws Exception {
        for (String token : new String[] {ORDER_SERVICE, "Bearer " + PostgresProperties.CATALOGUE_TOKEN}) {
            mvc.perform(get("/api/v1/inventroy/p-1/sales").header("Authorization", token))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value("NOT_FOUND"));
        }
    }

    @Test
    void anUnknownRouteIs404() throws Exception {
        String product = initialized("red-m", "10");
        rejected(product, () -> send("/api/v1/inventory/" + product + "/teleport", "{}"), 404, "NOT_FOUND");
    }

    // ---- security

    @Test
    void aCommandWithoutOrWithAWrongTokenIs401WithABearerChallenge() throws Exception {
        String product = initialized("red-m", "10");
        ResultActions withoutToken = rejected(
                product,
                () -> mvc.perform(post("/api/v1/inventory/" + product + "/restocks")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"variantId\":\"red-m\",\"quantity\":1}")),
                401,
                "UNAUTHORIZED");
        withoutToken.andExpect(header().string("WWW-Authenticate", "Bearer realm=\"inventory\""));
        ResultActions wrongToken = rejected(
                product,
                () -> mvc.perform(post("/api/v1/inventory/" + product + "/restocks")
                        .header("Authorization", "Bearer nope")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"variantId\":\"red-m\",\"quantity\":1}")),
                401,
                "UNAUTHORIZED");
        wrongToken.andExpect(
                header().string("WWW-Authenticate", "Bearer realm=\"inventory\", error=\"invalid_token\""));
    }

    @Test
    void thePublishedContractIsReadableWithAnyValidTokenAndSwaggerUiWithoutOne() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isUnauthorized());
        for (String token : new String[] {ORDER_SERVICE, "Bearer " + PostgresProperties.CATALOGUE_TOKEN}) {
            mvc.perform(get("/v3/api-docs").header("Authorization", token))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.info.title").value("Inventory service, command side"))
                    .andExpect(jsonPath("$.paths['/api/v1/inventory/{productId}/sales'].post.operationId")
                            .value("deductStockForSale"));
            mvc.perform(get("/v3/api-docs.yaml").header("Authorization", token))
                    .andExpect(status().isOk())
                    .andExpect(content().string(org.hamcrest.Matchers.startsWith("openapi: 3.0.3")));
        }
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
        mvc.perform(get("/swagger-ui/swagger-initializer.js"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(org.hamcrest.Matchers.containsString("requestInterceptor: withInventoryToken")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("url: \"/v3/api-docs\"")));
        mvc.perform(get("/v3/api-docs/springdoc/swagger-config")).andExpect(status().isOk());
    }

    @Test
    void aCommandWithTheCatalogueTokenIs403() throws Exception {
        String product = initialized("red-m", "10");
        rejected(
                product,
                () -> mvc.perform(post("/api/v1/inventory/" + product + "/restocks")
                        .header("Authorization", "Bearer " + PostgresProperties.CATALOGUE_TOKEN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"variantId\":\"red-m\",\"quantity\":1}")),
                403,
                "FORBIDDEN");
    }

    @Test
    void theSecurityFilterChainLooksUpNoHandlerOfItsOwn() {
        assertThat(context.getBean("springSecurityFilterChain"))
                .isInstanceOf(FilterChainProxy.class)
                .extracting(chain -> chain.getClass().getName(), InstanceOfAssertFactories.STRING)
                .doesNotContain("WebMvcSecurityConfiguration");
    }

    @Test
    void theSecurityFiltersAreNotWrappedInObservations() {
        assertThat(context.getBean("springSecurityFilterChain"))
                .extracting("springSecurityFilterChain.filterChainDecorator")
                .isNotInstanceOf(ObservationFilterChainDecorator.class);
    }

    @Test
    void theFirewallWithoutRegularExpressionsGuardsTheChain() {
        // Spring Security 6.5 wraps the FilterChainProxy that WebSecurity builds (and gives the firewall bean)
        assertThat(context.getBean("springSecurityFilterChain"))
                .extracting("springSecurityFilterChain.firewall")
                .isSameAs(context.getBean(HttpFirewall.class));
    }

    @Test
    void aControlCharacterInAHeaderIsAMalformedRequest() throws Exception {
        String product = initialized("red-m", "10");
        rejected(
                product,
                () -> mvc.perform(post("/api/v1/inventory/" + product + "/sales")
                        .header("Authorization", ORDER_SERVICE + "\u0007")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"orderId\":\"o-1\",\"variantId\":\"red-m\",\"quantity\":1}")),
                400,
                "MALFORMED_REQUEST");
    }

    @Test
    void metricsAreForTheOperatorOnly() throws Exception {
        mvc.perform(get("/actuator/prometheus"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("UNAUTHORIZED"));
        mvc.perform(get("/actuator/prometheus").header("Authorization", ORDER_SERVICE))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("FORBIDDEN"));
        String product = initialized("red-m", "10");
        assertThat(product).isNotBlank();
        String metrics = mvc.perform(get("/actuator/prometheus")
                        .header("Authorization", "Bearer " + PostgresProperties.OPERATOR_TOKEN))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(metrics)
                .contains(
                        "inventory_command_batch_size_bucket",
                        "inventory_command_queued",
                        "inventory_command_retries",
                        "http_server_requests_seconds_bucket",
                        "inventory_commands_total{code=\"none\",command=\"InitializeStock\",outcome=\"accepted\"}",
                        "inventory_command_duration_seconds_bucket{command=\"InitializeStock\",outcome=\"accepted\"");
    }

    @Test
    void rejectionsAreCountedByCodeAndNotAsFailures() throws Exception {
        String product = initialized("red-m", "1");
        send("/api/v1/inventory/" + product + "/sales", "{\"orderId\":\"o-1\",\"variantId\":\"red-m\",\"quantity\":2}")
                .andExpect(status().isConflict());
        String metrics = mvc.perform(get("/actuator/prometheus")
                        .header("Authorization", "Bearer " + PostgresProperties.OPERATOR_TOKEN))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(metrics)
                .contains(
                        "inventory_commands_total{code=\"INSUFFICIENT_STOCK\",command=\"DeductStockForSale\",outcome=\"rejected\"}");
        assertThat(metrics)
                .doesNotContainPattern(
                        "inventory_commands_total\\{[^}]*command=\"DeductStockForSale\",outcome=\"failed\"");
    }

    @Test
    void healthIsPublic() throws Exception {
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
    }
}
