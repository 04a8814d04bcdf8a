package dev.switchboard.review.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.calltaking.model.CallLog;
import dev.switchboard.calltaking.model.CallTarget;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.review.model.CallMetrics;
import dev.switchboard.review.model.ScoreLine;
import dev.switchboard.store.eventlog.EventLog;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The review's index over finished sessions: call transcripts for full-text search, and each session's timings and
 * rubric results read from its event log once. Incremental: {@link #indexPending()} indexes only the finished
 * sessions not indexed yet. Thread-safe (each call uses its own connection).
 *
 * <p>The search behaves the same on both databases: every word of the query must start a word of one utterance,
 * whatever the case and the accents. On the seat's SQLite file the transcripts are an FTS5 table; on a PostgreSQL
 * server they are a plain table searched with {@code to_tsvector('simple', text)} under a GIN index; there the text
 * is stored as its words only, split as FTS5 splits them, and the text and the query words are stripped of accents
 * here (FTS5's {@code remove_diacritics} does it inside SQLite; the server's {@code unaccent} is an extension a
 * center's administrator may not allow).
 */
public final class TranscriptIndex {

    /** What one session contributed to the index. */
    public record Figures(SessionId session, CallMetrics metrics, Double score, List<ScoreLine> items) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    /** Combining accents of Latin, Greek and Cyrillic letters, as FTS5's {@code remove_diacritics} drops them. */
    private static final Pattern ACCENTS = Pattern.compile("[\\u0300-\\u036f]+");

    private final EventLog log;
    private final Jdbi jdbi;
    private final Clock clock;
    private final boolean server;

    public TranscriptIndex(EventLog log, Clock clock) {
        this.log = Objects.requireNonNull(log, "log");
        this.jdbi = log.database().jdbi();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.server = log.database().isServer();
    }

    /**
     * Indexes every session that has ended and is not indexed yet; returns how many it indexed. Reads each
     * one's event log once; sessions still running are left for a later call.
     */
    public int indexPending() {
        List<String> pending = jdbi.withHandle(h -> h.createQuery("""
                        SELECT s.id FROM training_session s
                        WHERE s.ended_at IS NOT NULL
                          AND NOT EXISTS (SELECT 1 FROM review_session_index i WHERE i.session_id = s.id)
                        ORDER BY s.started_at""")
                .mapTo(String.class).list());
        int done = 0;
        List<Parsed> batch = new ArrayList<>();
        for (String id : pending) {
            SessionId session = new SessionId(id);
            batch.add(new Parsed(session, SessionLog.read(log, session)));
            if (batch.size() == 200) {
                done += store(batch);
                batch.clear();
            }
        }
        return done + store(batch);
    }

    /** Forgets a session's entry so the next {@link #indexPending()} reads it again. */
    public void reindex(SessionId session) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM review_transcript WHERE session_id = :s").bind("s", session.value()).execute();
            h.createUpdate("DELETE FROM review_session_index WHERE session_id = :s").bind("s", session.value())
                    .execute();
        });
    }

    /** How many sessions are indexed. */
    public int indexedCount() {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM review_session_index").mapTo(Integer.class)
                .one());
    }

    /**
     * The words of {@code text} as an FTS5 query that every word must match as a prefix; user text is never
     * passed as FTS syntax. Empty when {@code text} has no words.
     */
    public static String matchQuery(String text) {
        if (text == null) {
            return "";
        }
        Matcher m = WORD.matcher(text);
        List<String> terms = new ArrayList<>();
        while (m.find()) {
            terms.add("\"" + m.group() + "\"*");
        }
        return String.join(" AND ", terms);
    }

    /**
     * The words of {@code text} as a PostgreSQL {@code tsquery} in which every word must match as a prefix, e.g.
     * {@code neighbour:* & third:*}, accents stripped. Words hold only letters and digits, so user text never
     * reaches the query syntax. Empty when {@code text} has no words.
     */
    public static String tsQuery(String text) {
        if (text == null) {
            return "";
        }
        Matcher m = WORD.matcher(withoutAccents(text));
        List<String> terms = new ArrayList<>();
        while (m.find()) {
            terms.add(m.group() + ":*");
        }
        return String.join(" & ", terms);
    }

    /**
     * The SQL condition on {@code s.id} (a {@code training_session} alias) that keeps the sessions whose transcript
     * matches the bound {@code :match}; bind {@link #searchTerms(String, boolean)} to it.
     */
    static String sessionsMatching(boolean server) {
        return server
                ? "s.id IN (SELECT session_id FROM review_transcript"
                        + " WHERE to_tsvector('simple', text) @@ to_tsquery('simple', :match))"
                : "s.id IN (SELECT session_id FROM review_transcript WHERE review_transcript MATCH :match)";
    }

    /** The value to bind to {@code :match} in {@link #sessionsMatching(boolean)}; empty when there are no words. */
    static String searchTerms(String text, boolean server) {
        return server ? tsQuery(text) : matchQuery(text);
    }

    /**
     * What the server indexes of an utterance: its words without accents, one space between them. FTS5's tokenizer
     * splits at every character that is not a letter or digit; PostgreSQL's parser would keep "2-5" as "2" and
     * "-5", or an address as one token, so the server gets only the words and splits them the same way.
     */
    static String searchable(String text) {
        Matcher m = WORD.matcher(withoutAccents(text));
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(m.group());
        }
        return out.toString();
    }

    /** {@code text} without the accents of its letters ("Café" gives "Cafe"); other characters unchanged. */
    static String withoutAccents(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return Normalizer.normalize(ACCENTS.matcher(decomposed).replaceAll(""), Normalizer.Form.NFC);
    }

    /** The figures of the given sessions that are indexed, by session. */
    public Map<SessionId, Figures> figures(List<SessionId> sessions) {
        Map<SessionId, Figures> out = new HashMap<>();
        if (sessions.isEmpty()) {
            return out;
        }
        jdbi.useHandle(h -> {
            for (int from = 0; from < sessions.size(); from += 500) {
                List<String> ids = sessions.subList(from, Math.min(sessions.size(), from + 500)).stream()
                        .map(SessionId::value).toList();
                h.createQuery("SELECT * FROM review_session_index WHERE session_id IN (<ids>)")
                        .bindList("ids", ids)
                        .map((rs, ctx) -> {
                            SessionId s = new SessionId(rs.getString("session_id"));
                            Long answerTarget = longOrNull(rs, "answer_target_s");
                            CallTarget.Targets targets = answerTarget == null ? null : new CallTarget.Targets(
                                    answerTarget.intValue(), rs.getInt("location_target_s"),
                                    rs.getInt("dispatch_target_s"));
                            CallMetrics m = new CallMetrics(longOrNull(rs, "answer_ms"), longOrNull(rs, "location_ms"),
                                    longOrNull(rs, "dispatch_ms"), targets);
                            double score = rs.getDouble("score");
                            Double scoreOrNull = rs.wasNull() ? null : score;
                            return new Figures(s, m, scoreOrNull, items(rs.getString("items_json")));
                        })
                        .forEach(f -> out.put(f.session(), f));
            }
        });
        return out;
    }

    private int store(List<Parsed> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        long now = clock.millis();
        jdbi.useTransaction(h -> {
            PreparedBatch index = h.prepareBatch("""
                    INSERT INTO review_session_index
                        (session_id, indexed_at, answer_ms, location_ms, dispatch_ms, score, items_json, utterances,
                         answer_target_s, location_target_s, dispatch_target_s)
                    VALUES (:s, :at, :answer, :location, :dispatch, :score, :items, :utterances,
                            :answerTarget, :locationTarget, :dispatchTarget)
                    ON CONFLICT (session_id) DO UPDATE SET indexed_at = excluded.indexed_at,
                        answer_ms = excluded.answer_ms, location_ms = excluded.location_ms,
                        dispatch_ms = excluded.dispatch_ms, score = excluded.score, items_json = excluded.items_json,
                        utterances = excluded.utterances, answer_target_s = excluded.answer_target_s,
                        location_target_s = excluded.location_target_s,
                        dispatch_target_s = excluded.dispatch_target_s""");
            PreparedBatch text = h.prepareBatch("""
                    INSERT INTO review_transcript (text, session_id, speaker, start_ms)
                    VALUES (:text, :s, :speaker, :start)""");
            for (Parsed p : batch) {
                SessionLog s = p.log;
                List<ScoreLine> items = s.score().map(sc -> sc.items().stream()
                        .map(i -> new ScoreLine(i.id(), i.label(), i.weight(), i.earned())).toList()).orElse(List.of());
                index.bind("s", p.session.value()).bind("at", now)
                        .bind("answer", s.metrics().answerMs()).bind("location", s.metrics().locationMs())
                        .bind("dispatch", s.metrics().dispatchMs())
                        .bind("score", s.score().map(CallLog.Score::total).orElse(null))
                        .bind("items", json(items)).bind("utterances", s.utterances().size());
                CallTarget.Targets t = s.metrics().targets();
                index.bind("answerTarget", t == null ? null : t.answerSeconds())
                        .bind("locationTarget", t == null ? null : t.locationSeconds())
                        .bind("dispatchTarget", t == null ? null : t.dispatchSeconds()).add();
                for (CallLog.Utterance u : s.utterances()) {
                    text.bind("text", server ? searchable(u.text()) : u.text()).bind("s", p.session.value())
                            .bind("speaker", u.speaker()).bind("start", u.startMs()).add();
                }
            }
            index.execute();
            if (text.size() > 0) {
                text.execute();
            }
        });
        return batch.size();
    }

    private static String json(List<ScoreLine> items) {
        try {
            return JSON.writeValueAsString(items);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Score lines always serialise", e);
        }
    }

    private static List<ScoreLine> items(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<ScoreLine>>() { });
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private record Parsed(SessionId session, SessionLog log) {
    }
}
