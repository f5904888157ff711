package com.acme.inventory.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.acme.inventory.platform.testing.EventSeeder;
import com.acme.inventory.platform.testing.ServiceProcess;
import com.acme.inventory.platform.testing.TestDatabase;
import com.acme.inventory.query.QuerySideApplication;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The query-side process is SIGKILLed in the middle of a replay and started again: the replay goes on
 * from its stored token and ends with the same tables as before it started.
 */
class ReplayCrashTest {

    private static final Logger log = LoggerFactory.getLogger(ReplayCrashTest.class);

    private static final int PRODUCTS = 400;
    private static final int EVENTS_PER_PRODUCT = 100;

    private static List<Map<String, Object>> stockRows(JdbcTemplate jdbc) {
        return jdbc.queryForList("""
                SELECT product_id, line_key, available, version FROM stock_cache ORDER BY product_id, line_key""");
    }

    @Test
    void aReplayInterruptedByAKillCompletesFromItsToken() throws Exception {
        String url = TestDatabase.freshUrl("replaycrash");
        ServiceProcess querySide = new ServiceProcess(
                QuerySideApplication.class.getName(), url, new File("target/replay-crash-query-side.log"));
        querySide.start();
        try {
            JdbcTemplate jdbc =
                    new JdbcTemplate(new DriverManagerDataSource(url, TestDatabase.USER, TestDatabase.PASSWORD));
            EventSeeder.seed(jdbc, "c-", PRODUCTS, EVENTS_PER_PRODUCT);
            OperatorClient operator = new OperatorClient(0, querySide.port());
            operator.awaitCaughtUp("stock-cache", Duration.ofMinutes(3));
            List<Map<String, Object>> before = stockRows(jdbc);
            assertThat(before).hasSize(PRODUCTS);

            assertThat(operator.replay("stock-cache").status()).isEqualTo(202);
            await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> operator.status("stock-cache").get("progress").asDouble() >= 0.2);
            JsonNode atKill = operator.status("stock-cache");
            querySide.kill();
            log.info("Killed the query side during the replay at {}", atKill);
            assertThat(atKill.get("progress").asDouble()).isLessThan(1.0);

            querySide.start();
            JsonNode afterRestart = operator.status("stock-cache");
            log.info("After the restart: {}", afterRestart);
            operator.awaitCaughtUp("stock-cache", Duration.ofMinutes(3));

            assertThat(stockRows(jdbc)).isEqualTo(before);
            assertThat(operator.consistency().get("mismatches")).isEmpty();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stock_cache WHERE rebuild_pending", Long.class))
                    .isZero();
            assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT product_id) FROM stock_cache", Long.class))
                    .isEqualTo(PRODUCTS);
        } finally {
            querySide.stop();
        }
    }
}
