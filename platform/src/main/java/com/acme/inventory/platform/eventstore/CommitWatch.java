package com.acme.inventory.platform.eventstore;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How far the tailing read of the event store trails the commits the database announced: the time since
 * the oldest announcement that no finished read has covered yet (a read covers what committed before it
 * began). Zero when every announcement is covered, and always zero where nothing is announced (H2).
 */
public final class CommitWatch {

    /** {@link System#nanoTime()} of the oldest uncovered announcement; 0 when there is none. */
    private final AtomicLong uncoveredSince = new AtomicLong();

    private volatile boolean announcing;

    /** A transaction that appended events has committed. */
    public void announced() {
        announcing = true;
        long now = System.nanoTime();
        uncoveredSince.compareAndSet(0, now == 0 ? 1 : now);
    }

    /** True once the database has announced a commit: {@link #lagMillis()} then means something. */
    public boolean announcing() {
        return announcing;
    }

    /** A tailing read that began at {@code startedNanos} returned all there was to read. */
    void caughtUp(long startedNanos) {
        uncoveredSince.getAndUpdate(since -> since != 0 && since - startedNanos <= 0 ? 0 : since);
    }

    public long lagMillis() {
        long since = uncoveredSince.get();
        return since == 0 ? 0 : Math.max(0, (System.nanoTime() - since) / 1_000_000);
    }
}
