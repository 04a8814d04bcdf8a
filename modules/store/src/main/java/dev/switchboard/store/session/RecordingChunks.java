package dev.switchboard.store.session;

import dev.switchboard.core.id.SessionId;
import dev.switchboard.store.Database;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.PGStatement;

/**
 * Recordings kept in the database ({@code recording_chunk}, V22) rather than as files in one seat's data folder, so
 * every seat of a training center can play them. A recording is its pieces in order: piece 0 is the WAV header
 * ({@value #HEAD_BYTES} bytes, rewritten at every flush with the length so far), pieces 1, 2, ... the audio after it,
 * {@value #CHUNK_BYTES} bytes each except the last. A call writes the pieces it changed about once a second, header
 * and audio in one transaction, so a reader on another seat always gets a playable WAV of what has been recorded so
 * far, and a killed seat loses only what it had not written yet. Thread-safe.
 */
public final class RecordingChunks {

    /** The length of the WAV header kept as piece 0. */
    public static final int HEAD_BYTES = 44;
    /** The length of each audio piece after the header: about two seconds of 16 kHz stereo. */
    public static final int CHUNK_BYTES = 128 * 1024;

    private static final String UPSERT = """
            INSERT INTO recording_chunk (session_id, file, seq, bytes) VALUES (?, ?, ?, ?)
            ON CONFLICT (session_id, file, seq) DO UPDATE SET bytes = excluded.bytes""";

    private final Jdbi jdbi;
    private final boolean server;

    public RecordingChunks(Database db) {
        this.jdbi = Objects.requireNonNull(db, "db").jdbi();
        this.server = db.isServer();
    }

    /** A recording's length in bytes and its SHA-256 as lower-case hex. */
    public record Content(long bytes, String sha256) {
    }

