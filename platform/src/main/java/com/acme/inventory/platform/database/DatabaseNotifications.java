package com.acme.inventory.platform.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * PostgreSQL's LISTEN, on a connection of its own: calls a channel's listeners when a transaction that
 * notified it commits. While the connection is lost nothing is announced, so after listening again it
 * calls every listener once; while it cannot listen, it calls every listener about once a second. Callers
 * keep a slow poll of their own for what a lost connection hides until it is noticed (at most about 30 s of
 * silence); {@link #listening()} says whether they may rely on the notifications.
 */
public class DatabaseNotifications implements SmartLifecycle {

    /** A transaction that appended events has committed (migration V10). */
    public static final String EVENTS_CHANNEL = "inventory_events";

    /** A projection's replay state changed (migration V10). */
    public static final String PROJECTION_CONTROL_CHANNEL = "inventory_projection_control";

    private static final Logger log = LoggerFactory.getLogger(DatabaseNotifications.class);
    private static final ConciseFailureLog failures = new ConciseFailureLog(log, Duration.ofMinutes(1));
    /** How long one wait for notifications lasts: the longest a stop waits for the thread. */
    private static final int WAIT_MILLIS = 500;
    /** A connection that has not delivered anything for this long is asked whether it still answers. */
    private static final long CHECK_AFTER_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final DataSource pool;
    private final Map<String, List<Runnable>> listeners = new ConcurrentHashMap<>();
    private volatile boolean running;
    private volatile boolean listening;
    private Thread thread;

    public DatabaseNotifications(DataSource dataSource) {
        this.pool = PooledConnections.poolUnder(dataSource);
    }

    /** Calls {@code listener} on the listening thread after each commit that notified {@code channel}. */
    public void onNotification(String channel, Runnable listener) {
        listeners.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(listener);
    }

    /** True while a connection listens: commits are announced within milliseconds. */
    public boolean listening() {
        return listening;
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::listen, "database-notifications");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return thread != null;
    }

    /** Before the processors start, so that no commit after their first read goes unannounced. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }

    private void listen() {
        while (running) {
            Connection connection = null;
            try {
                connection = pool.getConnection();
                PGConnection postgres = connection.unwrap(PGConnection.class);
                try (Statement statement = connection.createStatement()) {
                    // named for pg_stat_activity: the service's application name, and what this connection does
                    statement.execute("SELECT set_config('application_name',"
                            + " left(current_setting('application_name') || ' (listen)', 63), false)");
                    for (String channel : listeners.keySet()) {
                        statement.execute("LISTEN " + channel);
                    }
                }
                listening = true;
                callAll(listeners.keySet());
                receive(connection, postgres);
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    failures.failed("Not listening for commits; polling every second until the database answers", e);
                }
            } finally {
                listening = false;
                discard(connection);
            }
            pause();
            if (running) {
                // while nothing is announced, every listener is called about once a second instead
                callAll(listeners.keySet());
            }
        }
    }

    /** Never back into the pool: it still listens and carries this connection's name. */
    private void discard(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            PooledConnections.discard(pool, connection);
        } catch (SQLException | RuntimeException e) {
            log.debug("Closing the listening connection failed", e);
        }
    }

    private void receive(Connection connection, PGConnection postgres) throws SQLException {
        long lastHeard = System.nanoTime();
        while (running) {
            PGNotification[] received = postgres.getNotifications(WAIT_MILLIS);
            if (received != null && received.length > 0) {
                lastHeard = System.nanoTime();
                Set<String> channels = new HashSet<>();
                for (PGNotification notification : received) {
                    channels.add(notification.getName());
                }
                callAll(channels);
            } else if (System.nanoTime() - lastHeard > CHECK_AFTER_NANOS) {
                if (!connection.isValid(2)) {
                    throw new SQLException("The listening connection does not answer");
                }
                lastHeard = System.nanoTime();
            }
        }
    }

    private void callAll(Set<String> channels) {
        for (String channel : channels) {
            for (Runnable listener : listeners.getOrDefault(channel, List.of())) {
                try {
                    listener.run();
                } catch (RuntimeException e) {
                    log.warn("A listener of '{}' failed", channel, e);
                }
            }
        }
    }

    private static void pause() {
        try {
            TimeUnit.SECONDS.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
