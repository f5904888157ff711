package com.acme.inventory.platform.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The application's DataSource, answering at once while {@link DatabaseAvailability}'s probe finds the
 * database unreachable: otherwise every request (and every Axon retry) waited the pool's whole
 * connection timeout before its 503, holding a thread all that time. The probe itself reads the pool
 * underneath, so it sees the database come back.
 */
public final class FailFastDataSource extends DelegatingDataSource {

    private final ObjectProvider<DatabaseAvailability> availabilityProvider;
    private volatile DatabaseAvailability availability;

    /** The availability is looked up on first use: it is built from this very DataSource. */
    public FailFastDataSource(DataSource pool, ObjectProvider<DatabaseAvailability> availability) {
        super(pool);
        this.availabilityProvider = availability;
    }

    @Override
    public Connection getConnection() throws SQLException {
        refuseWhileUnreachable();
        return super.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        refuseWhileUnreachable();
        return super.getConnection(username, password);
    }

    private void refuseWhileUnreachable() throws SQLTransientConnectionException {
        DatabaseAvailability known = availability;
        if (known == null) {
            known = availabilityProvider.getIfAvailable();
            availability = known;
        }
        if (known != null && !known.available()) {
            throw new SQLTransientConnectionException("The database is unreachable: " + known.reason(), "08001");
        }
    }
}
