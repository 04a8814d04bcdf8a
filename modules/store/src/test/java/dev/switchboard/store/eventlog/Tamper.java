package dev.switchboard.store.eventlog;

import dev.switchboard.core.id.SessionId;
import dev.switchboard.store.Database;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What someone with write access to the database file can do to the event log, for tests of what is detected:
 * drop the append-only triggers, delete rows, rewrite a chain from an edited row on with every hash recomputed.
 */
public final class Tamper {

    private Tamper() {
    }

    public static void dropTriggers(Database db) {
        String on = db.isServer() ? " ON event_log" : "";
        db.jdbi().useHandle(h -> {
            h.execute("DROP TRIGGER IF EXISTS event_log_no_update" + on);
            h.execute("DROP TRIGGER IF EXISTS event_log_no_delete" + on);
        });
    }

    /** Deletes the last {@code n} entries of {@code chain}. */
    public static void deleteTail(Database db, SessionId chain, int n) {
        dropTriggers(db);
        db.jdbi().useHandle(h -> h.createUpdate("DELETE FROM event_log WHERE id IN (SELECT id FROM event_log "
                + "WHERE session_id = :s ORDER BY seq DESC LIMIT :n)").bind("s", chain.value()).bind("n", n).execute());
    }

    /** Deletes every entry of {@code chain}. */
    public static void deleteChain(Database db, SessionId chain) {
        dropTriggers(db);
        db.jdbi().useHandle(h -> h.createUpdate("DELETE FROM event_log WHERE session_id = :s")
                .bind("s", chain.value()).execute());
    }

    /** Replaces the payload at {@code seq} and recomputes that entry's hash and every later one, as a forger would. */
    public static void rewrite(Database db, SessionId chain, long seq, String payload) {
        dropTriggers(db);
        db.jdbi().useHandle(h -> {
            h.createUpdate("UPDATE event_log SET payload = :p WHERE session_id = :s AND seq = :q")
                    .bind("p", payload).bind("s", chain.value()).bind("q", seq).execute();
            List<Object[]> rows = h.createQuery("SELECT seq, sim_time_ms, wall_time_ms, type, payload FROM event_log "
                            + "WHERE session_id = :s ORDER BY seq")
                    .bind("s", chain.value())
                    .map((rs, ctx) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5)})
                    .list();
            ChainHash hash = new ChainHash();
            byte[] prev = ChainHash.GENESIS;
            byte[] session = chain.value().getBytes(StandardCharsets.UTF_8);
            for (Object[] r : rows) {
                byte[] next = hash.hash(prev, session, (Long) r[0], (Long) r[1], (Long) r[2],
                        ((String) r[3]).getBytes(StandardCharsets.UTF_8),
                        ((String) r[4]).getBytes(StandardCharsets.UTF_8));
                h.createUpdate("UPDATE event_log SET prev_hash = :p, hash = :h WHERE session_id = :s AND seq = :q")
                        .bind("p", prev).bind("h", next).bind("s", chain.value()).bind("q", (Long) r[0]).execute();
                prev = next;
            }
        });
    }
}
