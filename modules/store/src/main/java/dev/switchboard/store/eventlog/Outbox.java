package dev.switchboard.store.eventlog;

import dev.switchboard.core.error.SwitchboardException;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.core.io.PrivateFiles;
import dev.switchboard.store.DataDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.sqlite.SQLiteConfig;

/**
 * The seat's own durable, ordered keep for event-log entries that could not reach the training center's server:
 * a small SQLite file ({@value #FILE}) in the data dir, committed with a full sync, one row per entry in the order
 * they were appended. {@link EventLog} writes here while the server does not answer and sends the rows on, oldest
 * first, when it answers again; a row is removed only after the server committed it. Rows carry the server they
 * are meant for, so a seat later pointed elsewhere never sends them to the wrong server and never drops them.
 *
 * <p>Before each send the log records here the seq and hash each row is about to get on the server (its
 * <em>claim</em>); should the seat die between the server's commit and the removal here, the next send finds the
 * claimed hash at the claimed seq and removes the row instead of appending it twice.
 *
 * <p>Thread-safe (every method holds the instance lock); one instance per file and process.
 */
public final class Outbox implements AutoCloseable {

    /** The file's name inside the data dir. */
    public static final String FILE = "outbox.db";

    private final Path file;
    private final String server;
    private final Connection connection;

    private Outbox(Path file, String server, Connection connection) {
        this.file = file;
        this.server = server;
        this.connection = connection;
    }

    /** Opens (creating when missing) the outbox of {@code dir} for entries meant for {@code server}. */
    public static Outbox open(DataDir dir, String server) {
        return open(dir.root().resolve(FILE), server);
    }

