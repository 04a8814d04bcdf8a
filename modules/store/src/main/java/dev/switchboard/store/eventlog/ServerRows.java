package dev.switchboard.store.eventlog;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * Event-log rows bound for a PostgreSQL server, sent as one {@code INSERT ... SELECT FROM unnest(arrays)} per up to
 * {@value #ROWS_PER_STATEMENT} rows: one round trip and one statement for the server to plan, instead of a JDBC batch
 * of single-row inserts with generated keys (which the driver sends in small groups and answers row by row).
 */
final class ServerRows {

    static final int ROWS_PER_STATEMENT = 8192;

    private static final String INSERT = "INSERT INTO event_log (session_id, seq, sim_time_ms, wall_time_ms, type, "
            + "payload, prev_hash, hash) SELECT * FROM unnest(?::text[], ?::bigint[], ?::bigint[], ?::bigint[], "
            + "?::text[], ?::text[], ?::bytea[], ?::bytea[]) RETURNING id";

    private final String[] sessions;
    private final Long[] seqs;
    private final Long[] sims;
    private final Long[] walls;
    private final String[] types;
    private final String[] payloads;
    private final byte[][] prevs;
    private final byte[][] hashes;
    private int size;

    ServerRows(int capacity) {
        sessions = new String[capacity];
        seqs = new Long[capacity];
        sims = new Long[capacity];
        walls = new Long[capacity];
        types = new String[capacity];
        payloads = new String[capacity];
        prevs = new byte[capacity][];
        hashes = new byte[capacity][];
    }

    void add(String session, long seq, long sim, long wall, String type, String payload, byte[] prev, byte[] hash) {
        sessions[size] = session;
        seqs[size] = seq;
        sims[size] = sim;
        walls[size] = wall;
        types[size] = type;
        payloads[size] = payload;
        prevs[size] = prev;
        hashes[size] = hash;
        size++;
    }

    /**
     * Inserts the rows in the order added, inside the caller's transaction.
     *
     * @return the ids the server gave them, in the order added
     */
    long[] insert(Connection c) throws SQLException {
        long[] ids = new long[size];
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            for (int from = 0; from < size; from += ROWS_PER_STATEMENT) {
                int to = Math.min(size, from + ROWS_PER_STATEMENT);
                Array[] arrays = {
                    c.createArrayOf("text", Arrays.copyOfRange(sessions, from, to)),
                    c.createArrayOf("bigint", Arrays.copyOfRange(seqs, from, to)),
                    c.createArrayOf("bigint", Arrays.copyOfRange(sims, from, to)),
                    c.createArrayOf("bigint", Arrays.copyOfRange(walls, from, to)),
                    c.createArrayOf("text", Arrays.copyOfRange(types, from, to)),
                    c.createArrayOf("text", Arrays.copyOfRange(payloads, from, to)),
                    c.createArrayOf("bytea", Arrays.copyOfRange(prevs, from, to)),
                    c.createArrayOf("bytea", Arrays.copyOfRange(hashes, from, to)),
                };
                for (int i = 0; i < arrays.length; i++) {
                    s.setArray(i + 1, arrays[i]);
                }
                int got = 0;
                long[] chunk = new long[to - from];
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        if (got == chunk.length) {
                            throw new SQLException("The server returned more ids than rows inserted");
                        }
                        chunk[got++] = rs.getLong(1);
                    }
                }
                if (got != chunk.length) {
                    throw new SQLException("The server returned " + got + " ids for " + chunk.length + " entries");
                }
                // The identity column numbers the rows as the statement inserts them, in array order; sorting
                // does not depend on the order RETURNING happens to give them back in.
                Arrays.sort(chunk);
                System.arraycopy(chunk, 0, ids, from, chunk.length);
                for (Array a : arrays) {
                    a.free();
                }
            }
        }
        return ids;
    }
}
