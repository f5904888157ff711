package com.acme.inventory.query.stock;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes: waits, up to {@code inventory.query.consistency-wait}, until the stock cache has
 * applied at least a given version of each product.
 */
@Component
class FreshnessGuard {

    /**
     * The longest a waiting read goes without looking: rows written by another query-side instance
     * (which owns the product's segment) send no signal here.
     */
    private static final long FALLBACK_POLL_MILLIS = 20;

    private final StockReader reader;
    private final StockCacheCommits commits;
    private final Duration maxWait;

    FreshnessGuard(StockReader reader, StockCacheCommits commits,
                   @Value("${inventory.query.consistency-wait:2s}") Duration maxWait) {
        this.reader = reader;
        this.commits = commits;
        this.maxWait = maxWait;
    }

    /** True once every product has reached {@code minVersion}; false if the wait ran out first. */
    boolean awaitVersion(Collection<String> productIds, Long minVersion) {
        if (minVersion == null) {
            return true;
        }
        long deadline = System.nanoTime() + maxWait.toNanos();
        try (StockCacheCommits.Wait wait = commits.register(productIds, minVersion)) {
            while (true) {
                Map<String, Long> versions = reader.versions(productIds);
                wait.reached(productIds.stream().filter(id -> versions.getOrDefault(id, 0L) >= minVersion).toList());
                if (wait.hasReachedAll()) {
                    return true;
                }
                long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (remainingMillis <= 0) {
                    return false;
                }
                if (wait.await(Math.min(remainingMillis, FALLBACK_POLL_MILLIS))) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