    /** Whether {@code file} of {@code session} is kept in the database (its header piece is there). */
    public boolean contains(SessionId session, String file) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT count(*) FROM recording_chunk WHERE session_id = :s AND file = :f AND seq = 0")
                .bind("s", session.value()).bind("f", file).mapTo(Integer.class).one() > 0);
    }

    /**
     * Writes the header and the audio bytes {@code data[0, length)} that start {@code dataFrom} bytes after the
     * header, in one transaction; pieces already there are replaced.
     *
     * @param dataFrom a multiple of {@link #CHUNK_BYTES}: writes start at a piece's beginning
     */
    public void write(SessionId session, String file, byte[] head, long dataFrom, byte[] data, int length) {
        if (head.length != HEAD_BYTES) {
            throw new IllegalArgumentException("a recording's header is " + HEAD_BYTES + " bytes, was " + head.length);
        }
        if (dataFrom % CHUNK_BYTES != 0 || dataFrom < 0) {
            throw new IllegalArgumentException("audio is written from the start of a piece, not from " + dataFrom);
        }
        jdbi.useTransaction(h -> {
            try (PreparedStatement up = h.getConnection().prepareStatement(UPSERT)) {
                long seq = 1 + dataFrom / CHUNK_BYTES;
                for (int at = 0; at < length; at += CHUNK_BYTES, seq++) {
                    add(up, session, file, seq, Arrays.copyOfRange(data, at, Math.min(length, at + CHUNK_BYTES)));
                }
                add(up, session, file, 0, head);
                up.executeBatch();
            } catch (SQLException e) {
                throw new IllegalStateException("writing the recording " + file + " of session " + session
                        + " to the database failed: " + e.getMessage(), e);
            }
        });
    }

    /**
     * Copies a whole recording file (a seat's WAV moved to the server) into the database through {@code h}, so it is
     * part of the caller's transaction, and returns what was stored, read back from the database.
     *
     * @throws IOException when the file cannot be read or is shorter than a WAV header
     */
    public static Content store(Handle h, SessionId session, String file, Path wav) throws IOException {
        try (InputStream in = Files.newInputStream(wav);
             PreparedStatement up = h.getConnection().prepareStatement(UPSERT)) {
            byte[] head = in.readNBytes(HEAD_BYTES);
            if (head.length < HEAD_BYTES) {
                throw new IOException("the recording " + wav + " is " + head.length + " bytes, shorter than a WAV "
                        + "header");
            }
            add(up, session, file, 0, head);
            long seq = 1;
            for (byte[] piece = in.readNBytes(CHUNK_BYTES); piece.length > 0; piece = in.readNBytes(CHUNK_BYTES)) {
                add(up, session, file, seq++, piece);
                if (seq % 16 == 0) {
                    up.executeBatch();
                }
            }
            up.executeBatch();
        } catch (SQLException e) {
            throw new IOException("storing the recording " + wav + " in the database failed: " + e.getMessage(), e);
        }
        return copy(h.getConnection(), session, file, OutputStream.nullOutputStream(), true);
    }

    /**
     * A short text that changes whenever any piece of the recording is written, replaced or removed, read without
     * reading the audio: on PostgreSQL each piece's row version ({@code xmin}) and length. Null on SQLite, where
     * recordings are files and nothing is remembered.
     */
    public String version(SessionId session, String file) {
        if (!server) {
            return null;
        }
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT coalesce(string_agg(seq || ':' || xmin::text || ':' || octet_length(bytes), ','
                                                   ORDER BY seq), '')
                        FROM recording_chunk WHERE session_id = :s AND file = :f""")
                .bind("s", session.value()).bind("f", file).mapTo(String.class).one());
    }

    /** The recording's length in bytes as stored; 0 when it is not in the database. */
    public long length(SessionId session, String file) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT coalesce(sum(length(bytes)), 0) FROM recording_chunk
                        WHERE session_id = :s AND file = :f""")
                .bind("s", session.value()).bind("f", file).mapTo(Long.class).one());
    }

    /** Reads the whole recording and returns its length and SHA-256 (a 30-minute call is 115 MB). */
    public Content digest(SessionId session, String file) {
        try {
            return copyTo(session, file, OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Streams the recording into {@code out} piece by piece (one consistent snapshot: header and audio of the same
     * flush) and returns its length and SHA-256. Uses little memory for long recordings.
     */
    public Content copyTo(SessionId session, String file, OutputStream out) throws IOException {
        try {
            // PostgreSQL streams rows only inside a transaction; SQLite streams anyway and needs no write lock.
            return server
                    ? jdbi.inTransaction(h -> copy(h.getConnection(), session, file, out, true))
                    : jdbi.withHandle(h -> copy(h.getConnection(), session, file, out, false));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static Content copy(Connection c, SessionId session, String file, OutputStream out, boolean fetchInParts) {
        MessageDigest sha = sha256();
        long bytes = 0;
        try (PreparedStatement q = c.prepareStatement(
                "SELECT bytes FROM recording_chunk WHERE session_id = ? AND file = ? ORDER BY seq")) {
            q.setString(1, session.value());
            q.setString(2, file);
            if (fetchInParts) {
                // 32 pieces (4 MB) a round trip; and the bytes in binary from the first run, not as hex text
                // that a fresh process would otherwise decode for its first executions of the query.
                q.setFetchSize(32);
                q.unwrap(PGStatement.class).setPrepareThreshold(-1);
            }
            try (ResultSet rs = q.executeQuery(); OutputStream digesting = new DigestOutputStream(
                    OutputStream.nullOutputStream(), sha)) {
                while (rs.next()) {
                    byte[] piece = rs.getBytes(1);
                    digesting.write(piece);
                    out.write(piece);
                    bytes += piece.length;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the recording " + file + " of session " + session
                    + " from the database failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Content(bytes, HexFormat.of().formatHex(sha.digest()));
    }

    private static void add(PreparedStatement up, SessionId session, String file, long seq, byte[] bytes)
            throws SQLException {
        up.setString(1, session.value());
        up.setString(2, file);
        up.setLong(3, seq);
        up.setBytes(4, bytes);
        up.addBatch();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
