package com.acme.inventory.query.stock;

import org.springframework.stereotype.Component;

/**
 * Tells reads that wait for a version when this instance's stock-cache projection has committed a
 * batch, so that they look again at once instead of polling the database on a timer.
 */
@Component
class StockCacheCommits {

    private final Object monitor = new Object();
    private long commits;

    void committed() {
        synchronized (monitor) {
            commits++;
            monitor.notifyAll();
        }
    }

    long count() {
        synchronized (monitor) {
            return commits;
        }
    }

    /** Returns after the next commit following {@code seen}, or after {@code maxMillis}. */
    void awaitCommitAfter(long seen, long maxMillis) throws InterruptedException {
        synchronized (monitor) {
            if (commits == seen && maxMillis > 0) {
                monitor.wait(maxMillis);
            }
        }
    }
}
