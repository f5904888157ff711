package com.acme.inventory.query.projection;

import com.acme.inventory.platform.database.DatabaseNotifications;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Decides whether a periodic look at the database is worth its query: always where nothing is
 * announced (H2, or the listening connection is lost); where PostgreSQL announces changes, only after an
 * announcement on one of the channels, while the looker is not steady, or once a minute.
 */
final class QuietTicks {

    private static final long QUIET_LOOK_NANOS = Duration.ofMinutes(1).toNanos();

    private final DatabaseNotifications announcements;
    private final AtomicBoolean news = new AtomicBoolean(true);
    private long lookedAt;

    /** @param announcements null where commits are not announced */
    QuietTicks(DatabaseNotifications announcements, String... channels) {
        this.announcements = announcements;
        if (announcements != null) {
            for (String channel : channels) {
                announcements.onNotification(channel, () -> news.set(true));
            }
        }
    }

    /** Whether to look now; {@code steady}: the last look found nothing that moves by itself. Called by one thread. */
    boolean due(boolean steady) {
        boolean announced = news.getAndSet(false);
        long now = System.nanoTime();
        boolean quiet = !announced
                && steady
                && announcements != null
                && announcements.listening()
                && now - lookedAt < QUIET_LOOK_NANOS;
        if (!quiet) {
            lookedAt = now;
        }
        return !quiet;
    }
}
