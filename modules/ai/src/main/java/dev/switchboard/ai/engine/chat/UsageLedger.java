package dev.switchboard.ai.engine.chat;

import dev.switchboard.ai.AiUsage;
import dev.switchboard.ai.AiUse;
import dev.switchboard.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls, tokens and cost per day, provider, model and use (table {@code ai_usage}). Recording a call
 * only adds to counters in memory (well under a microsecond); a background thread adds them to the
 * table every flush interval, and {@link #close()} writes the rest. So a crash loses at most the last
 * interval's counts (one second by default), never a row already written. Days are dates in the clock's
 * time zone. Thread-safe.
 */
public final class UsageLedger implements AiUsage, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UsageLedger.class);

    private final Database db;
    private final Clock clock;
    private final Map<Key, Counts> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService writer;
    private final Object flushLock = new Object();

    /** Starts the writer thread; {@link #close()} stops it. */
    public UsageLedger(Database db, Clock clock, Duration flushEvery) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.writer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ai-usage-ledger");
            t.setDaemon(true);
            return t;
        });
        long millis = flushEvery.toMillis();
        writer.scheduleWithFixedDelay(this::flushQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * What one call cost.
     *
     * @param failures failed attempts during the call
     * @param fallback whether the offline responder answered
     */
    public record Call(boolean cacheHit, int tokensIn, int tokensOut, double costUsd, int failures, boolean fallback) {

        public static Call cached() {
            return new Call(true, 0, 0, 0, 0, false);
        }

        public static Call offline(int failures) {
            return new Call(false, 0, 0, 0, failures, true);
        }
    }

    /** Adds one call to today's counts. */
    public void record(AiUse use, String provider, String model, Call call) {
        Key key = new Key(LocalDate.ofInstant(clock.instant(), clock.getZone()), provider, model, use);
        pending.computeIfAbsent(key, k -> new Counts()).add(call);
    }

    /** Rows for every day from {@code from} to {@code to} inclusive, after writing pending counts. */
    public List<UsageRow> query(LocalDate from, LocalDate to) {
        flush();
        return db.jdbi().withHandle(h -> h.createQuery("""
                        SELECT day, provider, model, ai_use, calls, cache_hits, tokens_in, tokens_out, cost_usd,
                            failures, fallbacks
                        FROM ai_usage WHERE day BETWEEN :from AND :to
                        ORDER BY day, provider, model, ai_use""")
                .bind("from", from.toString())
                .bind("to", to.toString())
                .map((rs, ctx) -> new UsageRow(LocalDate.parse(rs.getString(1)), rs.getString(2), rs.getString(3),
                        AiUse.valueOf(rs.getString(4)), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8),
                        rs.getDouble(9), rs.getLong(10), rs.getLong(11)))
                .list());
    }

    @Override
    public List<AiUsage.Day> days(LocalDate from, LocalDate to) {
        return query(from, to).stream().map(r -> new AiUsage.Day(r.day(), r.provider(), r.model(), r.use(), r.calls(),
                r.tokensIn(), r.tokensOut(), r.costUsd())).toList();
    }

    /** Writes the pending counts now, in one transaction. */
    public void flush() {
        synchronized (flushLock) {
            List<Map.Entry<Key, Counts>> batch = new ArrayList<>();
            for (Map.Entry<Key, Counts> e : pending.entrySet()) {
                Counts taken = e.getValue().takeAll();
                if (taken != null) {
                    batch.add(Map.entry(e.getKey(), taken));
                }
            }
            if (batch.isEmpty()) {
                return;
            }
            try {
                db.jdbi().useTransaction(h -> {
                    PreparedBatch upsert = h.prepareBatch("""
                            INSERT INTO ai_usage (day, provider, model, ai_use, calls, cache_hits, tokens_in,
                                tokens_out, cost_usd, failures, fallbacks)
                            VALUES (:day, :provider, :model, :use, :calls, :hits, :in, :out, :cost, :failures,
                                :fallbacks)
                            ON CONFLICT (day, provider, model, ai_use) DO UPDATE SET
                                calls = ai_usage.calls + excluded.calls,
                                cache_hits = ai_usage.cache_hits + excluded.cache_hits,
                                tokens_in = ai_usage.tokens_in + excluded.tokens_in,
                                tokens_out = ai_usage.tokens_out + excluded.tokens_out,
                                cost_usd = ai_usage.cost_usd + excluded.cost_usd,
                                failures = ai_usage.failures + excluded.failures,
                                fallbacks = ai_usage.fallbacks + excluded.fallbacks""");
                    for (Map.Entry<Key, Counts> e : batch) {
                        Key k = e.getKey();
                        Counts c = e.getValue();
                        upsert.bind("day", k.day.toString()).bind("provider", k.provider).bind("model", k.model)
                                .bind("use", k.use.name()).bind("calls", c.calls).bind("hits", c.cacheHits)
                                .bind("in", c.tokensIn).bind("out", c.tokensOut).bind("cost", c.costUsd)
                                .bind("failures", c.failures).bind("fallbacks", c.fallbacks).add();
                    }
                    upsert.execute();
                });
            } catch (RuntimeException ex) {
                // Put the counts back so the next flush tries again.
                for (Map.Entry<Key, Counts> e : batch) {
                    pending.computeIfAbsent(e.getKey(), k -> new Counts()).merge(e.getValue());
                }
                throw ex;
            }
        }
    }

    /** Stops the writer thread and writes what is pending. Idempotent. */
    @Override
    public void close() {
        writer.shutdownNow();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flushQuietly();
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warn("Could not write AI usage counts, will retry: {}", e.getMessage());
        }
    }

    private record Key(LocalDate day, String provider, String model, AiUse use) {
    }

    /** Counts of one key since the last flush; guarded by its own monitor. */
    private static final class Counts {
        private long calls;
        private long cacheHits;
        private long tokensIn;
        private long tokensOut;
        private double costUsd;
        private long failures;
        private long fallbacks;

        synchronized void add(Call call) {
            calls++;
            cacheHits += call.cacheHit() ? 1 : 0;
            tokensIn += call.tokensIn();
            tokensOut += call.tokensOut();
            costUsd += call.costUsd();
            failures += call.failures();
            fallbacks += call.fallback() ? 1 : 0;
        }

        synchronized void merge(Counts o) {
            calls += o.calls;
            cacheHits += o.cacheHits;
            tokensIn += o.tokensIn;
            tokensOut += o.tokensOut;
            costUsd += o.costUsd;
            failures += o.failures;
            fallbacks += o.fallbacks;
        }

        /** A copy of the counts, which are reset; null when there were none. */
        synchronized Counts takeAll() {
            if (calls == 0) {
                return null;
            }
            Counts copy = new Counts();
            copy.merge(this);
            calls = 0;
            cacheHits = 0;
            tokensIn = 0;
            tokensOut = 0;
            costUsd = 0;
            failures = 0;
            fallbacks = 0;
            return copy;
        }
    }
}
