package com.acme.inventory.query.stockcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.acme.inventory.api.ProductStock;
import com.acme.inventory.query.QuerySideTest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two writers take global indexes in one order and commit in the other: the projection, having seen
 * the later index first, must still apply the event that fills the gap (Axon's gap-aware token).
 */
@QuerySideTest
class LateCommittedEventTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StockReader reader;

    @Test
    void anEventCommittedAfterALaterOneIsStillProjected() {
        long first = nextGlobalIndex();
        long second = nextGlobalIndex();
        String early = "late-" + UUID.randomUUID();
        String late = "late-" + UUID.randomUUID();

        insertInitialStock(second, late, 7);
        await().atMost(Duration.ofSeconds(10)).until(() -> stored(late).isPresent());
        insertInitialStock(first, early, 5);

        await().atMost(Duration.ofSeconds(10)).until(() -> stored(early).isPresent());
        assertThat(stored(early).orElseThrow().totalAvailable()).isEqualTo(5);
        assertThat(stored(late).orElseThrow().totalAvailable()).isEqualTo(7);
    }

    private long nextGlobalIndex() {
        return jdbc.queryForObject(
                "SELECT nextval(pg_get_serial_sequence('domain_event_entry', 'global_index'))", Long.class);
    }

    private void insertInitialStock(long globalIndex, String product, long quantity) {
        jdbc.update("""
                INSERT INTO domain_event_entry (global_index, event_identifier, aggregate_identifier, sequence_number,
                                                type, time_stamp, payload_type, payload_revision, payload, meta_data)
                VALUES (?, ?, ?, 0, 'ProductInventory',
                        to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                        'com.acme.inventory.api.StockInitializedEvent', '1',
                        convert_to(json_build_object('productId', ?::text, 'variantId', 'v', 'quantity', ?::bigint,
                                                     'availableAfter', ?::bigint, 'actor', 'test')::text, 'UTF8'),
                        convert_to('{}', 'UTF8'))""", globalIndex, UUID.randomUUID().toString(), product, product, quantity, quantity);
    }

    private Optional<ProductStock> stored(String productId) {
        return Optional.ofNullable(reader.products(List.of(productId)).get(productId));
    }
}
