package dev.switchboard.workflow.engine;

import dev.switchboard.store.Database;
import java.time.Instant;
import java.util.Optional;

/**
 * Which process runs the workflows of a data dir: one at a time, or two engines would run the same tasks. The
 * lease names the holder's process id and start time; a holder that is gone (killed) is taken over at once, so a
 * restart after kill -9 does not wait for the lease to go stale.
 */
public final class EngineLease implements AutoCloseable {

    private static final String NAME = "engine";

    private final Database db;
    private final long pid;

    private EngineLease(Database db, long pid) {
        this.db = db;
        this.pid = pid;
    }

    /** The holder of a lease, when another live process has it. */
    public record Holder(long pid, Instant since) {
    }

    /**
     * Takes the lease unless another live process holds it.
     *
     * @return the lease, or empty with {@link #holder} telling who has it
     */
    public static Optional<EngineLease> acquire(Database db, Instant now) {
        ProcessHandle self = ProcessHandle.current();
        long started = self.info().startInstant().orElse(now).toEpochMilli();
        boolean taken = db.jdbi().inTransaction(h -> {
            Optional<long[]> row = h.createQuery("SELECT pid, started_at FROM workflow_lease WHERE name = :n")
                    .bind("n", NAME).map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).findOne();
            if (row.isPresent() && row.get()[0] != self.pid() && alive(row.get()[0], row.get()[1])) {
                return false;
            }
            h.createUpdate("""
                    INSERT INTO workflow_lease (name, pid, started_at, heartbeat_at) VALUES (:n, :p, :s, :h)
                    ON CONFLICT (name) DO UPDATE SET pid = excluded.pid, started_at = excluded.started_at,
                        heartbeat_at = excluded.heartbeat_at""")
                    .bind("n", NAME).bind("p", self.pid()).bind("s", started).bind("h", now.toEpochMilli()).execute();
            return true;
        });
        return taken ? Optional.of(new EngineLease(db, self.pid())) : Optional.empty();
    }

    /** The live process holding the lease, if any other. */
    public static Optional<Holder> holder(Database db) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT pid, started_at FROM workflow_lease WHERE name = :n")
                .bind("n", NAME).map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).findOne())
                .filter(r -> r[0] != ProcessHandle.current().pid() && alive(r[0], r[1]))
                .map(r -> new Holder(r[0], Instant.ofEpochMilli(r[1])));
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
    }
}
