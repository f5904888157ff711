package com.acme.inventory.query.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.inventory.query.QuerySideTest;
import com.acme.inventory.query.projection.GenericPlan;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

@QuerySideTest
class EventLogProjectionPlanTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void theCachedPlanProbesTheKeyForEachEventAndNeverScansTheTable() {
        String plan = GenericPlan.of(jdbc, transactions, EventLogProjection.UPSERT);

        assertThat(plan).contains("Conflict Arbiter Indexes: event_log_pkey").doesNotContain("Join", "Seq Scan");
    }
}
