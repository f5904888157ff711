package com.acme.inventory.query.stockcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.acme.inventory.platform.testing.PostgresProperties;
import com.acme.inventory.query.QuerySideTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The batch read's parameters, answered as the method validation that checked them before did: every fault
 * named (the count, then each id in request order, then minVersion; the count and the ids came in either
 * order before), ids split at every comma and taken as they are, a repeated parameter joined.
 */
@QuerySideTest
class BatchParametersTest {

    private static final String COUNT = "{\"field\":\"productIds\",\"message\":\"size must be between 1 and 200\"}";
    private static final String ID = "{\"field\":\"productIds\",\"message\":"
            + "\"must be 1 to 64 characters of A-Z, a-z, 0-9, '.', '_', ':' or '-'\"}";
    private static final String MIN_VERSION =
            "{\"field\":\"minVersion\",\"message\":\"must be greater than or equal to 1\"}";
    private static final String REQUIRED = "{\"field\":\"productIds\",\"message\":\"is required\"}";
    private static final String NOT_A_NUMBER =
            "{\"field\":\"minVersion\",\"message\":\"must be a value of type Long\"}";
    private static final Map<String, String> FAULTS = Map.of(
            "COUNT", COUNT, "ID", ID, "MIN_VERSION", MIN_VERSION, "REQUIRED", REQUIRED, "NOT_A_NUMBER", NOT_A_NUMBER);
    private static final String TOO_MANY = String.join(",", Collections.nCopies(201, "p"));

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MockMvc mvc;

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "productIds=TOO_MANY | COUNT",
                "productIds= | COUNT",
                "'' | REQUIRED",
                "productIds=ok,bad!id | ID",
                "productIds=a,,b | ID",
                "productIds=x!,y! | ID,ID",
                "productIds=%20a%20,b%20 | ID,ID",
                "productIds=, | ID,ID",
                "productIds=a, | ID",
                "productIds=p!,TOO_MANY | COUNT,ID",
                "productIds=a&minVersion=0 | MIN_VERSION",
                "productIds=a!&minVersion=0 | ID,MIN_VERSION",
                "productIds=a!&productIds=b!&minVersion=-3 | ID,ID,MIN_VERSION",
                "productIds=a&minVersion=x | NOT_A_NUMBER",
                "productIds=a&minVersion=1.5 | NOT_A_NUMBER",
                "productIds=a!&minVersion=99999999999999999999 | ID,NOT_A_NUMBER",
                "minVersion=0 | REQUIRED,MIN_VERSION",
                "productIds=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx | ID",
            })
    void faultsAreNamedInRequestOrder(String query, String faults) throws Exception {
        String errors = Arrays.stream(faults.split(",")).map(FAULTS::get).collect(Collectors.joining(",", "[", "]"));
        String body = mvc.perform(read(query.replace("TOO_MANY", TOO_MANY)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JSON.readTree(body).get("errors")).isEqualTo(JSON.readTree(errors));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "productIds=a&productIds=b | [\"a\",\"b\"]",
                "productIds=b,a,b | [\"b\",\"a\",\"b\"]",
                "productIds=z&minVersion= | [\"z\"]",
            })
    void idsAreReadInRequestOrder(String query, String missing) throws Exception {
        mvc.perform(read(query))
                .andExpect(status().isOk())
                .andExpect(content().json("{\"items\":[],\"missing\":" + missing + "}", true));
    }

    private static MockHttpServletRequestBuilder read(String query) {
        return get("/api/v1/stock?" + query).header("Authorization", "Bearer " + PostgresProperties.CATALOGUE_TOKEN);
    }
}