    /** Opens (creating when missing, private to the user) the outbox at {@code file}. */
    public static Outbox open(Path file, String server) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(server, "server");
        try {
            if (!Files.exists(file)) {
                PrivateFiles.createFile(file);
            }
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            // Every kept entry must survive a power loss: that is the outbox's whole point.
            config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
            config.setBusyTimeout(5_000);
            Connection c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("""
                        CREATE TABLE IF NOT EXISTS kept (
                            n            INTEGER PRIMARY KEY AUTOINCREMENT,
                            server       TEXT    NOT NULL,
                            session_id   TEXT    NOT NULL,
                            sim_time_ms  INTEGER NOT NULL,
                            wall_time_ms INTEGER NOT NULL,
                            type         TEXT    NOT NULL,
                            payload      TEXT    NOT NULL,
                            claim_seq    INTEGER,
                            claim_hash   BLOB)""");
                s.execute("CREATE INDEX IF NOT EXISTS kept_server ON kept (server, n)");
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            return new Outbox(file, server, c);
        } catch (IOException | SQLException e) {
            throw new SwitchboardException("Cannot open this seat's outbox " + file + ": " + e.getMessage(),
                    "Check the free disk space and that the data folder is writable.", e);
        }
    }

    /** The outbox file. */
    public Path file() {
        return file;
    }

    /**
     * One entry kept here, with the seq and hash it was last about to get on the server ({@code claimSeq} 0 and
     * {@code claimHash} null when none).
     */
    public record Kept(long n, SessionId session, long simTimeMillis, long wallTimeMillis, String type,
                       String payload, long claimSeq, byte[] claimHash) {
    }

    /** Stores {@code entries} (n is ignored) durably, in order, in one transaction. */
    public synchronized void keep(List<Kept> entries) throws SQLException {
        inTransaction(() -> {
            try (PreparedStatement s = connection.prepareStatement("INSERT INTO kept (server, session_id, "
                    + "sim_time_ms, wall_time_ms, type, payload, claim_seq, claim_hash) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Kept k : entries) {
                    s.setString(1, server);
                    s.setString(2, k.session().value());
                    s.setLong(3, k.simTimeMillis());
                    s.setLong(4, k.wallTimeMillis());
                    s.setString(5, k.type());
                    s.setString(6, k.payload());
                    if (k.claimHash() == null) {
                        s.setNull(7, java.sql.Types.INTEGER);
                        s.setNull(8, java.sql.Types.BLOB);
                    } else {
                        s.setLong(7, k.claimSeq());
                        s.setBytes(8, k.claimHash());
                    }
                    s.addBatch();
                }
                s.executeBatch();
            }
        });
    }

    /** Up to {@code limit} of this server's oldest entries, oldest first. */
    public synchronized List<Kept> oldest(int limit) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT n, session_id, sim_time_ms, wall_time_ms, type, "
                + "payload, claim_seq, claim_hash FROM kept WHERE server = ? ORDER BY n LIMIT ?")) {
            s.setString(1, server);
            s.setInt(2, limit);
            List<Kept> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Kept(rs.getLong(1), new SessionId(rs.getString(2)), rs.getLong(3), rs.getLong(4),
                            rs.getString(5), rs.getString(6), rs.getLong(7), rs.getBytes(8)));
                }
            }
            return out;
        }
    }

    /**
     * The entries among {@code entries} still here, as they are now (another process on the same data dir may have
     * claimed or sent some since they were read), in the order given.
     */
    public synchronized List<Kept> current(List<Kept> entries) throws SQLException {
        List<Kept> out = new ArrayList<>(entries.size());
        try (PreparedStatement s = connection.prepareStatement("SELECT n, session_id, sim_time_ms, wall_time_ms, type, "
                + "payload, claim_seq, claim_hash FROM kept WHERE n = ?")) {
            for (Kept k : entries) {
                s.setLong(1, k.n());
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        out.add(new Kept(rs.getLong(1), new SessionId(rs.getString(2)), rs.getLong(3), rs.getLong(4),
                                rs.getString(5), rs.getString(6), rs.getLong(7), rs.getBytes(8)));
                    }
                }
            }
        }
        return out;
    }

    /** Records durably the seq and hash each entry is about to get on the server. */
    public synchronized void claim(List<Kept> entries) throws SQLException {
        inTransaction(() -> {
            try (PreparedStatement s = connection.prepareStatement(
                    "UPDATE kept SET claim_seq = ?, claim_hash = ? WHERE n = ?")) {
                for (Kept k : entries) {
                    s.setLong(1, k.claimSeq());
                    s.setBytes(2, k.claimHash());
                    s.setLong(3, k.n());
                    s.addBatch();
                }
                s.executeBatch();
            }
        });
    }

    /** Removes the given entries, which the server holds now. */
    public synchronized void remove(List<Kept> entries) throws SQLException {
        inTransaction(() -> {
            try (PreparedStatement s = connection.prepareStatement("DELETE FROM kept WHERE n = ?")) {
                for (Kept k : entries) {
                    s.setLong(1, k.n());
                    s.addBatch();
                }
                s.executeBatch();
            }
        });
    }

    /** The chains that have entries waiting here for this server, in the order of their oldest entry. */
    public synchronized List<SessionId> chains() throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT session_id FROM kept WHERE server = ? GROUP BY session_id ORDER BY min(n)")) {
            s.setString(1, server);
            List<SessionId> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new SessionId(rs.getString(1)));
                }
            }
            return out;
        }
    }

    /** How many entries wait here for this server. */
    public synchronized long pending() throws SQLException {
        return count("SELECT count(*) FROM kept WHERE server = ?");
    }

    /** How many entries wait here for other servers (kept, never sent from here to this one). */
    public synchronized long pendingForOtherServers() throws SQLException {
        return count("SELECT count(*) FROM kept WHERE server <> ?");
    }

    private long count(String sql) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setString(1, server);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void inTransaction(SqlStep step) throws SQLException {
        connection.setAutoCommit(false);
        boolean done = false;
        try {
            step.run();
            connection.commit();
            done = true;
        } finally {
            if (!done) {
                connection.rollback();
            }
            connection.setAutoCommit(true);
        }
    }

    @FunctionalInterface
    private interface SqlStep {
        void run() throws SQLException;
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // Everything was committed with a full sync; closing only releases the file.
        }
    }
}
