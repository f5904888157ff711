package com.acme.inventory.platform.database;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * One line per kind of failure per interval, with how many were not logged: an outage fails every
 * request, and a stack trace each (140-175 lines) buried the log while it lasted.
 */
public final class ConciseFailureLog {

    private final Logger log;
    private final long intervalNanos;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public ConciseFailureLog(Logger log, Duration interval) {
        this.log = log;
        this.intervalNanos = interval.toNanos();
    }

    /**
     * Logs {@code what} and the failure's root cause, unless this kind (what failed, the failure's class and
     * its root cause's class) was logged less than an interval ago.
     */
    public void failed(String what, Throwable failure) {
        String cause = DatabaseFailures.rootCause(failure);
        String kind = what + '|' + failure.getClass().getName() + '|' + cause.substring(0, cause.indexOf(':'));
        Window window = windows.computeIfAbsent(kind, k -> new Window());
        long now = System.nanoTime();
        long suppressed;
        synchronized (window) {
            if (window.loggedAt != 0 && now - window.loggedAt < intervalNanos) {
                window.suppressed.incrementAndGet();
                return;
            }
            window.loggedAt = now;
            suppressed = window.suppressed.getAndSet(0);
        }
        if (suppressed > 0) {
            log.warn("{}: {} ({} more like it since the last line)", what, cause, suppressed);
        } else {
            log.warn("{}: {}", what, cause);
        }
    }

    private static final class Window {
        long loggedAt;
        final AtomicLong suppressed = new AtomicLong();
    }
}
