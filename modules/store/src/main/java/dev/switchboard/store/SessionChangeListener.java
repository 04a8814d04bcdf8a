package dev.switchboard.store;

import dev.switchboard.core.event.EventBus;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.core.session.TrainingSessionChanged;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a seat's lists live when it shares a PostgreSQL server with other seats: one thread holds one connection of
 * its own that {@code LISTEN}s on {@value #CHANNEL} (notified by triggers on the sessions and review tables, see
 * {@code db/postgresql/V22}) and publishes {@link TrainingSessionChanged} on the workstation's bus for every session
 * another seat (or this one) started, ended, scored or graded. Nothing polls: the thread waits on the socket.
 *
 * <p>When the connection drops (the server restarts, an administrator ends the backend, the network goes) the thread
 * connects again, waiting 1 s, then 2, 4 ... up to 30 s between attempts, and on success announces the sessions that
 * started or ended while it was away (grades made in that gap show at the next change or refresh). A seat on its own
 * SQLite file needs none of this: its bus already carries every change.
 */
public final class SessionChangeListener implements AutoCloseable {

    /** The notification channel; the payload is the session's id. */
    public static final String CHANNEL = "switchboard_session_changed";
    /** The listening connection's name in {@code pg_stat_activity}. */
    static final String APPLICATION = "Switchboard session changes";

    private static final Logger LOG = LoggerFactory.getLogger(SessionChangeListener.class);
    private static final int WAIT_MS = 500;
    /** After this long without a notification the connection is probed, so a silently dead link is noticed. */
    private static final long PROBE_AFTER_MS = 30_000;
    /** Sessions whose rows changed this long before the link was lost are announced again, for clock skew. */
    private static final long CATCH_UP_MARGIN_MS = 60_000;

    private final DataSource source;
    private final String where;
    private final Consumer<SessionId> onChange;
    private final Duration firstRetry;
    private final Duration maxRetry;
    private final Thread thread;
    private volatile boolean closed;
    /** The listening connection while there is one, so closing need not wait for the next timeout. */
    private volatile Connection connection;
    private volatile int backendPid = -1;
    private volatile long reconnects;

    SessionChangeListener(DataSource source, String where, Consumer<SessionId> onChange, Duration firstRetry,
                          Duration maxRetry) {
        this.source = Objects.requireNonNull(source, "source");
        this.where = Objects.requireNonNull(where, "where");
        this.onChange = Objects.requireNonNull(onChange, "onChange");
        this.firstRetry = firstRetry;
        this.maxRetry = maxRetry;
        this.thread = Thread.ofPlatform().name("session-changes").daemon(true).unstarted(this::run);
    }

    /**
     * Starts listening when {@code db} is a server database and returns the running listener (close it before the
     * database); empty for a seat's own SQLite file.
     */
    public static Optional<SessionChangeListener> start(Database db, EventBus bus) {
        Objects.requireNonNull(bus, "bus");
        return db.server().map(server -> {
            SessionChangeListener listener = new SessionChangeListener(
                    ServerConnections.listenerDataSource(server, APPLICATION), server.display(),
                    id -> bus.publish(new TrainingSessionChanged(id)), Duration.ofSeconds(1), Duration.ofSeconds(30));
            listener.thread.start();
            return listener;
        });
    }

    /** Starts the thread; for tests that build the listener themselves. */
    SessionChangeListener startThread() {
        thread.start();
        return this;
    }

    /** The server process of the listening connection, or -1 while not connected. */
    int backendPid() {
        return backendPid;
    }

    /** How many times the connection was made again after it dropped. */
    long reconnects() {
        return reconnects;
    }

    /** Stops listening and closes the connection; waits up to two seconds for the thread. Idempotent. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        Connection c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.debug("Closing the session-change connection: {}", e.getMessage());
            }
        }
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        long retryMs = firstRetry.toMillis();
        long lostAtMs = -1;
        while (!closed) {
            try (Connection c = source.getConnection()) {
                connection = c;
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                backendPid = pg.getBackendPID();
                if (lostAtMs >= 0) {
                    reconnects++;
                    LOG.info("Listening for session changes on {} again", where);
                    catchUp(c, lostAtMs - CATCH_UP_MARGIN_MS);
                    lostAtMs = -1;
                } else {
                    LOG.info("Listening for session changes on {}", where);
                }
                retryMs = firstRetry.toMillis();
                listen(c, pg);
            } catch (SQLException | RuntimeException e) {
                backendPid = -1;
                connection = null;
                if (closed) {
                    break;
                }
                if (lostAtMs < 0) {
                    lostAtMs = System.currentTimeMillis();
                    LOG.warn("Lost the session-change connection to {} ({}); other seats' calls show in the lists "
                            + "again once it is back. Retrying.", where, e.getMessage());
                } else {
                    LOG.debug("Session-change connection to {} still down: {}", where, e.getMessage());
                }
                try {
                    Thread.sleep(retryMs);
                } catch (InterruptedException ie) {
                    if (closed) {
                        break;
                    }
                }
                retryMs = Math.min(maxRetry.toMillis(), retryMs * 2);
            }
        }
        backendPid = -1;
        connection = null;
    }

    /** Waits on the socket and hands on every notification until closed or the connection fails. */
    private void listen(Connection c, PGConnection pg) throws SQLException {
        long quietSince = System.nanoTime();
        while (!closed) {
            PGNotification[] notes = pg.getNotifications(WAIT_MS);
            if (notes != null && notes.length > 0) {
                Set<String> ids = new LinkedHashSet<>();
                for (PGNotification n : notes) {
                    ids.add(n.getParameter());
                }
                ids.forEach(this::announce);
                quietSince = System.nanoTime();
            } else if ((System.nanoTime() - quietSince) / 1_000_000 >= PROBE_AFTER_MS) {
                try (Statement s = c.createStatement()) {
                    s.execute("SELECT 1");
                }
                quietSince = System.nanoTime();
            }
        }
    }

    /** Announces the sessions that started or ended since {@code sinceMs}: their notifications were missed. */
    private void catchUp(Connection c, long sinceMs) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(
                "SELECT id FROM training_session WHERE started_at >= ? OR ended_at >= ? ORDER BY started_at")) {
            q.setLong(1, sinceMs);
            q.setLong(2, sinceMs);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    announce(rs.getString(1));
                }
            }
        }
    }

    private void announce(String id) {
        if (id == null || id.isBlank()) {
            return;
        }
        try {
            onChange.accept(new SessionId(id));
        } catch (RuntimeException e) {
            // A bad id or a failing subscriber must not end the listening.
            LOG.warn("Could not announce the change of session {}: {}", id, e.toString());
        }
    }
}
