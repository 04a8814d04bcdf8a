package dev.switchboard.workflow.engine;

import dev.switchboard.store.Database;
import dev.switchboard.store.ServerLock;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which process runs the workflows of a database: one at a time, or two engines would run the same tasks. One engine
 * runs every stored run of the database, so on a server shared by several seats the first seat to open its workflows
 * runs them all and the others read them.
 *
 * <p>On the seat's own SQLite file the lease row names the holder's process id and start time; a holder that is gone
 * (killed) is taken over at once, so a restart after kill -9 does not wait for the lease to go stale. On a server the
 * holder may be on another machine, where its process id means nothing: the lease is a session-level advisory lock
 * held on a connection of its own for as long as the engine runs. The server releases it when that connection ends,
 * whether the seat closed, was killed or lost the network, and grants it to one session only. The row is still
 * written, to name the holder in messages.
 */
public final class EngineLease implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EngineLease.class);
    private static final String NAME = "engine";
    /** The advisory-lock key of the engine on a server: "SWWF" in ASCII, a number of the program's own. */
    static final long SERVER_LOCK_KEY = 0x5357_5746L;
    /** The lock holding the lease per database open here, so that its session is not reported as another holder. */
    private static final Map<Database, ServerLock> OWN_LOCKS = Collections.synchronizedMap(new WeakHashMap<>());

    private final Database db;
    private final long pid;
    /** The lock held on a server for as long as the engine runs; null on SQLite. */
    private final ServerLock lock;

    private EngineLease(Database db, long pid, ServerLock lock) {
        this.db = db;
        this.pid = pid;
        this.lock = lock;
    }

    /**
     * Called when the lock, lost with its connection, was taken by another seat meanwhile: two engines run until
     * this one is closed, said in the log, as that is all this seat can do from here.
     */
    private static boolean takenByAnother() {
        LOG.error("Another seat took over the workflows while this one was cut off from the database "
                + "server; close this window's workflows (or the window) so that only one engine runs");
        return false;
    }

    /**
     * The holder of a lease, when another live process has it.
     *
     * @param host the holder's machine as the server sees it (its address), or empty when it is this machine or
     *             the server does not tell
     */
    public record Holder(long pid, Instant since, String host) {

        /** "process 1234", or "process 1234 on 10.0.0.7" for another machine: for messages. */
        public String describe() {
            return (pid == 0 ? "another process" : "process " + pid) + (host.isEmpty() ? "" : " on " + host);
        }
    }

    /**
     * Takes the lease unless another live process holds it.
     *
     * @return the lease, or empty with {@link #holder} telling who has it
     */
    public static Optional<EngineLease> acquire(Database db, Instant now) {
        ProcessHandle self = ProcessHandle.current();
        long started = self.info().startInstant().orElse(now).toEpochMilli();
        ServerLock lock = null;
        if (db.isServer()) {
            lock = ServerLock.tryTake(db, SERVER_LOCK_KEY, "workflow engine", EngineLease::takenByAnother)
                    .orElse(null);
            if (lock == null) {
                return Optional.empty();
            }
            OWN_LOCKS.put(db, lock);
        }
        boolean server = lock != null;
        boolean taken;
        try {
            taken = db.jdbi().inTransaction(h -> {
                Optional<long[]> row = h.createQuery("SELECT pid, started_at FROM workflow_lease WHERE name = :n")
                        .bind("n", NAME).map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).findOne();
                if (!server && row.isPresent() && row.get()[0] != self.pid() && alive(row.get()[0], row.get()[1])) {
                    return false;
                }
                h.createUpdate("""
                        INSERT INTO workflow_lease (name, pid, started_at, heartbeat_at) VALUES (:n, :p, :s, :h)
                        ON CONFLICT (name) DO UPDATE SET pid = excluded.pid, started_at = excluded.started_at,
                            heartbeat_at = excluded.heartbeat_at""")
                        .bind("n", NAME).bind("p", self.pid()).bind("s", started).bind("h", now.toEpochMilli())
                        .execute();
                return true;
            });
        } catch (RuntimeException e) {
            release(db, lock);
            throw e;
        }
        return taken ? Optional.of(new EngineLease(db, self.pid(), lock)) : Optional.empty();
    }

    /** The live process holding the lease, if any other. */
    public static Optional<Holder> holder(Database db) {
        Optional<long[]> row = db.jdbi().withHandle(h -> h.createQuery(
                        "SELECT pid, started_at FROM workflow_lease WHERE name = :n")
                .bind("n", NAME).map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).findOne());
        if (!db.isServer()) {
            return row.filter(r -> r[0] != ProcessHandle.current().pid() && alive(r[0], r[1]))
                    .map(r -> new Holder(r[0], Instant.ofEpochMilli(r[1]), ""));
        }
        // The lock's holder, if it is not this process's own lease; its address when the server shows it.
        Optional<String> host = db.jdbi().withHandle(h -> h.createQuery("""
                        SELECT COALESCE(host(a.client_addr), '') FROM pg_locks l
                        LEFT JOIN pg_stat_activity a ON a.pid = l.pid
                        WHERE l.locktype = 'advisory' AND l.granted AND l.classid = 0 AND l.objid = :k
                          AND l.objsubid = 1 AND l.pid <> :own
                          AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())""")
                .bind("k", SERVER_LOCK_KEY)
                .bind("own", Optional.ofNullable(OWN_LOCKS.get(db)).map(ServerLock::backendPid).orElse(0))
                .mapTo(String.class).findFirst());
        return host.map(where -> row.map(r -> new Holder(r[0], Instant.ofEpochMilli(r[1]), where))
                .orElse(new Holder(0, Instant.EPOCH, where)));
    }

    private static boolean alive(long pid, long startedAt) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .map(p -> p.info().startInstant().map(i -> Math.abs(i.toEpochMilli() - startedAt) < 2000)
                        .orElse(true))
                .orElse(false);
    }

    @Override
    public void close() {
        try {
            db.jdbi().useHandle(h -> h.createUpdate("DELETE FROM workflow_lease WHERE name = :n AND pid = :p")
                    .bind("n", NAME).bind("p", pid).execute());
        } catch (RuntimeException e) {
            // The database may be closing; a dead holder is taken over anyway.
        }
        release(db, lock);
    }

    private static void release(Database db, ServerLock lock) {
        if (lock != null) {
            OWN_LOCKS.remove(db, lock);
            lock.close();
        }
    }
}
