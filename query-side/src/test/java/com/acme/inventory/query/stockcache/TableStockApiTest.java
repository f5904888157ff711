package com.acme.inventory.query.stockcache;

import com.acme.inventory.query.QuerySideTest;
import org.springframework.test.context.TestPropertySource;

/** The same reads, answered from the stock-cache table ({@code inventory.query.stock-reads: table}). */
@QuerySideTest
@TestPropertySource(properties = "inventory.query.stock-reads=table")
class TableStockApiTest extends StockApiTest {}
