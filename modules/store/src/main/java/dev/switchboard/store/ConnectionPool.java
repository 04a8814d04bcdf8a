package dev.switchboard.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.ConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Hands JDBI one SQLite connection per handle and keeps a few idle ones, so a handle does not pay
 * for opening the file and applying the pragmas each time. Every new connection gets the pragmas
 * from the {@link SQLiteConfig}. Thread-safe; connections themselves are used by one thread at a time.
 */
final class ConnectionPool implements ConnectionFactory, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionPool.class);
    private static final int MAX_IDLE = 4;

    private final SQLiteDataSource source;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private final Set<Connection> open = new HashSet<>();
    private boolean closed;
    private volatile Runnable guard = () -> { };

    ConnectionPool(String url, SQLiteConfig config) {
        this.source = new SQLiteDataSource(config);
        this.source.setUrl(url);
    }

    SQLiteDataSource dataSource() {
        return source;
    }

    /** Runs {@code check} before every connection is handed out; it throws to refuse. */
    void guard(Runnable check) {
        this.guard = check;
    }

    @Override
    public Connection openConnection() throws SQLException {
        guard.run();
        synchronized (this) {
            if (closed) {
                throw new SQLException("The database has been closed");
            }
            Connection reused = idle.pollFirst();
            if (reused != null) {
                return reused;
            }
        }
        Connection created = source.getConnection();
        synchronized (this) {
            if (!closed) {
                open.add(created);
                return created;
            }
        }
        created.close();
        throw new SQLException("The database has been closed");
    }

    @Override
    public void closeConnection(Connection connection) throws SQLException {
        boolean reusable;
        try {
            // A handle that failed half-way may leave a transaction open; never hand that on.
            if (!connection.isClosed() && !connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            reusable = !connection.isClosed();
        } catch (SQLException e) {
            LOG.debug("Dropping a connection that could not be reset", e);
            reusable = false;
        }
        synchronized (this) {
            if (reusable && !closed && idle.size() < MAX_IDLE) {
                idle.addFirst(connection);
                return;
            }
            open.remove(connection);
        }
        connection.close();
    }

    /** Closes every connection, idle or handed out. Callers must have finished their work. */
    @Override
    public void close() {
        List<Connection> all;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            all = new ArrayList<>(open);
            open.clear();
            idle.clear();
        }
        for (Connection connection : all) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.warn("Could not close a database connection: {}", e.getMessage());
            }
        }
    }
}
