package com.acme.inventory.command.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.acme.inventory.command.CommandSideTest;
import com.acme.inventory.platform.testing.PostgresProperties;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.result.StatusResultMatchers;

/**
 * What a keyed command costs the database: the answers the service stores for real commands, then 100,000
 * records of that size in a copy of the table with its indexes, measured by PostgreSQL itself.
 */
@CommandSideTest
class IdempotencyRecordSizeTest {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyRecordSizeTest.class);
    private static final int RECORDS = 100_000;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aKeyedSaleCostsAtMostOneHundredBytesWithItsIndexes() throws Exception {
        String product = "size-" + UUID.randomUUID();
        keyed(
                "/api/v1/inventory/" + product + "/initial-stock",
                "{\"lines\":[{\"variantId\":\"v\",\"quantity\":1000000000}]}",
                StatusResultMatchers::isCreated);
        String sale = keyed(
                "/api/v1/inventory/" + product + "/sales",
                "{\"orderId\":\"o-1\",\"variantId\":\"v\",\"quantity\":1}",
                StatusResultMatchers::isOk);
        String rejection = keyed(
                "/api/v1/inventory/" + product + "/sales",
                "{\"orderId\":\"o-short\",\"variantId\":\"v\",\"quantity\":1000000000}",
                StatusResultMatchers::isConflict);
        String order = keyed(
                "/api/v1/orders/w-" + product + "/sales",
                "{\"lines\":[{\"productId\":\"" + product + "\",\"variantId\":\"v\",\"quantity\":1}]}",
                StatusResultMatchers::isOk);

        double saleBytes = bytesPerRecord(sale);
        log.info(
                "Bytes per idempotency record with its indexes, {} records: sale {} (answer {} bytes),"
                        + " rejection {} (answer {}), one-line order {} (answer {})",
                RECORDS,
                saleBytes,
                answerBytes(sale),
                bytesPerRecord(rejection),
                answerBytes(rejection),
                bytesPerRecord(order),
                answerBytes(order));
        assertThat(answerBytes(sale)).as("a sale's stored answer").isLessThanOrEqualTo(11);
        assertThat(saleBytes).isLessThanOrEqualTo(100);
    }

    /** Sends a command with a fresh key; answers the key. */
    private String keyed(String path, String json, Function<StatusResultMatchers, ResultMatcher> expected)
            throws Exception {
        String key = UUID.randomUUID().toString();
        mvc.perform(MockMvcRequestBuilders.post(path)
                        .header("Authorization", "Bearer " + PostgresProperties.ORDER_SERVICE_TOKEN)
                        .header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(expected.apply(status()));
        return key;
    }

    private int answerBytes(String key) {
        return jdbc.queryForObject(
                "SELECT octet_length(answer) FROM idempotency_key WHERE key_hash = ?",
                Integer.class,
                IdempotencyRecord.keyHash(key));
    }

    /** A copy of the table and its indexes filled with records like this key's; its size over its rows. */
    private double bytesPerRecord(String key) {
        String probe = "idempotency_size_probe";
        jdbc.execute("DROP TABLE IF EXISTS " + probe);
        jdbc.execute("CREATE TABLE " + probe + " (LIKE idempotency_key INCLUDING ALL)");
        try {
            jdbc.update(
                    "INSERT INTO " + probe + " SELECT CAST(random() * 9.2e18 AS BIGINT), k.request_hash,"
                            + " k.stored_minute + CAST(g / 1000 AS INTEGER), k.answer"
                            + " FROM idempotency_key k, generate_series(1, ?) g WHERE k.key_hash = ?"
                            + " ON CONFLICT DO NOTHING",
                    RECORDS,
                    IdempotencyRecord.keyHash(key));
            return jdbc.queryForObject(
                    "SELECT CAST(pg_total_relation_size('" + probe + "') AS FLOAT8) / COUNT(*) FROM " + probe,
                    Double.class);
        } finally {
            jdbc.execute("DROP TABLE " + probe);
        }
    }
}
