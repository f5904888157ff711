package com.acme.inventory.query.stock;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes: waits, up to {@code inventory.query.consistency-wait}, until the stock cache has
 * applied at least a given version of each product.
 */
@Component
class FreshnessGuard {

    private static final long POLL_MILLIS = 5;

    private final StockReader reader;
    private final Duration maxWait;

    FreshnessGuard(StockReader reader, @Value("${inventory.query.consistency-wait:2s}") Duration maxWait) {
        this.reader = reader;
        this.maxWait = maxWait;
    }

    /** True once every product has reached {@code minVersion}; false if the wait ran out first. */
    boolean awaitVersion(Collection<String> productIds, Long minVersion) {
        if (minVersion == null) {
            return true;
        }
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (true) {
            Map<String, Long> versions = reader.versions(productIds);
            if (productIds.stream().allMatch(id -> versions.getOrDefault(id, 0L) >= minVersion)) {
                return true;
            }
            if (System.nanoTime() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
