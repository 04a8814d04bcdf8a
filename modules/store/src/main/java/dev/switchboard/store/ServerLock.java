package dev.switchboard.store;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session-level PostgreSQL advisory lock held on a connection of its own for as long as its owner runs: the server
 * grants it to one session and drops it when that connection ends (the seat closed, was killed or lost the network),
 * whichever machine asks, so "is the holder alive?" needs no clocks or heartbeats. A lock lost with its connection
 * while the owner runs is taken again on a new connection within {@link #KEEP_EVERY}. Used by the workflow engine's
 * lease and the generation queues' ownership.
 */
public final class ServerLock implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServerLock.class);
    /** How often the lock's connection is checked, and the lock taken again on a new one when it was lost. */
    public static final Duration KEEP_EVERY = Duration.ofSeconds(2);

    private final Database db;
    private final long key;
    private final String what;
    private final BooleanSupplier takenByAnother;
    /** The connection holding the lock; replaced when lost; swapped under this. */
    private volatile Handle handle;
    private volatile int backendPid;
    private final Thread keeper;
    private volatile boolean closed;

    private ServerLock(Database db, long key, String what, BooleanSupplier takenByAnother, Handle handle) {
        this.db = db;
        this.key = key;
        this.what = what;
        this.takenByAnother = takenByAnother;
        this.handle = handle;
        this.backendPid = backendPid(handle);
        this.keeper = Thread.ofVirtual().name(what.replace(' ', '-') + "-lock").start(this::keep);
    }

    /**
     * Takes the lock {@code key} on a new connection of {@code db} (a server), unless another session holds it.
     *
     * @param what           the owner in log lines, e.g. "workflow engine"
     * @param takenByAnother called when the lock, lost with its connection, was taken by another session meanwhile;
     *                       returns whether to keep trying to take it again
     */
    public static Optional<ServerLock> tryTake(Database db, long key, String what, BooleanSupplier takenByAnother) {
        Objects.requireNonNull(db, "db");
        Handle h = db.jdbi().open();
        boolean held;
        try {
            held = tryLock(h, key);
        } catch (RuntimeException e) {
            h.close();
            throw e;
        }
        if (!held) {
            h.close();
            return Optional.empty();
        }
        return Optional.of(new ServerLock(db, key, what, takenByAnother, h));
    }

    /** Whether no session holds the lock {@code key} on {@code db}; asks by taking and releasing it at once. */
    public static boolean isFree(Database db, long key) {
        return db.jdbi().withHandle(h -> {
            boolean free = tryLock(h, key);
            if (free) {
                unlock(h, key);
            }
            return free;
        });
    }

    /** The server process of the connection holding the lock, e.g. to tell this seat's own lock in {@code pg_locks}. */
    public int backendPid() {
        return backendPid;
    }

    private void keep() {
        while (!closed) {
            try {
                Thread.sleep(KEEP_EVERY);
            } catch (InterruptedException e) {
                return;
            }
            Handle current = handle;
            if (current == null) {
                return;
            }
            if (closed || isValid(current)) {
                continue;
            }
            LOG.warn("The {} lost its connection to the database server; taking its lock again", what);
            closeQuietly(current);
            try {
                Handle fresh = db.jdbi().open();
                boolean held = tryLock(fresh, key);
                synchronized (this) {
                    if (held && !closed) {
                        handle = fresh;
                        backendPid = backendPid(fresh);
                        LOG.info("The {} holds its lock again", what);
                        continue;
                    }
                }
                release(fresh, held);
                if (!held && !takenByAnother.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException e) {
                LOG.debug("Could not take the {}'s lock again yet", what, e);
            }
        }
    }

    /** Releases the lock and closes its connection. Idempotent. */
    @Override
    public void close() {
        Handle h;
        synchronized (this) {
            closed = true;
            h = handle;
            handle = null;
        }
        keeper.interrupt();
        if (h != null) {
            release(h, true);
        }
    }

    private void release(Handle h, boolean held) {
        if (held) {
            try {
                unlock(h, key);
            } catch (RuntimeException e) {
                // The connection is gone already, and the server dropped the lock with it.
                LOG.debug("Could not release the {}'s lock; its connection is gone", what, e);
            }
        }
        closeQuietly(h);
    }

    private static boolean tryLock(Handle h, long key) {
        return h.createQuery("SELECT pg_try_advisory_lock(:k)").bind("k", key).mapTo(Boolean.class).one();
    }

    private static void unlock(Handle h, long key) {
        h.createQuery("SELECT pg_advisory_unlock(:k)").bind("k", key).mapTo(Boolean.class).one();
    }

    private static int backendPid(Handle h) {
        return h.createQuery("SELECT pg_backend_pid()").mapTo(Integer.class).one();
    }

    private static boolean isValid(Handle h) {
        try {
            return h.getConnection().isValid(2);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    private static void closeQuietly(Handle h) {
        try {
            h.close();
        } catch (RuntimeException e) {
            LOG.debug("Could not close a lock connection", e);
        }
    }
}
