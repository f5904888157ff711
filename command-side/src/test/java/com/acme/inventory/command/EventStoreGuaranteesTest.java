package com.acme.inventory.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.acme.inventory.platform.testing.PostgresProperties;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

@CommandSideTest
class EventStoreGuaranteesTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    @BeforeEach
    void oneEventExists() throws Exception {
        mvc.perform(post("/api/v1/inventory/guarded-" + java.util.UUID.randomUUID() + "/initial-stock")
                        .header("Authorization", "Bearer " + PostgresProperties.ORDER_SERVICE_TOKEN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lines\":[{\"variantId\":\"v\",\"quantity\":1}]}"))
                .andExpect(status().is2xxSuccessful());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class))
                .isPositive();
    }

    @Test
    void eventsCannotBeUpdatedThroughTheApplicationsOwnConnection() {
        assertThatThrownBy(() -> jdbc.update("UPDATE domain_event_entry SET payload_type = 'x'"))
                .isInstanceOf(DataAccessException.class)
                .hasStackTraceContaining("is append-only");
    }

    @Test
    void eventsCannotBeDeleted() {
        assertThatThrownBy(() -> jdbc.update("DELETE FROM domain_event_entry"))
                .isInstanceOf(DataAccessException.class)
                .hasStackTraceContaining("is append-only");
    }

    @Test
    void theEventTableCannotBeTruncated() {
        assertThatThrownBy(() -> jdbc.execute("TRUNCATE domain_event_entry"))
                .isInstanceOf(DataAccessException.class)
                .hasStackTraceContaining("is append-only");
    }

    @Test
    void payloadsAreStoredAsByteaNeverAsLargeObjects() {
        List<Map<String, Object>> columns = jdbc.queryForList("""
                SELECT table_name, column_name, data_type FROM information_schema.columns
                WHERE table_name IN ('domain_event_entry', 'snapshot_event_entry', 'token_entry')
                  AND column_name IN ('payload', 'meta_data', 'token')""");
        assertThat(columns)
                .hasSize(5)
                .allSatisfy(column -> assertThat(column.get("data_type")).isEqualTo("bytea"));
    }

    @Test
    void noForeignKeyReferencesTheEventTable() {
        Long references = jdbc.queryForObject("""
                SELECT COUNT(*) FROM information_schema.referential_constraints rc
                JOIN information_schema.table_constraints tc ON tc.constraint_name = rc.unique_constraint_name
                WHERE tc.table_name = 'domain_event_entry'""", Long.class);
        assertThat(references).isZero();
    }
}
