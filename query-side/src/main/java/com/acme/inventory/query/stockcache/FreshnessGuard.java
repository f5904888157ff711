package com.acme.inventory.query.stockcache;

import com.acme.inventory.api.ProductStock;
import com.acme.inventory.query.projection.ProjectionPositions;
import com.acme.inventory.query.projection.Projections;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Stock reads from the stock-cache table ({@code inventory.query.stock-reads: table}), with read-your-writes:
 * reads products once the stock cache has applied at least a given version of each, waiting up to
 * {@code inventory.query.consistency-wait} for it. A read that is already fresh costs one query, one that
 * waits for its products' commit two.
 */
class FreshnessGuard implements StockReads {

    /**
     * The longest a waiting read goes without looking: rows written by another query-side instance
     * (which owns the product's segment) send no signal here.
     */
    private static final long FALLBACK_POLL_MILLIS = 20;

    private final StockReader reader;
    private final StockCacheCommits commits;
    private final ProjectionPositions positions;
    private final Duration maxWait;

    FreshnessGuard(StockReader reader, StockCacheCommits commits, ProjectionPositions positions, Duration maxWait) {
        this.reader = reader;
        this.commits = commits;
        this.positions = positions;
        this.maxWait = maxWait;
    }

    @Override
    public long lagMillis() {
        return positions.lagMillis(Projections.STOCK_CACHE);
    }

    @Override
    public boolean ready() {
        return true;
    }

    @Override
    public Read read(Collection<String> productIds, Long minVersion) {
        if (minVersion == null) {
            return new Read(reader.products(productIds), true);
        }
        long deadline = System.nanoTime() + maxWait.toNanos();
        int wanted = Set.copyOf(productIds).size();
        try (StockCacheCommits.Wait wait = commits.register(productIds, minVersion)) {
            while (true) {
                Map<String, ProductStock> found = reader.products(productIds);
                List<String> reached = found.values().stream()
                        .filter(stock -> stock.version() >= minVersion)
                        .map(ProductStock::productId)
                        .toList();
                if (reached.size() == wanted) {
                    return new Read(found, true);
                }
                // decided on what was read, not on the signal: a commit may signal after this read
                wait.reached(reached);
                long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (remainingMillis <= 0) {
                    return new Read(found, false);
                }
                wait.await(Math.min(remainingMillis, FALLBACK_POLL_MILLIS));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Read(reader.products(productIds), false);
        }
    }
}
