package dev.switchboard.store;

import dev.switchboard.core.error.SwitchboardException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** Logging on to a {@link DatabaseServer}: the driver's data source, and a first connection that says what is wrong. */
final class ServerConnections {

    private static final int CONNECT_TIMEOUT_SECONDS = 10;

    private ServerConnections() {
    }

    static DataSource dataSource(DatabaseServer server) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(server.url());
        var logOn = server.logOn();
        if (logOn.containsKey("user")) {
            source.setUser(logOn.getProperty("user"));
        }
        if (logOn.containsKey("password")) {
            source.setPassword(logOn.getProperty("password"));
        }
        source.setApplicationName(logOn.getProperty("ApplicationName"));
        source.setConnectTimeout(CONNECT_TIMEOUT_SECONDS);
        // Sends a JDBC batch as multi-row INSERTs: the event log's batched appends are several times faster.
        source.setReWriteBatchedInserts(true);
        return source;
    }

    /**
     * The data source of one long-lived connection that only listens (e.g. {@link SessionChangeListener}): named
     * {@code application} in the server's activity view, with TCP keep-alive so a dead link is noticed.
     */
    static DataSource listenerDataSource(DatabaseServer server, String application) {
        PGSimpleDataSource source = (PGSimpleDataSource) dataSource(server);
        source.setApplicationName(application);
        source.setTcpKeepAlive(true);
        return source;
    }

    /** Opens and gives back one connection, so an unreachable server or a refused log-on is said plainly. */
    static void requireReachable(ConnectionPool pool, DatabaseServer server) {
        try (Connection c = pool.dataSource().getConnection()) {
            c.isValid(CONNECT_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            String why = state.startsWith("28") ? "the server refused the log-on"
                    : state.startsWith("08") ? "the server cannot be reached"
                    : state.equals("3D000") ? "the database does not exist on that server" : "the connection failed";
            throw new SwitchboardException("Cannot open the database server " + server.display() + ": " + why + " ("
                    + e.getMessage() + ").",
                    "Check the address, that the server is running, and the log-on (--database-password-file, "
                            + "SWITCHBOARD_DATABASE_PASSWORD or ~/.pgpass); or leave out --database to work on "
                            + "this seat's own database.", e);
        }
    }
}
