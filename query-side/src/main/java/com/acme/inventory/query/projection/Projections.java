package com.acme.inventory.query.projection;

import java.util.List;

/** The projections of the query side; each is one Axon processing group, the unit of replay. */
public final class Projections {

    public static final String STOCK_CACHE = "stock-cache";
    public static final String EVENT_LOG = "event-log";
    public static final List<String> NAMES = List.of(STOCK_CACHE, EVENT_LOG);

    private Projections() {}
}
