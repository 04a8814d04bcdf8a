package dev.switchboard.store;

import dev.switchboard.core.error.SwitchboardException;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.store.eventlog.EntryHash;
import dev.switchboard.store.eventlog.EventLog;
import dev.switchboard.store.eventlog.VerifyReport;
import dev.switchboard.store.integrity.CheckpointTransfer;
import dev.switchboard.store.integrity.Checkpoints;
import dev.switchboard.store.integrity.FileCheckpointKey;
import dev.switchboard.store.session.RecordingCatalog;
import dev.switchboard.store.session.RecordingChunks;
import dev.switchboard.store.session.RecordingInfo;
import dev.switchboard.store.session.RecordingSeals;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Moves a seat to the training center's server: copies the seat's accounts, training sessions, recordings
 * catalogue and event-log chains from its SQLite file into the server database, then verifies every copied chain
 * there. Nothing is overwritten or merged: when an account, session, recording or chain id is already on the
 * server, the whole copy is refused and each conflicting id is reported. Chains are copied row for row (same seq,
 * hashes and times), so they verify on the server exactly as on the seat; only the row ids are the server's.
 *
 * <p>Each recording's WAV file goes into the server's database too ({@link RecordingChunks}), in the same
 * transaction, and is read back there and compared with the file's SHA-256 before anything is committed, so every
 * seat can play it. A file that is missing, or that no longer matches the checksum the seat stored when it closed,
 * is named in the result; a changed one is copied as it is, and Review on the server reports it as changed (its seal
 * travels with the session's chain). The seat keeps its files.
 *
 * <p>The audit chain is the exception: every seat has one, and a hash chain cannot be merged into another. When
 * the server has no audit chain yet the seat's is copied; otherwise it stays on the seat (still verifiable in its
 * file) and the result says so.
 *
 * <p>The seat's signed checkpoints go onto its key's own checkpoint chain on the server ({@link CheckpointTransfer}),
 * unchanged, so they keep anchoring the copied chains there; a key whose chain is already on the server (the same
 * seat, or its key, moved before) is a conflict.
 */
public final class SeatMigration {

    private static final String ACCOUNT = "id, username, display_name, role, active, password_hash, created_at, "
            + "password_changed_at, failed_logons, locked_until, last_logon_at";
    private static final String SESSION = "id, trainee_id, trainee_name, kind, title, started_at, ended_at, status, "
            + "score";
    private static final String RECORDING = "session_id, file, kind, sample_rate, channels, started_at, duration_ms, "
            + "sha256, status";
    private static final String EVENT = "session_id, seq, sim_time_ms, wall_time_ms, type, payload, prev_hash, hash";

    private final Database seat;
    private final Database server;

    public SeatMigration(Database seat, Database server) {
        this.seat = Objects.requireNonNull(seat, "seat");
        this.server = Objects.requireNonNull(server, "server");
        if (seat.isServer() || !server.isServer()) {
            throw new IllegalArgumentException("Copies from a seat's own file to a server database");
        }
    }

    /** What a copy did, or why it did nothing. */
    public record Result(List<String> conflicts, int accounts, int sessions, int recordings, int chains,
                         long entries, boolean auditKeptOnSeat, Optional<VerifyReport.Break> brokenChain,
                         int recordingFiles, long recordingBytes, List<String> recordingProblems,
                         int checkpoints, List<String> checkpointProblems) {

        public Result {
            conflicts = List.copyOf(conflicts);
            recordingProblems = List.copyOf(recordingProblems);
            checkpointProblems = List.copyOf(checkpointProblems);
        }

        /** Whether the data was copied and every copied chain verifies on the server. */
        public boolean copied() {
            return conflicts.isEmpty() && brokenChain.isEmpty();
        }
    }

