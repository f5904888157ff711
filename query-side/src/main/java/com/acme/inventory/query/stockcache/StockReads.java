package com.acme.inventory.query.stockcache;

import com.acme.inventory.api.ProductStock;
import java.util.Collection;
import java.util.Map;

/**
 * Where the stock reads come from: the in-memory {@link StockView} ({@code inventory.query.stock-reads:
 * memory}, the default), or the stock-cache table for catalogues too large for memory ({@code table}).
 */
interface StockReads {

    /** The products found, keyed by id; {@code fresh} unless some had not reached {@code minVersion} in time. */
    record Read(Map<String, ProductStock> products, boolean fresh) {}

    /**
     * The products found among these ids; with {@code minVersion}, once each has reached that version, or
     * when {@code inventory.query.consistency-wait} has run out.
     */
    Read read(Collection<String> productIds, Long minVersion);

    /** How far what this reads trails the event store, in milliseconds. */
    long lagMillis();

    /** False while the source cannot answer yet (the view is loading). */
    boolean ready();
}
