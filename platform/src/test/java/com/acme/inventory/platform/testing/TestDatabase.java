package com.acme.inventory.platform.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fresh PostgreSQL databases for tests: every call creates a new, empty database, so no test depends
 * on what an earlier run left. Server and user come from TEST_PG_HOST, TEST_PG_PORT, TEST_PG_USER
 * (defaults 127.0.0.1, 5432, postgres with trust authentication, as on the team's machines and CI).
 * The databases a test JVM created are dropped when it exits, unless TEST_PG_KEEP_DATABASES is set
 * (to look at them after a failure).
 */
public final class TestDatabase {

    private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);

    public static final String HOST = env("TEST_PG_HOST", "127.0.0.1");
    public static final int PORT = Integer.parseInt(env("TEST_PG_PORT", "5432"));
    public static final String USER = env("TEST_PG_USER", "postgres");
    public static final String PASSWORD = env("TEST_PG_PASSWORD", "");

    private static String shared;
    private static final List<String> created = new ArrayList<>();

    private TestDatabase() {}

    /** A database shared by the Spring test contexts of one test JVM (each test uses its own product ids). */
    public static synchronized String sharedUrl() {
        if (shared == null) {
            shared = freshUrl("shared");
        }
        return shared;
    }

    /** Creates a new empty database and returns its JDBC URL. */
    public static String freshUrl(String purpose) {
        String name = ("inventory_test_" + purpose + "_"
                        + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_]", "_");
        try (Connection connection = DriverManager.getConnection(url("postgres"), USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
            dropAtExit(name);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Cannot create test database " + name + " on " + HOST + ":" + PORT
                            + " (is PostgreSQL running? see README, Tests)",
                    e);
        }
        return url(name);
    }

    private static synchronized void dropAtExit(String name) {
        if (created.isEmpty() && System.getenv("TEST_PG_KEEP_DATABASES") == null) {
            Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::dropCreated, "drop-test-databases"));
        }
        created.add(name);
    }

    /** Best effort at exit: WITH (FORCE) ends connections a Spring context or a child process still holds. */
    private static synchronized void dropCreated() {
        try (Connection connection = DriverManager.getConnection(url("postgres"), USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            for (String name : created) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            log.warn("Could not drop test databases {}: {}", created, e.getMessage());
        }
    }

    /** The database a URL of {@link #freshUrl} names. */
    public static String name(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private static String url(String database) {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