    /**
     * Checks for conflicts and, when there are none, copies everything in one server transaction and verifies
     * the copied chains.
     */
    public Result run() {
        List<String> accounts = ids(seat, "SELECT id FROM account ORDER BY id");
        List<String> usernames = ids(seat, "SELECT username FROM account ORDER BY id");
        List<String> sessions = ids(seat, "SELECT id FROM training_session ORDER BY id");
        List<String> recordings = ids(seat, "SELECT session_id || '/' || file FROM recording ORDER BY 1");
        List<String> chains = ids(seat, "SELECT DISTINCT session_id FROM event_log ORDER BY 1");
        boolean serverHasAudit = !ids(server, "SELECT session_id FROM event_log WHERE session_id = '"
                + SessionId.AUDIT.value() + "' LIMIT 1").isEmpty();
        List<String> copiedChains = new ArrayList<>(chains);
        if (serverHasAudit) {
            copiedChains.remove(SessionId.AUDIT.value());
        }
        // The seat's checkpoints go onto their key's chain instead: every seat has a chain of that name.
        copiedChains.remove(Checkpoints.CHAIN.value());
        Set<SessionId> leftOnSeat = new HashSet<>();
        chains.stream().filter(c -> !copiedChains.contains(c) && !c.equals(Checkpoints.CHAIN.value()))
                .forEach(c -> leftOnSeat.add(new SessionId(c)));
        CheckpointTransfer checkpoints = CheckpointTransfer.of(seatCheckpoints(), leftOnSeat,
                () -> FileCheckpointKey.loadOrCreate(seat.dataDir().keys()), System.currentTimeMillis());

        List<String> conflicts = new ArrayList<>();
        conflicts.addAll(clashes(accounts, "SELECT id FROM account", "account id "));
        conflicts.addAll(clashes(usernames.stream().map(u -> u.toLowerCase(Locale.ROOT)).toList(),
                "SELECT lower(username) FROM account", "user name "));
        conflicts.addAll(clashes(sessions, "SELECT id FROM training_session", "session "));
        conflicts.addAll(clashes(recordings, "SELECT session_id || '/' || file FROM recording", "recording "));
        conflicts.addAll(clashes(recordings, "SELECT DISTINCT session_id || '/' || file FROM recording_chunk",
                "the audio of recording "));
        conflicts.addAll(clashes(copiedChains, "SELECT DISTINCT session_id FROM event_log", "event-log chain "));
        conflicts.addAll(clashes(checkpoints.chains().stream().map(SessionId::value).toList(),
                "SELECT DISTINCT session_id FROM event_log", "checkpoint chain "));
        if (!conflicts.isEmpty()) {
            return new Result(conflicts, 0, 0, 0, 0, 0, serverHasAudit, Optional.empty(), 0, 0, List.of(), 0,
                    List.of());
        }

        List<RecordingInfo> seatRecordings = new RecordingCatalog(seat).all();
        List<String> recordingProblems = new ArrayList<>();
        long[] recordingFiles = new long[2];
        long entries = server.jdbi().inTransaction(target -> seat.jdbi().withHandle(source -> {
            copy(source, target, "account", ACCOUNT, "SELECT " + ACCOUNT + " FROM account");
            copy(source, target, "training_session", SESSION, "SELECT " + SESSION + " FROM training_session");
            copy(source, target, "recording", RECORDING, "SELECT " + RECORDING + " FROM recording");
            for (RecordingInfo r : seatRecordings) {
                storeRecording(target, r, recordingProblems).ifPresent(bytes -> {
                    recordingFiles[0]++;
                    recordingFiles[1] += bytes;
                });
            }
            long copied = 0;
            for (String chain : copiedChains) {
                copied += copy(source, target, "event_log", EVENT, "SELECT " + EVENT
                        + " FROM event_log WHERE session_id = '" + chain.replace("'", "''") + "' ORDER BY seq");
            }
            return copied + writeChains(target, checkpoints.rows());
        }));

        Optional<VerifyReport.Break> broken = Optional.empty();
        try (EventLog log = new EventLog(server, Clock.systemUTC())) {
            List<String> verified = new ArrayList<>(copiedChains);
            checkpoints.chains().forEach(c -> verified.add(c.value()));
            for (String chain : verified) {
                VerifyReport report = log.verify(Optional.of(new SessionId(chain)));
                if (report.firstBreak().isPresent()) {
                    broken = report.firstBreak();
                    break;
                }
            }
        }
        return new Result(List.of(), accounts.size(), sessions.size(), recordings.size(), copiedChains.size(),
                entries, serverHasAudit && chains.contains(SessionId.AUDIT.value()), broken, (int) recordingFiles[0],
                recordingFiles[1], recordingProblems, checkpoints.rows().size(), checkpoints.problems());
    }

    /** The seat's checkpoint entries, in order. */
    private List<CheckpointTransfer.SeatEntry> seatCheckpoints() {
        return seat.jdbi().withHandle(h -> h.createQuery("SELECT seq, sim_time_ms, wall_time_ms, payload FROM event_log"
                        + " WHERE session_id = :c AND type = :t ORDER BY seq")
                .bind("c", Checkpoints.CHAIN.value()).bind("t", Checkpoints.TYPE)
                .map((rs, ctx) -> new CheckpointTransfer.SeatEntry(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        rs.getString(4)))
                .list());
    }

