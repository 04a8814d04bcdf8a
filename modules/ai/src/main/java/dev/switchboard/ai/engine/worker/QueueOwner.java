package dev.switchboard.ai.engine.worker;

import dev.switchboard.store.Database;
import dev.switchboard.store.ServerLock;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One running queue as the owner of the jobs it takes: named {@code host/pid/instance} in {@code gpu_job.owner},
 * so that a queue starting up takes back only jobs whose owner is gone. On a server the owner holds a session
 * advisory lock keyed by its random instance number on a connection of its own for as long as it runs; the server
 * drops the lock when that connection ends (the seat closed, was killed or lost the network), so "gone" is "the lock
 * is free", whichever machine asks; a lock lost with its connection while the queue runs is taken again within
 * {@link ServerLock#KEEP_EVERY}. On the seat's own SQLite file every owner is on this machine: gone is "not a
 * queue open in this process and not a live process".
 */
final class QueueOwner implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Instance numbers of the queues open in this process. */
    private static final Set<Long> OPEN_HERE = ConcurrentHashMap.newKeySet();
    private static final String HOST = localHost();

    private final Database db;
    private final long instance;
    private final String name;
    /** The lock held on a server for as long as this queue runs; null on SQLite. */
    private final ServerLock lock;

    private QueueOwner(Database db, long instance, ServerLock lock) {
        this.db = db;
        this.instance = instance;
        this.name = host() + "/" + ProcessHandle.current().pid() + "/" + HexFormat.of().toHexDigits(instance);
        this.lock = lock;
    }

    /** Registers a new owner; on a server, takes its advisory lock on a connection kept open until {@link #close}. */
    static QueueOwner open(Database db) {
        Objects.requireNonNull(db, "db");
        long instance = RANDOM.nextLong();
        ServerLock lock = null;
        if (db.isServer()) {
            // Without the lock kept, the next seat to start would take this queue's running jobs back while they
            // run here; nobody else takes a new random instance's lock, so a lost one is always tried again.
            lock = ServerLock.tryTake(db, instance, "generation queue", () -> true).orElseThrow(
                    () -> new IllegalStateException("Another queue holds the lock of a new random instance"));
        }
        OPEN_HERE.add(instance);
        return new QueueOwner(db, instance, lock);
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
            return ServerLock.isFree(db, key);
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
        if (lock != null) {
            lock.close();
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
