package dev.switchboard.store.session;

import dev.switchboard.core.id.SessionId;
import dev.switchboard.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** The {@code recording} table: which WAV files belong to which session, and their checksums. Thread-safe. */
public final class RecordingCatalog {

    private final Jdbi jdbi;

    public RecordingCatalog(Database db) {
        this.jdbi = Objects.requireNonNull(db, "db").jdbi();
    }

    /** Registers a recording as it starts (status {@code recording}). */
    public void started(SessionId session, String file, String kind, int sampleRate, int channels, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO recording (session_id, file, kind, sample_rate, channels, started_at, status)
                        VALUES (:s, :f, :k, :rate, :ch, :at, 'recording')""")
                .bind("s", session.value()).bind("f", file).bind("k", kind).bind("rate", sampleRate)
                .bind("ch", channels).bind("at", at.toEpochMilli())
                .execute());
    }

    /** Closes a recording with its final length and checksum; {@code status} is complete or interrupted. */
    public void closed(SessionId session, String file, long durationMs, String sha256, String status) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE recording SET duration_ms = :d, sha256 = :sha, status = :st
                        WHERE session_id = :s AND file = :f""")
                .bind("d", durationMs).bind("sha", sha256).bind("st", status)
                .bind("s", session.value()).bind("f", file)
                .execute());
    }

    public List<RecordingInfo> of(SessionId session) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM recording WHERE session_id = :s ORDER BY file")
                .bind("s", session.value()).map(RecordingCatalog::row).list());
    }

    /** Every recording, by session and file. */
    public List<RecordingInfo> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM recording ORDER BY session_id, file")
                .map(RecordingCatalog::row).list());
    }

    /** Recordings left in status {@code recording}: a crash or kill ended their session. */
    public List<RecordingInfo> unclosed() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM recording WHERE status = 'recording'")
                .map(RecordingCatalog::row).list());
    }

    private static RecordingInfo row(ResultSet rs, StatementContext ctx) throws SQLException {
        long d = rs.getLong("duration_ms");
        Long duration = rs.wasNull() ? null : d;
        return new RecordingInfo(new SessionId(rs.getString("session_id")), rs.getString("file"),
                rs.getString("kind"), rs.getInt("sample_rate"), rs.getInt("channels"),
                Instant.ofEpochMilli(rs.getLong("started_at")), duration, rs.getString("sha256"),
                rs.getString("status"));
    }
}
