package com.acme.inventory.platform.database;

import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Tells a database that cannot be reached (or went away mid-statement) from every other failure. */
public final class DatabaseFailures {

    private DatabaseFailures() {}

    /**
     * True when some cause, or a failure suppressed on the way (a rollback that failed after the statement
     * did), says the database is unreachable: the request may succeed later, unchanged.
     */
    public static boolean unreachable(Throwable failure) {
        return unreachable(failure, 0);
    }

    private static boolean unreachable(Throwable failure, int depth) {
        for (Throwable t = failure; t != null && depth < 16; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (t instanceof CannotGetJdbcConnectionException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof ConnectException
                    || t instanceof SocketException) {
                return true;
            }
            if (t instanceof SQLException sql && (connectionState(sql.getSQLState()) || closedConnection(sql))) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (unreachable(suppressed, depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** HikariCP's answer on a connection it closed after an I/O error; it carries no SQLSTATE. */
    private static boolean closedConnection(SQLException sql) {
        return sql.getSQLState() == null && "Connection is closed".equals(sql.getMessage());
    }

    /** The innermost cause, named by its class and message: what one log line says of a failure. */
    public static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** SQLSTATE class 08 (connection exception); 57P01-57P03 (the server shuts down or cannot take connections). */
    private static boolean connectionState(String state) {
        return state != null
                && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03"));
    }
}
