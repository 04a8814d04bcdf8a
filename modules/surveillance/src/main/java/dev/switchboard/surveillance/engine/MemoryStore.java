package dev.switchboard.surveillance.engine;

import dev.switchboard.store.Database;
import dev.switchboard.surveillance.model.Memory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Long-term memories across sessions, the third tier: facts and preferences a user asked to keep ("camera 1207
 * faces the school gate"), stored with their embeddings and recalled by similarity to the question. A user sees,
 * edits and deletes their own. Thread-safe.
 */
public final class MemoryStore {

    /** A memory and how close it is to the question. */
    public record Recalled(Memory memory, double similarity) {
    }

    private final Database db;
    private final TextEmbedder embedder;

    public MemoryStore(Database db, TextEmbedder embedder) {
        this.db = Objects.requireNonNull(db, "db");
        this.embedder = Objects.requireNonNull(embedder, "embedder");
    }

    public Memory add(String userId, String text, Instant now) {
        byte[] vector = EventStore.bytes(embedder.embed(List.of(text)).get(0));
        long id = db.jdbi().withHandle(h -> h.createUpdate("INSERT INTO surv_memory (user_id, text, vector, "
                + "created_at, updated_at) VALUES (:u, :t, :v, :now, :now)").bind("u", userId).bind("t", text)
                .bind("v", vector).bind("now", now.toEpochMilli()).executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class).one());
        return new Memory(id, userId, text, now, now);
    }

    /** Changes a memory's text (and its embedding); false when the user has no such memory. */
    public boolean update(String userId, long id, String text, Instant now) {
        byte[] vector = EventStore.bytes(embedder.embed(List.of(text)).get(0));
        return db.jdbi().withHandle(h -> h.createUpdate("UPDATE surv_memory SET text = :t, vector = :v, updated_at = "
                + ":now WHERE id = :id AND user_id = :u").bind("t", text).bind("v", vector)
                .bind("now", now.toEpochMilli()).bind("id", id).bind("u", userId).execute()) > 0;
    }

    /** Deletes a memory; false when the user has no such memory. */
    public boolean delete(String userId, long id) {
        return db.jdbi().withHandle(h -> h.createUpdate("DELETE FROM surv_memory WHERE id = :id AND user_id = :u")
                .bind("id", id).bind("u", userId).execute()) > 0;
    }

    /** The user's memories, newest first. */
    public List<Memory> list(String userId) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT id, user_id, text, created_at, updated_at FROM "
                + "surv_memory WHERE user_id = :u ORDER BY id DESC").bind("u", userId)
                .map((rs, ctx) -> new Memory(rs.getLong(1), rs.getString(2), rs.getString(3),
                        Instant.ofEpochMilli(rs.getLong(4)), Instant.ofEpochMilli(rs.getLong(5)))).list());
    }

    /** The user's memories most like {@code text}, at least {@code minSimilarity}, best first. */
    public List<Recalled> recall(String userId, String text, int k, double minSimilarity) {
        record Row(Memory m, byte[] v) {
        }
        List<Row> rows = db.jdbi().withHandle(h -> h.createQuery("SELECT id, user_id, text, created_at, updated_at, "
                + "vector FROM surv_memory WHERE user_id = :u").bind("u", userId).map((rs, ctx) -> new Row(
                new Memory(rs.getLong(1), rs.getString(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4)),
                        Instant.ofEpochMilli(rs.getLong(5))), rs.getBytes(6))).list());
        if (rows.isEmpty()) {
            return List.of();
        }
        float[] q = embedder.embed(List.of(text)).get(0);
        List<Recalled> out = new ArrayList<>();
        for (Row r : rows) {
            if (r.v() == null) {
                continue;
            }
            double sim = dot(q, EventStore.floats(r.v()));
            if (sim >= minSimilarity) {
                out.add(new Recalled(r.m(), sim));
            }
        }
        out.sort(Comparator.comparingDouble(Recalled::similarity).reversed());
        return out.subList(0, Math.min(k, out.size()));
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
