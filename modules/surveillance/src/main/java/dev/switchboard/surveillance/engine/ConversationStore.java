package dev.switchboard.surveillance.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.core.id.Ids;
import dev.switchboard.store.Database;
import dev.switchboard.surveillance.model.ConversationInfo;
import dev.switchboard.surveillance.model.Intent;
import dev.switchboard.surveillance.model.Turn;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Conversations in SQLite, the middle tier of memory: each turn, a running summary of older turns and the entities
 * in focus. Survives restarts and is shared by the window and the CLI ({@code --conversation ID}). Thread-safe.
 */
public final class ConversationStore {

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Database db;

    public ConversationStore(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** Starts a conversation for {@code userId}, titled by its first question. */
    public String create(String userId, String title, Instant now) {
        String id = "c" + Ids.next(now.toEpochMilli()).toLowerCase(java.util.Locale.ROOT);
        String shortTitle = title.length() > 80 ? title.substring(0, 79) + "…" : title;
        db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO surv_conversation (id, user_id, title, created_at, "
                + "updated_at, summary, focus_json) VALUES (:id, :u, :t, :now, :now, '', '{}')").bind("id", id)
                .bind("u", userId).bind("t", shortTitle).bind("now", now.toEpochMilli()).execute());
        return id;
    }

    public Optional<ConversationInfo> info(String id) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT c.id, c.user_id, c.title, c.created_at, c.updated_at, "
                + "(SELECT COUNT(*) FROM surv_turn t WHERE t.conversation_id = c.id) FROM surv_conversation c WHERE "
                + "c.id = :id").bind("id", id).map((rs, ctx) -> new ConversationInfo(rs.getString(1), rs.getString(2),
                rs.getString(3), Instant.ofEpochMilli(rs.getLong(4)), Instant.ofEpochMilli(rs.getLong(5)),
                rs.getInt(6))).findOne());
    }

    /** The user's conversations, most recently used first. */
    public List<ConversationInfo> list(String userId, int limit) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT c.id, c.user_id, c.title, c.created_at, c.updated_at, "
                + "(SELECT COUNT(*) FROM surv_turn t WHERE t.conversation_id = c.id) FROM surv_conversation c WHERE "
                + "c.user_id = :u ORDER BY c.updated_at DESC LIMIT :n").bind("u", userId).bind("n", limit)
                .map((rs, ctx) -> new ConversationInfo(rs.getString(1), rs.getString(2), rs.getString(3),
                        Instant.ofEpochMilli(rs.getLong(4)), Instant.ofEpochMilli(rs.getLong(5)), rs.getInt(6)))
                .list());
    }

    /** Every turn, oldest first. */
    public List<Turn> turns(String id) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT seq, role, text, intent, citations, at FROM surv_turn "
                + "WHERE conversation_id = :id ORDER BY seq").bind("id", id).map((rs, ctx) -> new Turn(rs.getInt(1),
                Turn.Role.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4) == null ? null
                : Intent.valueOf(rs.getString(4)), citations(rs.getString(5)), Instant.ofEpochMilli(rs.getLong(6))))
                .list());
    }

    private static List<String> citations(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    /** Appends a turn. */
    public void append(String id, Turn.Role role, String text, Intent intent, List<String> citations, Instant at) {
        db.jdbi().useTransaction(h -> {
            int seq = h.createQuery("SELECT COALESCE(MAX(seq), 0) + 1 FROM surv_turn WHERE conversation_id = :id")
                    .bind("id", id).mapTo(Integer.class).one();
            h.createUpdate("INSERT INTO surv_turn (conversation_id, seq, role, text, intent, citations, at) VALUES "
                    + "(:id, :seq, :role, :text, :intent, :c, :at)").bind("id", id).bind("seq", seq)
                    .bind("role", role.name()).bind("text", text).bind("intent", intent == null ? null : intent.name())
                    .bind("c", String.join(",", citations)).bind("at", at.toEpochMilli()).execute();
            h.createUpdate("UPDATE surv_conversation SET updated_at = :at WHERE id = :id").bind("at", at.toEpochMilli())
                    .bind("id", id).execute();
        });
    }

    public Focus focus(String id) {
        String json = db.jdbi().withHandle(h -> h.createQuery("SELECT focus_json FROM surv_conversation WHERE id = :id")
                .bind("id", id).mapTo(String.class).findOne().orElse("{}"));
        try {
            return JSON.readValue(json, Focus.class);
        } catch (JsonProcessingException e) {
            return new Focus();
        }
    }

    public void saveFocus(String id, Focus focus) {
        String json;
        try {
            json = JSON.writeValueAsString(focus);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The focus always serialises", e);
        }
        db.jdbi().useHandle(h -> h.createUpdate("UPDATE surv_conversation SET focus_json = :f WHERE id = :id")
                .bind("f", json).bind("id", id).execute());
    }

    public String summary(String id) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT summary FROM surv_conversation WHERE id = :id")
                .bind("id", id).mapTo(String.class).findOne().orElse(""));
    }

    public void saveSummary(String id, String summary) {
        db.jdbi().useHandle(h -> h.createUpdate("UPDATE surv_conversation SET summary = :s WHERE id = :id")
                .bind("s", summary).bind("id", id).execute());
    }

    /** Deletes a conversation and its turns (the user's own choice; events and memories stay). */
    public void delete(String id) {
        db.jdbi().useTransaction(h -> {
            h.createUpdate("DELETE FROM surv_turn WHERE conversation_id = :id").bind("id", id).execute();
            h.createUpdate("DELETE FROM surv_conversation WHERE id = :id").bind("id", id).execute();
        });
    }
}
