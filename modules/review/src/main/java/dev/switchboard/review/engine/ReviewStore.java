package dev.switchboard.review.engine;

import dev.switchboard.core.id.SessionId;
import dev.switchboard.core.id.UserId;
import dev.switchboard.review.model.Assessment;
import dev.switchboard.review.model.Grade;
import dev.switchboard.review.model.HistoryEntry;
import dev.switchboard.review.model.Note;
import dev.switchboard.review.model.ReviewStatus;
import dev.switchboard.review.model.SessionQuery;
import dev.switchboard.review.model.SessionRow;
import dev.switchboard.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The review's SQL: the session list with its filters, and the notes, assessments and history tables of
 * {@code V7__review.sql}. No access rules here; {@link ReviewService} decides who may call what. Thread-safe.
 */
public final class ReviewStore {

    private final Jdbi jdbi;
    /** Whether the store is a PostgreSQL server: only the transcript search differs (see {@link TranscriptIndex}). */
    private final boolean server;

    public ReviewStore(Database db) {
        this.jdbi = Objects.requireNonNull(db, "db").jdbi();
        this.server = db.isServer();
    }

    /**
     * A session's length: its recording's when it has one (a call's length on its own clock, also for calls
     * simulated faster than real time), else the wall time from start to end; null while it runs.
     */
    static final String DURATION = "(CASE WHEN s.ended_at IS NULL THEN NULL ELSE coalesce((SELECT max(r.duration_ms)"
            + " FROM recording r WHERE r.session_id = s.id), s.ended_at - s.started_at) END)";

    private static final String SELECT_ROW = "SELECT s.id, s.trainee_id, s.trainee_name, s.kind, s.title, s.started_at,"
            + " s.ended_at, s.status, s.score, a.grade, " + DURATION + " AS duration_ms"
            + " FROM training_session s LEFT JOIN review_assessment a ON a.session_id = s.id";

    /** The sessions matching {@code q}; {@code onlyTrainee} (when not null) restricts to one trainee's. */
    public List<SessionRow> list(SessionQuery q, UserId onlyTrainee) {
        StringBuilder sql = new StringBuilder(SELECT_ROW + " WHERE 1 = 1");
        List<Binder> binds = new ArrayList<>();
        if (onlyTrainee != null) {
            sql.append(" AND s.trainee_id = :only");
            binds.add(query -> query.bind("only", onlyTrainee.value()));
        }
        if (hasText(q.trainee())) {
            sql.append(" AND (s.trainee_id = :traineeId OR lower(s.trainee_name) LIKE :trainee ESCAPE '!')");
            binds.add(query -> query.bind("traineeId", q.trainee().trim()).bind("trainee", containing(q.trainee())));
        }
        if (hasText(q.title())) {
            sql.append(" AND lower(s.title) LIKE :title ESCAPE '!'");
            binds.add(query -> query.bind("title", containing(q.title())));
        }
        if (hasText(q.kind())) {
            sql.append(" AND s.kind = :kind");
            binds.add(query -> query.bind("kind", q.kind().trim()));
        }
        if (q.status() != null) {
            if (q.status() == ReviewStatus.COMPLETE) {
                List<String> others = new ArrayList<>();
                for (ReviewStatus st : ReviewStatus.values()) {
                    others.addAll(st.rawValues());
                }
                sql.append(" AND lower(s.status) NOT IN (<statuses>)");
                binds.add(query -> query.bindList("statuses", others));
            } else {
                sql.append(" AND lower(s.status) IN (<statuses>)");
                binds.add(query -> query.bindList("statuses", q.status().rawValues()));
            }
        }
        if (q.from() != null) {
            sql.append(" AND s.started_at >= :from");
            binds.add(query -> query.bind("from", q.from().toEpochMilli()));
        }
        if (q.to() != null) {
            sql.append(" AND s.started_at < :to");
            binds.add(query -> query.bind("to", q.to().toEpochMilli()));
        }
        if (q.minDurationMs() != null) {
            sql.append(" AND " + DURATION + " >= :minDur");
            binds.add(query -> query.bind("minDur", q.minDurationMs()));
        }
        if (q.maxDurationMs() != null) {
            sql.append(" AND " + DURATION + " <= :maxDur");
            binds.add(query -> query.bind("maxDur", q.maxDurationMs()));
        }
        if (q.minScore() != null) {
            sql.append(" AND s.score >= :minScore");
            binds.add(query -> query.bind("minScore", q.minScore()));
        }
        if (q.maxScore() != null) {
            sql.append(" AND s.score <= :maxScore");
            binds.add(query -> query.bind("maxScore", q.maxScore()));
        }
        String match = TranscriptIndex.searchTerms(q.transcript(), server);
        if (hasText(q.transcript())) {
            if (match.isEmpty()) {
                return List.of();
            }
            sql.append(" AND ").append(TranscriptIndex.sessionsMatching(server));
            binds.add(query -> query.bind("match", match));
        }
        String dir = q.descending() ? " DESC" : " ASC";
        String order = switch (q.sort()) {
            case TRAINEE -> "s.trainee_name COLLATE NOCASE" + dir + ", s.started_at DESC";
            case KIND -> "s.kind" + dir + ", s.started_at DESC";
            case TITLE -> "s.title COLLATE NOCASE" + dir + ", s.started_at DESC";
            case DATE -> "s.started_at" + dir;
            case DURATION -> DURATION + " IS NULL, " + DURATION + dir;
            case SCORE -> "s.score IS NULL, s.score" + dir;
            case STATUS -> "s.status" + dir + ", s.started_at DESC";
        };
        sql.append(" ORDER BY ").append(order).append(", s.id").append(dir).append(" LIMIT :limit");
        return jdbi.withHandle(h -> {
            Query query = h.createQuery(sql.toString()).bind("limit", q.limit());
            binds.forEach(b -> b.bind(query));
            return query.map(ReviewStore::row).list();
        });
    }

