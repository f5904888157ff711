package com.acme.inventory.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The connection pool under the application's fail-fast DataSource, for the few that must bypass it. */
final class PooledConnections {

    private PooledConnections() {}

    /** The pool itself: probes and the listener must reach the database while requests are refused. */
    static DataSource poolUnder(DataSource dataSource) {
        return dataSource instanceof FailFastDataSource failFast ? failFast.getTargetDataSource() : dataSource;
    }

    /**
     * Closes the connection instead of returning it to the pool: a connection broken in a way the pool
     * cannot see (the driver's own calls bypass its checks), or one left in a state others must not inherit.
     */
    static void discard(DataSource pool, Connection connection) throws SQLException {
        if (pool.isWrapperFor(HikariDataSource.class)) {
            pool.unwrap(HikariDataSource.class).evictConnection(connection);
        } else {
            connection.close();
        }
    }
}
