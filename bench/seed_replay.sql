-- Fills the event store up to :target events for the replay scenario: products r-0.. with an
-- INITIAL_STOCK event and then restocks of 1, interleaved in the global order like real traffic.
INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                                payload_type, payload_revision, payload, meta_data)
SELECT gen_random_uuid()::text, 'r-' || p, k, 'ProductInventory',
       to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
       CASE WHEN k = 0 THEN 'com.acme.inventory.api.StockInitializedEvent'
            ELSE 'com.acme.inventory.api.StockRestockedEvent' END,
       '1',
       convert_to(CASE WHEN k = 0
           THEN json_build_object('productId', 'r-' || p, 'variantId', 'v1', 'quantity', 1000, 'availableAfter', 1000,
                                  'actor', 'bench')
           ELSE json_build_object('productId', 'r-' || p, 'variantId', 'v1', 'quantity', 1, 'availableAfter', 1000 + k,
                                  'note', null, 'actor', 'bench')
           END::text, 'UTF8'),
       convert_to('{}', 'UTF8')
FROM generate_series(0, 99) k,
     generate_series(0, GREATEST(0, (:target - (SELECT COUNT(*) FROM domain_event_entry)) / 100) - 1) p
ORDER BY k, p;
