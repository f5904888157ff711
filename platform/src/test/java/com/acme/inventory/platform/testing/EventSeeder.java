package com.acme.inventory.platform.testing;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes a large history straight into the PostgreSQL event store, in the form the command side
 * writes it (JSON payloads, revision 1), far faster than sending commands: product {@code prefix + i}
 * gets initial stock on line {@code v}, then alternately a restock of 3 and a sale of 2. Products'
 * events are interleaved in the global order, each product's in sequence order.
 */
public final class EventSeeder {

    public static final long INITIAL = 1_000_000;

    private EventSeeder() {}

    public static void seed(JdbcTemplate jdbc, String prefix, int products, int eventsPerProduct) {
        jdbc.update(
                """
                INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                                                payload_type, payload_revision, payload, meta_data)
                SELECT gen_random_uuid()::text, ? || p, k, 'ProductInventory',
                       to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                       CASE WHEN k = 0 THEN 'com.acme.inventory.api.StockInitializedEvent'
                            WHEN k % 2 = 1 THEN 'com.acme.inventory.api.StockRestockedEvent'
                            ELSE 'com.acme.inventory.api.StockDeductedForSaleEvent' END,
                       '1',
                       convert_to(CASE
                           WHEN k = 0 THEN json_build_object('productId', ? || p, 'variantId', 'v', 'quantity', ?::bigint,
                                                             'availableAfter', ?::bigint, 'actor', 'seed')
                           WHEN k % 2 = 1 THEN json_build_object('productId', ? || p, 'variantId', 'v', 'quantity', 3,
                                                             'availableAfter', ?::bigint + 3 * ((k + 1) / 2) - 2 * (k / 2),
                                                             'note', null, 'actor', 'seed')
                           ELSE json_build_object('productId', ? || p, 'variantId', 'v', 'orderId', 'seed-' || k,
                                                  'quantity', 2, 'availableAfter', ?::bigint + 3 * ((k + 1) / 2) - 2 * (k / 2),
                                                  'actor', 'seed')
                           END::text, 'UTF8'),
                       convert_to('{}', 'UTF8')
                FROM generate_series(0, ? - 1) AS k, generate_series(0, ? - 1) AS p
                ORDER BY k, p""", prefix, prefix, INITIAL, INITIAL, prefix, INITIAL, prefix, INITIAL, eventsPerProduct, products);
    }

    /** Units on line {@code v} after {@code events} seeded events. */
    public static long availableAfter(int events) {
        long k = events - 1L;
        return INITIAL + 3 * ((k + 1) / 2) - 2 * (k / 2);
    }
}
