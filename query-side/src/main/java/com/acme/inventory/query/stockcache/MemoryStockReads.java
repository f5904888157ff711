package com.acme.inventory.query.stockcache;

import com.acme.inventory.api.ErrorCode;
import com.acme.inventory.api.ProductStock;
import com.acme.inventory.platform.database.DatabaseAvailability;
import com.acme.inventory.platform.eventstore.CommitWatch;
import com.acme.inventory.platform.web.ApiException;
import com.acme.inventory.query.projection.ProjectionPositions;
import com.acme.inventory.query.projection.Projections;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;

/**
 * Stock reads from the {@link StockView}: no query. A read with {@code minVersion} that finds a product
 * older registers a wait that the view's processor signals when it applies that version, and waits on
 * the signal alone. While the database is unreachable it answers 503 as the table reads do: the view
 * cannot tell what was committed meanwhile.
 */
class MemoryStockReads implements StockReads {

    private final StockView view;
    private final StockCacheCommits waits;
    private final CommitWatch commits;
    private final ProjectionPositions positions;
    private final DatabaseAvailability database;
    private final Duration maxWait;

    MemoryStockReads(
            StockView view,
            StockCacheCommits waits,
            CommitWatch commits,
            ProjectionPositions positions,
            DatabaseAvailability database,
            Duration maxWait) {
        this.view = view;
        this.waits = waits;
        this.commits = commits;
        this.positions = positions;
        this.database = database;
        this.maxWait = maxWait;
    }

    @Override
    public Read read(Collection<String> productIds, Long minVersion) {
        if (!view.loaded()) {
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "The stock view is loading; retry shortly.");
        }
        if (!database.available()) {
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "The database is unavailable; retry later.");
        }
        Map<String, ProductStock> found = view.products(productIds);
        if (minVersion == null || reachedAll(found, productIds, minVersion)) {
            return new Read(found, true);
        }
        try (StockCacheCommits.Wait wait = waits.register(productIds, minVersion)) {
            // looked at again once registered: a version applied in between would send no signal
            found = view.products(productIds);
            wait.reached(found.values().stream()
                    .filter(stock -> stock.version() >= minVersion)
                    .map(ProductStock::productId)
                    .toList());
            wait.await(maxWait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        found = view.products(productIds);
        return new Read(found, reachedAll(found, productIds, minVersion));
    }

    private static boolean reachedAll(Map<String, ProductStock> found, Collection<String> productIds, long minVersion) {
        return found.size() == new HashSet<>(productIds).size()
                && found.values().stream().allMatch(stock -> stock.version() >= minVersion);
    }

    /** The event stream's lag behind the announced commits; where none are announced (H2), the table's. */
    @Override
    public long lagMillis() {
        return commits.announcing() ? commits.lagMillis() : positions.lagMillis(Projections.STOCK_CACHE);
    }

    @Override
    public boolean ready() {
        return view.loaded();
    }
}