    /** One session as a list row. */
    public Optional<SessionRow> find(SessionId id) {
        return jdbi.withHandle(h -> h.createQuery(SELECT_ROW + " WHERE s.id = :id")
                .bind("id", id.value()).map(ReviewStore::row).findOne());
    }

    // ---- notes

    public List<Note> notes(SessionId session) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM review_note WHERE session_id = :s ORDER BY at_ms, id")
                .bind("s", session.value()).map(ReviewStore::note).list());
    }

    public Optional<Note> note(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM review_note WHERE id = :id").bind("id", id)
                .map(ReviewStore::note).findOne());
    }

    /** Inserts a note and its history line in one transaction. */
    Note insertNote(SessionId session, long atMs, UserId author, String authorName, String text, Instant at,
                    boolean afterSignOff) {
        return jdbi.inTransaction(h -> {
            long id = h.createUpdate("""
                            INSERT INTO review_note (session_id, at_ms, author_id, author_name, text, created_at,
                                                     updated_at)
                            VALUES (:s, :at, :author, :name, :text, :now, :now)""")
                    .bind("s", session.value()).bind("at", atMs).bind("author", author.value())
                    .bind("name", authorName).bind("text", text).bind("now", at.toEpochMilli())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            history(h, session, at, author, authorName, "note:" + id, null, atMs + " ms: " + text, afterSignOff);
            return new Note(id, session, atMs, author, authorName, text, at, at);
        });
    }

    /** Changes a note's text; the database refuses it once the session is signed off. */
    void updateNote(Note note, String text, UserId by, String byName, Instant at) {
        jdbi.useTransaction(h -> {
            h.createUpdate("UPDATE review_note SET text = :text, updated_at = :now WHERE id = :id")
                    .bind("text", text).bind("now", at.toEpochMilli()).bind("id", note.id()).execute();
            history(h, note.session(), at, by, byName, "note:" + note.id(), note.text(), text, false);
        });
    }

    void deleteNote(Note note, UserId by, String byName, Instant at) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM review_note WHERE id = :id").bind("id", note.id()).execute();
            history(h, note.session(), at, by, byName, "note:" + note.id(), note.atMs() + " ms: " + note.text(), null,
                    false);
        });
    }

    // ---- assessment

    public Assessment assessment(SessionId session) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM review_assessment WHERE session_id = :s")
                .bind("s", session.value())
                .map((rs, ctx) -> new Assessment(session, grade(rs.getString("grade")), rs.getString("comment"),
                        rs.getString("updated_by"), Instant.ofEpochMilli(rs.getLong("updated_at")),
                        rs.getString("signed_off_by"), instantOrNull(rs, "signed_off_at")))
                .findOne().orElse(Assessment.none(session)));
    }

    /** Stores grade and comment, writing one history line per changed field. */
    void saveAssessment(Assessment before, Grade grade, String comment, UserId by, String byName, Instant at) {
        boolean after = before.signedOff();
        jdbi.useTransaction(h -> {
            h.createUpdate("""
                            INSERT INTO review_assessment (session_id, grade, comment, updated_by, updated_at,
                                                           signed_off_by, signed_off_at)
                            VALUES (:s, :grade, :comment, :by, :now, NULL, NULL)
                            ON CONFLICT (session_id) DO UPDATE SET grade = excluded.grade, comment = excluded.comment,
                                updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
                    .bind("s", before.session().value()).bind("grade", grade == null ? null : grade.name())
                    .bind("comment", comment).bind("by", byName).bind("now", at.toEpochMilli()).execute();
            if (before.grade() != grade) {
                history(h, before.session(), at, by, byName, "grade",
                        before.grade() == null ? null : before.grade().name(), grade == null ? null : grade.name(),
                        after);
            }
            if (!before.comment().equals(comment)) {
                history(h, before.session(), at, by, byName, "comment", before.comment(), comment, after);
            }
        });
    }

    /** Marks the assessment signed off and records the status change in the history. */
    void signOff(SessionId session, String oldStatus, UserId by, String byName, Instant at) {
        jdbi.useTransaction(h -> {
            h.createUpdate("""
                            UPDATE review_assessment SET signed_off_by = :by, signed_off_at = :now
                            WHERE session_id = :s""")
                    .bind("by", byName).bind("now", at.toEpochMilli()).bind("s", session.value()).execute();
            history(h, session, at, by, byName, "status", oldStatus, ReviewStatus.SIGNED_OFF_TEXT, false);
        });
    }

    public List<HistoryEntry> history(SessionId session) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM review_history WHERE session_id = :s ORDER BY id")
                .bind("s", session.value())
                .map((rs, ctx) -> new HistoryEntry(rs.getLong("id"), session, Instant.ofEpochMilli(rs.getLong("at")),
                        new UserId(rs.getString("by_id")), rs.getString("by_name"), rs.getString("field"),
                        rs.getString("old_value"), rs.getString("new_value"), rs.getInt("after_sign_off") == 1))
                .list());
    }

    private static void history(Handle h, SessionId session, Instant at, UserId by, String byName, String field,
                                String oldValue, String newValue, boolean afterSignOff) {
        h.createUpdate("""
                        INSERT INTO review_history (session_id, at, by_id, by_name, field, old_value, new_value,
                                                    after_sign_off)
                        VALUES (:s, :at, :by, :name, :field, :old, :new, :after)""")
                .bind("s", session.value()).bind("at", at.toEpochMilli()).bind("by", by.value()).bind("name", byName)
                .bind("field", field).bind("old", oldValue).bind("new", newValue).bind("after", afterSignOff ? 1 : 0)
                .execute();
    }

    private static SessionRow row(ResultSet rs, StatementContext ctx) throws SQLException {
        long started = rs.getLong("started_at");
        long ended = rs.getLong("duration_ms");
        Long duration = rs.wasNull() ? null : Math.max(0, ended);
        double score = rs.getDouble("score");
        Double scoreOrNull = rs.wasNull() ? null : score;
        return new SessionRow(new SessionId(rs.getString("id")), new UserId(rs.getString("trainee_id")),
                rs.getString("trainee_name"), rs.getString("kind"), rs.getString("title"),
                Instant.ofEpochMilli(started), duration, scoreOrNull, ReviewStatus.of(rs.getString("status")),
                grade(rs.getString("grade")));
    }

    private static Note note(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Note(rs.getLong("id"), new SessionId(rs.getString("session_id")), rs.getLong("at_ms"),
                new UserId(rs.getString("author_id")), rs.getString("author_name"), rs.getString("text"),
                Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("updated_at")));
    }

    private static Grade grade(String text) {
        return text == null ? null : Grade.valueOf(text);
    }

    private static Instant instantOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    /**
     * A LIKE pattern for "contains {@code text}", lower-cased, with LIKE's own {@code %}, {@code _} and the escape
     * character {@code !} taken literally (the same on SQLite and PostgreSQL, unlike SQLite's {@code instr}).
     */
    static String containing(String text) {
        String lower = text.trim().toLowerCase(Locale.ROOT);
        return "%" + lower.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }

    @FunctionalInterface
    private interface Binder {
        void bind(Query query);
    }
}
