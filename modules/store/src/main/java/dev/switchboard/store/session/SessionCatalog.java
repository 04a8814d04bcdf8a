package dev.switchboard.store.session;

import dev.switchboard.core.error.InputException;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.core.id.UserId;
import dev.switchboard.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** The {@code training_session} table: which sessions exist, whose, and how they ended. Thread-safe. */
public final class SessionCatalog {

    private static final String COLUMNS =
            "id, trainee_id, trainee_name, kind, title, started_at, ended_at, status, score";

    private final Jdbi jdbi;

    public SessionCatalog(Database db) {
        this.jdbi = Objects.requireNonNull(db, "db").jdbi();
    }

    /** Adds a session, normally when it starts; fails if its id exists. */
    public void insert(SessionSummary s) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO training_session (id, trainee_id, trainee_name, kind, title, started_at, ended_at,
                                                      status, score)
                        VALUES (:id, :trainee, :traineeName, :kind, :title, :startedAt, :endedAt, :status, :score)""")
                .bind("id", s.id().value())
                .bind("trainee", s.trainee().value())
                .bind("traineeName", s.traineeName())
                .bind("kind", s.kind())
                .bind("title", s.title())
                .bind("startedAt", s.startedAt().toEpochMilli())
                .bind("endedAt", s.endedAt() == null ? null : s.endedAt().toEpochMilli())
                .bind("status", s.status())
                .bind("score", s.score())
                .execute());
    }

    /**
     * Records how a session ended.
     *
     * @param score null when not scored
     * @throws InputException when no session has {@code id}
     */
    public void finish(SessionId id, Instant endedAt, String status, Double score) {
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(status, "status");
        int rows = jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE training_session SET ended_at = :endedAt, status = :status, score = :score
                        WHERE id = :id""")
                .bind("endedAt", endedAt.toEpochMilli())
                .bind("status", status)
                .bind("score", score)
                .bind("id", id.value())
                .execute());
        if (rows == 0) {
            throw InputException.field("session", "no training session with id " + id);
        }
    }

    /** The newest {@code limit} sessions of {@code trainee}, newest first. */
    public List<SessionSummary> recentFor(UserId trainee, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM training_session"
                        + " WHERE trainee_id = :trainee ORDER BY started_at DESC, id DESC LIMIT :limit")
                .bind("trainee", trainee.value())
                .bind("limit", limit)
                .map(SessionCatalog::summary)
                .list());
    }

    /** The newest {@code limit} sessions of everyone, newest first. */
    public List<SessionSummary> recent(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM training_session ORDER BY started_at DESC, id DESC LIMIT :limit")
                .bind("limit", limit)
                .map(SessionCatalog::summary)
                .list());
    }

    /** One session, if it exists. */
    public Optional<SessionSummary> find(SessionId id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM training_session WHERE id = :id")
                .bind("id", id.value())
                .map(SessionCatalog::summary)
                .findOne());
    }

    /** Sessions still marked {@code running}, oldest first: at start-up these were cut short by a crash. */
    public List<SessionSummary> running() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM training_session WHERE status = 'running' ORDER BY started_at")
                .map(SessionCatalog::summary)
                .list());
    }

    /** Changes only the status, e.g. to {@code signed-off}; fails when no session has {@code id}. */
    public void setStatus(SessionId id, String status) {
        int rows = jdbi.withHandle(h -> h.createUpdate("UPDATE training_session SET status = :st WHERE id = :id")
                .bind("st", Objects.requireNonNull(status, "status")).bind("id", id.value()).execute());
        if (rows == 0) {
            throw InputException.field("session", "no training session with id " + id);
        }
    }

    public int count() {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM training_session").mapTo(Integer.class).one());
    }

    private static SessionSummary summary(ResultSet rs, StatementContext ctx) throws SQLException {
        long ended = rs.getLong("ended_at");
        Instant endedAt = rs.wasNull() ? null : Instant.ofEpochMilli(ended);
        double score = rs.getDouble("score");
        Double scoreOrNull = rs.wasNull() ? null : score;
        return new SessionSummary(new SessionId(rs.getString("id")), new UserId(rs.getString("trainee_id")),
                rs.getString("trainee_name"), rs.getString("kind"), rs.getString("title"),
                Instant.ofEpochMilli(rs.getLong("started_at")), endedAt, rs.getString("status"), scoreOrNull);
    }
}
