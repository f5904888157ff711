package com.acme.inventory.query.processing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.acme.inventory.query.QuerySideTest;

@QuerySideTest
class CustomPlansTest {

    @Autowired
    CustomPlans customPlans;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void projectionTransactionsPlanEachStatementWhileReadsKeepCachedPlans() {
        String inside = transactions.execute(status -> {
            customPlans.forThisTransaction();
            return planCacheMode();
        });

        assertThat(inside).isEqualTo("force_custom_plan");
        String next = transactions.execute(status -> planCacheMode());
        assertThat(next).isEqualTo("auto");
    }

    private String planCacheMode() {
        return jdbc.queryForObject("SELECT current_setting('plan_cache_mode')", String.class);
    }
}
