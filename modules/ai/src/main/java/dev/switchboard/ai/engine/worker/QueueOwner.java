package dev.switchboard.ai.engine.worker;

import dev.switchboard.store.Database;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
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
 * is free", whichever machine asks. On the seat's own SQLite file every owner is on this machine: gone is "not a
 * queue open in this process and not a live process".
 */
final class QueueOwner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(QueueOwner.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Instance numbers of the queues open in this process. */
    private static final Set<Long> OPEN_HERE = ConcurrentHashMap.newKeySet();
    private static final String HOST = localHost();

    private final Database db;
    private final long instance;
    private final String name;
    private final Handle lockHandle;

    private QueueOwner(Database db, long instance, Handle lockHandle) {
        this.db = db;
        this.instance = instance;
        this.name = host() + "/" + ProcessHandle.current().pid() + "/" + HexFormat.of().toHexDigits(instance);
        this.lockHandle = lockHandle;
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
        if (lockHandle != null && !lockHandle.isClosed()) {
            try {
                lockHandle.createQuery("SELECT pg_advisory_unlock(:k)").bind("k", instance).mapTo(Boolean.class)
                        .one();
            } catch (RuntimeException e) {
                // The connection is gone already, and the server dropped the lock with it.
                LOG.debug("Could not release the queue's lock; its connection is gone", e);
            } finally {
                try {
                    lockHandle.close();
                } catch (RuntimeException e) {
                    LOG.debug("Could not close the queue's lock connection", e);
                }
            }
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
