package com.acme.inventory.query.projection;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The plan PostgreSQL caches for a statement after five runs, whatever batch it is given later. */
public final class GenericPlan {

    private GenericPlan() {}

    public static String of(JdbcTemplate jdbc, TransactionTemplate transactions, String sql) {
        AtomicInteger parameters = new AtomicInteger();
        String numbered = Pattern.compile("\\?")
                .matcher(sql)
                .replaceAll(match -> Matcher.quoteReplacement("$" + parameters.incrementAndGet()));
        String nulls = String.join(", ", Collections.nCopies(parameters.get(), "NULL"));
        return transactions.execute(status -> {
            status.setRollbackOnly();
            jdbc.execute("SET LOCAL plan_cache_mode TO force_generic_plan");
            jdbc.execute("PREPARE generic_plan_probe AS " + numbered);
            try {
                List<String> plan =
                        jdbc.queryForList("EXPLAIN EXECUTE generic_plan_probe(" + nulls + ")", String.class);
                return String.join("\n", plan);
            } finally {
                jdbc.execute("DEALLOCATE generic_plan_probe");
            }
        });
    }
}
