package dev.switchboard.store.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.core.error.InputException;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.core.id.UserId;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.Database;
import dev.switchboard.store.eventlog.AppendRequest;
import dev.switchboard.store.eventlog.EventLog;
import dev.switchboard.store.eventlog.EventLogEntry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code training_session} table: which sessions exist, whose, and how they ended. Thread-safe.
 *
 * <p><b>On the chain.</b> The row decides who may see a session and what grade it has, so every change of a row is
 * first appended, in full, to the event log's {@link #CHAIN} chain ({@value #RECORDED}), and the row is derived
 * from it: an edited score, owner or status, a deleted row or a row nobody recorded no longer matches its chain
 * (see {@link #recorded()}). Built without an event log the catalogue writes unchained rows, which verification
 * reports; that is for tools and tests only.
 */
public final class SessionCatalog {

    /** The system chain that holds every version of every session row. */
    public static final SessionId CHAIN = new SessionId("sessions");
    /** The entry type of one version of a row; its payload is {@link Recorded}. */
    public static final String RECORDED = "session.recorded";
    /** The entry that says the rows present when the chain started were taken over as they stood. */
    public static final String ADOPTED = "sessions.adopted";

    private static final Logger LOG = LoggerFactory.getLogger(SessionCatalog.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS =
            "id, trainee_id, trainee_name, kind, title, started_at, ended_at, status, score";

    private final Database db;
    private final Jdbi jdbi;
    private final EventLog log;

    /** A catalogue whose changes are not chained: for tools and tests; verification reports its rows. */
    public SessionCatalog(Database db) {
        this.db = db;
        this.jdbi = Objects.requireNonNull(db, "db").jdbi();
        this.log = null;
    }

    /** The catalogue of the workstation: each change is first recorded on {@code log}'s {@link #CHAIN}. */
    public SessionCatalog(Database db, EventLog log) {
        this.db = db;
        this.jdbi = Objects.requireNonNull(db, "db").jdbi();
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * One version of a row as chained. Instants are epoch milliseconds.
     */
    public record Recorded(String id, String trainee, String traineeName, String kind, String title, long startedAt,
                           Long endedAt, String status, Double score) {

        static Recorded of(SessionSummary s) {
            return new Recorded(s.id().value(), s.trainee().value(), s.traineeName(), s.kind(), s.title(),
                    s.startedAt().toEpochMilli(), s.endedAt() == null ? null : s.endedAt().toEpochMilli(), s.status(),
                    s.score());
        }

        /** The row this version describes. */
        public SessionSummary summary() {
            return new SessionSummary(new SessionId(id), new UserId(trainee), traineeName, kind, title,
                    Instant.ofEpochMilli(startedAt), endedAt == null ? null : Instant.ofEpochMilli(endedAt), status,
                    score);
        }
    }

    /**
     * Adds a session, normally when it starts; fails if its id exists. On a server the row also names this seat
     * ({@link DataDir#seat}), so that a seat killed mid-session closes it when it starts again.
     */
    public void insert(SessionSummary s) {
        chain(s);
        String seat = db.isServer() ? db.dataDir().seat() : null;
        jdbi.useTransaction(h -> {
            h.createUpdate("""
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
                    .execute();
            if (seat != null) {
                h.createUpdate("INSERT INTO session_seat (session_id, seat) VALUES (:id, :seat)")
                        .bind("id", s.id().value()).bind("seat", seat).execute();
            }
        });
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
        SessionSummary before = find(id).orElseThrow(() -> InputException.field("session",
                "no training session with id " + id));
        chain(new SessionSummary(id, before.trainee(), before.traineeName(), before.kind(), before.title(),
                before.startedAt(), endedAt, status, score));
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
    /**
     * The running sessions this seat started on a server ({@link DataDir#seat}); the caller must hold the seat's data
     * folder alone, or one of them may still be live. Empty on a seat's own file, where {@link #running} are all its
     * own.
     */
    public List<SessionSummary> runningStartedHere() {
        if (!db.isServer()) {
            return List.of();
        }
        String seat = db.dataDir().seat();
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS.replaceAll("(^|, )", "$1t.")
                        + " FROM training_session t JOIN session_seat s ON s.session_id = t.id"
                        + " WHERE t.status = 'running' AND s.seat = :seat ORDER BY t.started_at")
                .bind("seat", seat)
                .map(SessionCatalog::summary)
                .list());
    }

    public List<SessionSummary> running() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM training_session WHERE status = 'running' ORDER BY started_at")
                .map(SessionCatalog::summary)
                .list());
    }

    /** Changes only the status, e.g. to {@code signed-off}; fails when no session has {@code id}. */
    public void setStatus(SessionId id, String status) {
        Objects.requireNonNull(status, "status");
        SessionSummary before = find(id).orElseThrow(() -> InputException.field("session",
                "no training session with id " + id));
        chain(new SessionSummary(id, before.trainee(), before.traineeName(), before.kind(), before.title(),
                before.startedAt(), before.endedAt(), status, before.score()));
        int rows = jdbi.withHandle(h -> h.createUpdate("UPDATE training_session SET status = :st WHERE id = :id")
                .bind("st", Objects.requireNonNull(status, "status")).bind("id", id.value()).execute());
        if (rows == 0) {
            throw InputException.field("session", "no training session with id " + id);
        }
    }

    /** Every row, oldest first. */
    public List<SessionSummary> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM training_session ORDER BY started_at, id")
                .map(SessionCatalog::summary)
                .list());
    }

    /** Whether this catalogue records its changes on the chain. */
    public boolean chained() {
        return log != null;
    }

    /**
     * The newest chained version of every session ever recorded, by id; what the rows must equal. Walks the
     * {@link #CHAIN} chain once.
     */
    public Map<SessionId, Recorded> recorded() {
        Map<SessionId, Recorded> out = new LinkedHashMap<>();
        for (EventLogEntry e : requireLog().readType(CHAIN, RECORDED)) {
            Recorded r = parse(e);
            if (r != null) {
                out.put(new SessionId(r.id()), r);
            }
        }
        return out;
    }

    /** Whether the rows that existed before the chain did were taken over ({@value #ADOPTED}). */
    public boolean adopted() {
        return !requireLog().readType(CHAIN, ADOPTED).isEmpty();
    }

    /**
     * Once per database: takes over the rows written before sessions were chained (an older version), recording
     * each as it stands, behind one {@value #ADOPTED} entry. Afterwards a row without a record is reported.
     *
     * @return how many rows were taken over; 0 when it was done before
     */
    public int adoptUnchainedRows() {
        EventLog chain = requireLog();
        if (chain.count(CHAIN) > 0) {
            return 0;
        }
        List<SessionSummary> rows = all();
        if (rows.isEmpty()) {
            // Nothing to take over; the first session recorded starts the chain.
            return 0;
        }
        List<AppendRequest> batch = new ArrayList<>(rows.size() + 1);
        batch.add(new AppendRequest(CHAIN, 0, ADOPTED, "{\"rows\":" + rows.size() + "}"));
        for (SessionSummary s : rows) {
            batch.add(new AppendRequest(CHAIN, 0, RECORDED, json(s)));
        }
        chain.appendAll(batch);
        LOG.info("Recorded {} existing session rows on the '{}' chain", rows.size(), CHAIN);
        return rows.size();
    }

    /**
     * Completes a change a crash cut short between recording it and writing the row: when the newest entry of the
     * chain is a version whose row still shows the version before it (or no row, for a new session), the row is
     * brought up to it. Anything else that differs is left for verification to report.
     *
     * @return the session completed, if any
     */
    public Optional<SessionId> completeInterruptedChange() {
        EventLog chain = requireLog();
        Optional<EventLogEntry> newest = chain.last(CHAIN);
        if (newest.isEmpty() || !newest.get().type().equals(RECORDED)) {
            return Optional.empty();
        }
        Recorded last = parse(newest.get());
        if (last == null) {
            return Optional.empty();
        }
        SessionId id = new SessionId(last.id());
        Optional<SessionSummary> row = find(id);
        if (row.isPresent() && Recorded.of(row.get()).equals(last)) {
            return Optional.empty();
        }
        Recorded previous = null;
        for (EventLogEntry e : chain.readType(CHAIN, RECORDED)) {
            Recorded r = parse(e);
            if (r != null && r.id().equals(last.id()) && e.seq() < newest.get().seq()) {
                previous = r;
            }
        }
        boolean cutShort = row.isEmpty() ? previous == null : Recorded.of(row.get()).equals(previous);
        if (!cutShort) {
            return Optional.empty();
        }
        SessionSummary s = last.summary();
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO training_session (id, trainee_id, trainee_name, kind, title, started_at, ended_at,
                                                      status, score)
                        VALUES (:id, :trainee, :traineeName, :kind, :title, :startedAt, :endedAt, :status, :score)
                        ON CONFLICT (id) DO UPDATE SET trainee_id = excluded.trainee_id,
                            trainee_name = excluded.trainee_name, kind = excluded.kind, title = excluded.title,
                            started_at = excluded.started_at, ended_at = excluded.ended_at, status = excluded.status,
                            score = excluded.score""")
                .bind("id", s.id().value()).bind("trainee", s.trainee().value()).bind("traineeName", s.traineeName())
                .bind("kind", s.kind()).bind("title", s.title()).bind("startedAt", s.startedAt().toEpochMilli())
                .bind("endedAt", s.endedAt() == null ? null : s.endedAt().toEpochMilli()).bind("status", s.status())
                .bind("score", s.score())
                .execute());
        LOG.warn("Completed the change of session {} that a crash cut short", id);
        return Optional.of(id);
    }

    private void chain(SessionSummary s) {
        if (log != null) {
            log.append(new AppendRequest(CHAIN, 0, RECORDED, json(s)));
        }
    }

    private EventLog requireLog() {
        if (log == null) {
            throw new IllegalStateException("This session catalogue was built without the event log");
        }
        return log;
    }

    private static String json(SessionSummary s) {
        try {
            return JSON.writeValueAsString(Recorded.of(s));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A session record always serializes", e);
        }
    }

    private static Recorded parse(EventLogEntry e) {
        try {
            return JSON.readValue(e.payload(), Recorded.class);
        } catch (JsonProcessingException | RuntimeException ex) {
            LOG.warn("Session record {} on the '{}' chain does not parse: {}", e.seq(), CHAIN, ex.getMessage());
            return null;
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
