package dev.switchboard.ai.engine.worker;

import dev.switchboard.store.Database;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running queue as the owner of the jobs it takes: named {@code host/pid/instance} in {@code gpu_job.owner},
 * so that a queue starting up takes back only jobs whose owner is gone. On a server the owner holds a session
 * advisory lock keyed by its random instance number on a connection of its own for as long as it runs; the server
 * drops the lock when that connection ends (the seat closed, was killed or lost the network), so "gone" is "the lock
 * is free", whichever machine asks; a lock lost with its connection while the queue runs is taken again within
 * {@link #KEEP_EVERY}. On the seat's own SQLite file every owner is on this machine: gone is "not a
 * queue open in this process and not a live process".
 */
final class QueueOwner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(QueueOwner.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Instance numbers of the queues open in this process. */
    private static final Set<Long> OPEN_HERE = ConcurrentHashMap.newKeySet();
    private static final String HOST = localHost();

    /** How often the lock's connection is checked, and the lock taken again on a new one when it was lost. */
    static final Duration KEEP_EVERY = Duration.ofSeconds(2);

    private final Database db;
    private final long instance;
    private final String name;
    /** The connection holding the lock on a server; replaced when lost; guarded by this for the swap. */
    private volatile Handle lockHandle;
    private final Thread keeper;
    private volatile boolean closed;

    private QueueOwner(Database db, long instance, Handle lockHandle) {
        this.db = db;
        this.instance = instance;
        this.name = host() + "/" + ProcessHandle.current().pid() + "/" + HexFormat.of().toHexDigits(instance);
        this.lockHandle = lockHandle;
        this.keeper = lockHandle == null ? null
                : Thread.ofVirtual().name("gpu-queue-lock").start(this::keepLock);
    }

    /**
     * Takes the lock again on a new connection when the server ended the old one (a network cut, a server
     * restart): without it, the next seat to start would take this queue's running jobs back while they run here.
     * Between the cut and the check a starting seat can still take them; the check keeps that window to seconds.
     */
    private void keepLock() {
        while (!closed) {
            try {
                Thread.sleep(KEEP_EVERY);
            } catch (InterruptedException e) {
                return;
            }
            Handle current = lockHandle;
            if (current == null) {
                return;
            }
            if (closed || isValid(current)) {
                continue;
            }
            LOG.warn("The generation queue lost its connection to the database server; taking its lock again");
            closeQuietly(current);
            try {
                Handle fresh = db.jdbi().open();
                boolean held = fresh.createQuery("SELECT pg_try_advisory_lock(:k)").bind("k", instance)
                        .mapTo(Boolean.class).one();
                synchronized (this) {
                    if (held && !closed) {
                        lockHandle = fresh;
                        LOG.info("The generation queue holds its lock again");
                        continue;
                    }
                }
                release(fresh, held);
            } catch (RuntimeException e) {
                LOG.debug("Could not take the queue's lock again yet", e);
            }
        }
    }

    private static boolean isValid(Handle handle) {
        try {
            return handle.getConnection().isValid(2);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /** Registers a new owner; on a server, takes its advisory lock on a connection kept open until {@link #close}. */
    static QueueOwner open(Database db) {
        Objects.requireNonNull(db, "db");
        long instance = RANDOM.nextLong();
        Handle handle = null;
        if (db.isServer()) {
            handle = db.jdbi().open();
            try {
                if (!handle.createQuery("SELECT pg_try_advisory_lock(:k)").bind("k", instance).mapTo(Boolean.class)
                        .one()) {
                    throw new IllegalStateException("Another queue holds the lock of a new random instance");
                }
            } catch (RuntimeException e) {
                handle.close();
                throw e;
            }
        }
        OPEN_HERE.add(instance);
        return new QueueOwner(db, instance, handle);
    }

    /** What {@code gpu_job.owner} holds for the jobs this queue takes. */
    String name() {
        return name;
    }

    /**
     * Whether the owner named {@code owner} is gone, so its running jobs may be taken back. A job without an owner
     * (claimed before owners were recorded) counts as left behind, as it always did; so does a name this program
     * did not write.
     */
    boolean isGone(String owner) {
        if (owner == null || owner.equals(name)) {
            return owner == null;
        }
        String[] parts = owner.split("/");
        if (parts.length != 3) {
            return true;
        }
        long key;
        long pid;
        try {
            key = HexFormat.fromHexDigitsToLong(parts[2]);
            pid = Long.parseLong(parts[1]);
        } catch (IllegalArgumentException e) {
            return true;
        }
        if (db.isServer()) {
            return db.jdbi().withHandle(h -> {
                boolean free = h.createQuery("SELECT pg_try_advisory_lock(:k)").bind("k", key)
                        .mapTo(Boolean.class).one();
                if (free) {
                    h.createQuery("SELECT pg_advisory_unlock(:k)").bind("k", key).mapTo(Boolean.class).one();
                }
                return free;
            });
        }
        if (!parts[0].equals(host())) {
            return true;
        }
        if (pid == ProcessHandle.current().pid()) {
            return !OPEN_HERE.contains(key);
        }
        return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    }

    /** Gives up ownership: the jobs left running become another queue's to take back. Idempotent. */
    @Override
    public void close() {
        OPEN_HERE.remove(instance);
        Handle handle;
        synchronized (this) {
            closed = true;
            handle = lockHandle;
            lockHandle = null;
        }
        if (keeper != null) {
            keeper.interrupt();
        }
        if (handle != null) {
            release(handle, true);
        }
    }

    private void release(Handle handle, boolean held) {
        if (held) {
            try {
                handle.createQuery("SELECT pg_advisory_unlock(:k)").bind("k", instance).mapTo(Boolean.class).one();
            } catch (RuntimeException e) {
                // The connection is gone already, and the server dropped the lock with it.
                LOG.debug("Could not release the queue's lock; its connection is gone", e);
            }
        }
        closeQuietly(handle);
    }

    private static void closeQuietly(Handle handle) {
        try {
            handle.close();
        } catch (RuntimeException e) {
            LOG.debug("Could not close the queue's lock connection", e);
        }
    }

    private static String host() {
        return HOST;
    }

    private static String localHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
