package dev.switchboard.ai.engine.chat;

import dev.switchboard.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Successful online answers in SQLite (table {@code ai_cache}), keyed by {@link CacheKey}. An entry
 * is served while it is younger than the TTL; older ones are purged now and then. Writes are behind:
 * {@link #put} keeps the entry in memory (where {@link #get} finds it at once) and a background thread
 * writes pending entries in one transaction, so no caller waits for a commit; {@link #close()} writes
 * the rest. The keys present (up to {@value #MAX_INDEXED}) are also kept in memory, so a miss, the
 * usual case, costs no database read; this relies on one process per data dir, as {@code Database}
 * does. A database error never fails a call: it is logged and the cache is skipped. Thread-safe.
 */
public final class ResponseCache implements AutoCloseable {

    /** Requests hotter than this ask for variety, so they are neither served from nor written to the cache. */
    public static final double MAX_CACHED_TEMPERATURE = 0.7;

    /** Beyond this many entries misses are checked in the database rather than in memory. */
    static final int MAX_INDEXED = 100_000;

    private static final Logger LOG = LoggerFactory.getLogger(ResponseCache.class);

    private final Database db;
    private final Clock clock;
    private final Duration ttl;
    private final Map<Key, Pending> pending = new ConcurrentHashMap<>();
    /** Creation time (epoch ms) of each key in the table; complete while {@link #indexComplete}. */
    private final Map<Key, Long> index = new ConcurrentHashMap<>();
    private volatile boolean indexComplete;
    private final AtomicBoolean writeScheduled = new AtomicBoolean();
    private final ExecutorService writer;
    private final Object writeLock = new Object();

    /** Starts the writer thread; {@link #close()} stops it. */
    public ResponseCache(Database db, Clock clock, Duration ttl) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ai-cache-writer");
            t.setDaemon(true);
            return t;
        });
        loadIndex();
    }

    /** An answer as it was cached. */
    public record Entry(String provider, String model, String answer, int tokensIn, int tokensOut, Instant createdAt) {
    }

    public boolean enabled() {
        return !ttl.isZero();
    }

    /** The fresh entry under {@code key}, if any. */
    public Optional<Entry> get(byte[] key) {
        if (!enabled()) {
            return Optional.empty();
        }
        long oldest = clock.millis() - ttl.toMillis();
        Key k = new Key(key);
        Pending p = pending.get(k);
        if (p != null) {
            return p.entry.createdAt().toEpochMilli() > oldest ? Optional.of(p.entry) : Optional.empty();
        }
        Long createdAt = index.get(k);
        if (indexComplete && (createdAt == null || createdAt <= oldest)) {
            return Optional.empty();
        }
        try {
            return db.jdbi().withHandle(h -> h.createQuery("""
                            SELECT provider, model, answer, tokens_in, tokens_out, created_at FROM ai_cache
                            WHERE key = :key AND created_at > :oldest""")
                    .bind("key", key)
                    .bind("oldest", oldest)
                    .map((rs, ctx) -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                            rs.getInt(5), Instant.ofEpochMilli(rs.getLong(6))))
                    .findOne());
        } catch (RuntimeException e) {
            LOG.warn("Response cache read failed, calling the provider instead: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /** Stores an answer under {@code key}, replacing an older one; returns at once. */
    public void put(byte[] key, String provider, String model, String answer, int tokensIn, int tokensOut) {
        if (!enabled()) {
            return;
        }
        Entry entry = new Entry(provider, model, answer, tokensIn, tokensOut, clock.instant());
        Key k = new Key(key.clone());
        pending.put(k, new Pending(k.bytes, entry));
        index(k, entry.createdAt().toEpochMilli());
        if (writeScheduled.compareAndSet(false, true)) {
            try {
                writer.execute(this::writePendingQuietly);
            } catch (RejectedExecutionException closed) {
                writeScheduled.set(false);
                writePendingQuietly();
            }
        }
    }

    /** Writes every pending entry now, in one transaction. */
    public void flush() {
        synchronized (writeLock) {
            writeScheduled.set(false);
            List<Pending> batch = List.copyOf(pending.values());
            if (batch.isEmpty()) {
                return;
            }
            db.jdbi().useTransaction(h -> {
                PreparedBatch insert = h.prepareBatch("""
                        INSERT INTO ai_cache (key, provider, model, answer, tokens_in, tokens_out, created_at)
                        VALUES (:key, :provider, :model, :answer, :in, :out, :at)
                        ON CONFLICT (key) DO UPDATE SET provider = excluded.provider, model = excluded.model,
                            answer = excluded.answer, tokens_in = excluded.tokens_in,
                            tokens_out = excluded.tokens_out, created_at = excluded.created_at""");
                for (Pending p : batch) {
                    Entry e = p.entry;
                    insert.bind("key", p.key).bind("provider", e.provider()).bind("model", e.model())
                            .bind("answer", e.answer()).bind("in", e.tokensIn()).bind("out", e.tokensOut())
                            .bind("at", e.createdAt().toEpochMilli()).add();
                }
                insert.execute();
            });
            for (Pending p : batch) {
                // Only if no newer answer for the key arrived meanwhile.
                pending.remove(new Key(p.key), p);
            }
        }
    }

    /** Writes what is pending and stops the writer thread. Idempotent. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writePendingQuietly();
    }

    private void writePendingQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warn("Response cache write failed ({} answers not cached): {}", pending.size(), e.getMessage());
            pending.clear();
        }
    }

    /** Deletes entries older than the TTL; returns how many. */
    public int purgeExpired() {
        long oldest = clock.millis() - ttl.toMillis();
        index.values().removeIf(at -> at <= oldest);
        try {
            return db.jdbi().withHandle(h -> h.createUpdate("DELETE FROM ai_cache WHERE created_at <= :oldest")
                    .bind("oldest", oldest)
                    .execute());
        } catch (RuntimeException e) {
            LOG.warn("Response cache purge failed: {}", e.getMessage());
            return 0;
        }
    }

    /** Deletes every entry, e.g. after a provider's model was retrained; returns how many. */
    public int clear() {
        synchronized (writeLock) {
            pending.clear();
            index.clear();
            indexComplete = true;
            return db.jdbi().withHandle(h -> h.createUpdate("DELETE FROM ai_cache").execute());
        }
    }

    private void index(Key k, long createdAt) {
        if (index.size() >= MAX_INDEXED && !index.containsKey(k)) {
            indexComplete = false;
            return;
        }
        index.put(k, createdAt);
    }

    private void loadIndex() {
        long oldest = clock.millis() - ttl.toMillis();
        try {
            db.jdbi().useHandle(h -> h.createQuery("SELECT key, created_at FROM ai_cache WHERE created_at > :oldest")
                    .bind("oldest", oldest)
                    .map((rs, ctx) -> Map.entry(new Key(rs.getBytes(1)), rs.getLong(2)))
                    .forEach(e -> index(e.getKey(), e.getValue())));
            indexComplete = index.size() < MAX_INDEXED;
        } catch (RuntimeException e) {
            LOG.warn("Could not load the response cache's keys; every lookup reads the database: {}", e.getMessage());
            indexComplete = false;
        }
    }

    /** A key with value equality. */
    private record Key(byte[] bytes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(bytes, k.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Key[" + bytes.length + " bytes]";
        }
    }

    /** An entry not yet written; identity matters for the conditional remove. */
    private static final class Pending {
        private final byte[] key;
        private final Entry entry;

        Pending(byte[] key, Entry entry) {
            this.key = key;
            this.entry = entry;
        }
    }
}