    /** Appends {@code rows} as new chains through {@code target}, hashing them as the event log does. */
    private static long writeChains(Handle target, List<CheckpointTransfer.Row> rows) {
        Map<SessionId, Long> seqs = new HashMap<>();
        Map<SessionId, byte[]> heads = new HashMap<>();
        for (CheckpointTransfer.Row r : rows) {
            long seq = seqs.merge(r.chain(), 1L, Long::sum);
            byte[] prev = heads.getOrDefault(r.chain(), EntryHash.genesis());
            byte[] hash = EntryHash.of(prev, r.chain(), seq, r.simMillis(), r.wallMillis(), r.type(), r.payload());
            target.createUpdate("INSERT INTO event_log (" + EVENT + ") VALUES (:s, :q, :sim, :wall, :t, :p, :prev, :h)")
                    .bind("s", r.chain().value()).bind("q", seq).bind("sim", r.simMillis()).bind("wall", r.wallMillis())
                    .bind("t", r.type()).bind("p", r.payload()).bind("prev", prev).bind("h", hash).execute();
            heads.put(r.chain(), hash);
        }
        return rows.size();
    }

    /**
     * Puts one recording's WAV file into the server's database through {@code target} and checks it there against
     * the file's SHA-256; returns its length, or empty (with the reason in {@code problems}) when the seat has no
     * such file.
     *
     * @throws SwitchboardException when the file cannot be read or the copy in the database differs: the whole
     *                              transaction is then rolled back
     */
    private Optional<Long> storeRecording(Handle target, RecordingInfo r, List<String> problems) {
        Path root = seat.dataDir().recordings().toAbsolutePath().normalize();
        Path wav = root.resolve(r.file()).normalize();
        String name = "recording " + r.file() + " of session " + r.session();
        if (!wav.startsWith(root) || !Files.isRegularFile(wav)) {
            problems.add(name + ": no such file on this seat (" + wav + "); its catalogue row was copied, the audio "
                    + "cannot be");
            return Optional.empty();
        }
        try {
            String onSeat = RecordingSeals.sha256(wav);
            RecordingChunks.Content stored = RecordingChunks.store(target, r.session(), r.file(), wav);
            if (stored.bytes() != Files.size(wav) || !stored.sha256().equals(onSeat)) {
                throw new SwitchboardException("The " + name + " reads back from the server " + server.location()
                        + " differently from the file " + wav + " (SHA-256 " + stored.sha256() + ", file "
                        + onSeat + ").", "Nothing was copied (the copy is one transaction); run the command again, "
                        + "and report it with the log file if it happens again.");
            }
            if (r.sha256() != null && !r.sha256().isBlank() && !r.sha256().equals(onSeat)) {
                problems.add(name + ": the file differs from the checksum stored when it closed; copied as it is, "
                        + "and Review reports it as changed");
            }
            return Optional.of(stored.bytes());
        } catch (IOException e) {
            throw new SwitchboardException("Copying the " + name + " to the server " + server.location()
                    + " failed: " + e.getMessage(), "Nothing was copied (the copy is one transaction); the seat's "
                    + "data is unchanged.", e);
        }
    }

    private List<String> clashes(List<String> ours, String theirsQuery, String what) {
        if (ours.isEmpty()) {
            return List.of();
        }
        Set<String> theirs = new HashSet<>(ids(server, theirsQuery));
        return ours.stream().filter(theirs::contains).map(id -> what + id + " is already on the server").toList();
    }

    private static List<String> ids(Database db, String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).list());
    }

    /** Copies every row {@code select} returns into {@code table}, value for value, in batches. */
    private static long copy(Handle source, Handle target, String table, String columns, String select) {
        int n = columns.split(",").length;
        String insert = "INSERT INTO " + table + " (" + columns + ") VALUES (" + "?, ".repeat(n - 1) + "?)";
        Connection from = source.getConnection();
        Connection to = target.getConnection();
        long rows = 0;
        try (PreparedStatement read = from.prepareStatement(select);
             PreparedStatement write = to.prepareStatement(insert);
             ResultSet rs = read.executeQuery()) {
            int meta = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= meta; i++) {
                    Object value = rs.getObject(i);
                    if (value == null) {
                        write.setNull(i, Types.NULL);
                    } else if (value instanceof Integer v) {
                        // SQLite hands small INTEGERs as Integer; the server's columns are BIGINT.
                        write.setLong(i, v);
                    } else {
                        write.setObject(i, value);
                    }
                }
                write.addBatch();
                if (++rows % 1000 == 0) {
                    write.executeBatch();
                }
            }
            write.executeBatch();
        } catch (SQLException e) {
            throw new SwitchboardException("Copying " + table + " to the server " + server(target) + " failed: "
                    + e.getMessage(), "Nothing was copied (the copy is one transaction); the seat's data is unchanged.",
                    e);
        }
        return rows;
    }

    private static String server(Handle target) {
        try {
            return target.getConnection().getMetaData().getURL();
        } catch (SQLException e) {
            return "(unknown)";
        }
    }
}
