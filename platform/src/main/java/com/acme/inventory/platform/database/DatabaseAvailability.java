package com.acme.inventory.platform.database;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.SmartLifecycle;

/**
 * Whether the database answers, probed in the background ({@code inventory.database.probe-interval}) so
 * that health answers at once from the last probe: Spring's own check asked the pool on each request
 * and took the pool's whole timeout to say DOWN. It is part of readiness, so balancers stop routing to a
 * side that cannot reach its database and route again when it can; liveness does not include it (a
 * restart would not bring the database back). Logs one line when the database goes away, one a minute
 * while it stays away, and one when it is back. Requests fail fast meanwhile ({@link FailFastDataSource}).
 */
public class DatabaseAvailability implements HealthIndicator, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DatabaseAvailability.class);
    private static final int VALID_WITHIN_SECONDS = 1;
    private static final Duration REMINDER = Duration.ofMinutes(1);

    private final DataSource pool;
    private final Duration interval;
    private ScheduledExecutorService prober;
    private volatile Instant downSince;
    private volatile String reason;
    private Instant remindedAt;

    /**
     * Probes the pool underneath the application's fail-fast view of it, every {@code interval}, on a thread
     * of its own: on the shared scheduler, tasks waiting for connections held the probe back for seconds.
     */
    public DatabaseAvailability(DataSource dataSource, Duration interval) {
        this.pool = PooledConnections.poolUnder(dataSource);
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        prober = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "database-probe");
            thread.setDaemon(true);
            return thread;
        });
        prober.scheduleWithFixedDelay(this::probe, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (prober != null) {
            prober.shutdownNow();
            prober = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return prober != null;
    }

    public boolean available() {
        return downSince == null;
    }

    /** Why the last probe failed, with the time it began; null while available. */
    String reason() {
        Instant since = downSince;
        return since == null ? null : reason + " (since " + since + ")";
    }

    /** Null when a connection from the pool answers; otherwise why not. */
    private String ask() {
        try (Connection connection = pool.getConnection()) {
            if (connection.isValid(VALID_WITHIN_SECONDS)) {
                return null;
            }
            PooledConnections.discard(pool, connection);
            return "the connection did not answer within " + VALID_WITHIN_SECONDS + " s";
        } catch (Exception e) {
            return DatabaseFailures.rootCause(e);
        }
    }

    @Override
    public Health health() {
        Instant since = downSince;
        return since == null
                ? Health.up().build()
                : Health.down()
                        .withDetail("since", since.toString())
                        .withDetail("reason", reason)
                        .build();
    }

    void probe() {
        String failure = ask();
        if (failure != null) {
            // one pooled connection cut by the server (an administrator, a proxy) is not an outage
            failure = ask();
        }
        Instant now = Instant.now();
        if (failure == null) {
            if (downSince != null) {
                log.info(
                        "Database reachable again after {} s",
                        Duration.between(downSince, now).toSeconds());
                downSince = null;
                reason = null;
            }
        } else if (downSince == null) {
            log.warn("Database unreachable: {}", failure);
            reason = failure;
            downSince = now;
            remindedAt = now;
        } else if (Duration.between(remindedAt, now).compareTo(REMINDER) >= 0) {
            log.warn(
                    "Database still unreachable after {} s: {}",
                    Duration.between(downSince, now).toSeconds(),
                    failure);
            reason = failure;
            remindedAt = now;
        }
    }
}
