-- Bench data, written straight into the event store in the command side's format (JSON, revision 1):
-- :products products b-0.. with one INITIAL_STOCK event each (10^9 units on line v1), the hot product,
-- and product 'deep' with 100,000 events (initial stock, then alternately restocks and sales).
INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                                payload_type, payload_revision, payload, meta_data)
SELECT gen_random_uuid()::text, id, 0, 'ProductInventory',
       to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
       'com.acme.inventory.api.StockInitializedEvent', '1',
       convert_to(json_build_object('productId', id, 'variantId', 'v1', 'quantity', 1000000000,
                                    'availableAfter', 1000000000, 'actor', 'bench')::text, 'UTF8'),
       convert_to('{}', 'UTF8')
FROM (SELECT 'b-' || g AS id FROM generate_series(0, :products - 1) g UNION ALL SELECT 'hot') ids;

INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                                payload_type, payload_revision, payload, meta_data)
SELECT gen_random_uuid()::text, 'deep', k, 'ProductInventory',
       to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
       CASE WHEN k = 0 THEN 'com.acme.inventory.api.StockInitializedEvent'
            WHEN k % 2 = 1 THEN 'com.acme.inventory.api.StockRestockedEvent'
            ELSE 'com.acme.inventory.api.StockDeductedForSaleEvent' END,
       '1',
       convert_to(CASE
           WHEN k = 0 THEN json_build_object('productId', 'deep', 'variantId', 'v1', 'quantity', 1000000000,
                                             'availableAfter', 1000000000, 'actor', 'bench')
           WHEN k % 2 = 1 THEN json_build_object('productId', 'deep', 'variantId', 'v1', 'quantity', 3,
                                                 'availableAfter', 1000000000 + 3 * ((k + 1) / 2) - 2 * (k / 2),
                                                 'note', null, 'actor', 'bench')
           ELSE json_build_object('productId', 'deep', 'variantId', 'v1', 'orderId', 'seed-' || k, 'quantity', 2,
                                  'availableAfter', 1000000000 + 3 * ((k + 1) / 2) - 2 * (k / 2), 'actor', 'bench')
           END::text, 'UTF8'),
       convert_to('{}', 'UTF8')
FROM generate_series(0, 99999) k;
