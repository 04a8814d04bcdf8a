package dev.switchboard.store.eventlog;

import dev.switchboard.core.error.SwitchboardException;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.Database;
import dev.switchboard.store.DatabaseServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/**
 * Measures the event log on this machine: durable batched appends, then a full verify. Behind
 * {@code switchboard bench eventlog}. Works in a fresh folder inside {@code workDir}, removed afterwards.
 */
public final class EventLogBenchmark {

    private static final String[] TYPES = {
        "unit.dispatched", "unit.arrived", "call.transcript", "incident.created", "sensor.alert", "unit.moved",
    };
    private static final String[] UNITS = {"P-101", "P-214", "F-007", "A-032", "T-450"};
    private static final int SESSIONS = 4;

    private EventLogBenchmark() {
    }

    /**
     * What one run measured.
     *
     * @param appendPerSecond entries per second through {@link EventLog#appendAll}, durable
     * @param verifyPerSecond entries per second through {@link EventLog#verify}
     * @param verifyIntact    whether verify found every chain intact (it must)
     * @param dbSizeBytes     the database file after checkpointing
     */
    public record Result(int entries, int batchSize, Duration appendElapsed, double appendPerSecond,
                         Duration verifyElapsed, double verifyPerSecond, boolean verifyIntact, long dbSizeBytes) {

        /** One line per figure, for the command line. */
        public String summary() {
            return String.format(Locale.ROOT, """
                    entries          %,d in %d sessions, batches of %,d
                    append           %,.0f entries/s (%d ms, synchronous=FULL, one transaction per batch)
                    verify           %,.0f entries/s (%d ms)%s
                    database size    %,d bytes (%.0f bytes/entry)""",
                    entries, SESSIONS, batchSize, appendPerSecond, appendElapsed.toMillis(), verifyPerSecond,
                    verifyElapsed.toMillis(), verifyIntact ? "" : "  CHAIN BROKEN", dbSizeBytes,
                    (double) dbSizeBytes / Math.max(1, entries));
        }
    }

    /**
     * Appends {@code entries} realistic entries (JSON payloads of about 150 bytes, {@value #SESSIONS}
     * sessions) in batches of {@code batchSize} to a new database, then verifies them.
     */
    public static Result run(Path workDir, int entries, int batchSize) {
        if (entries < 1 || batchSize < 1) {
            throw new IllegalArgumentException("entries and batchSize must be positive");
        }
        Path folder;
        try {
            Files.createDirectories(workDir);
            folder = Files.createTempDirectory(workDir, "eventlog-bench-");
        } catch (IOException e) {
            throw new SwitchboardException("Cannot create a benchmark folder in " + workDir + ": " + e.getMessage(),
                    "Choose a writable folder.", e);
        }
        try {
            return measure(DataDir.of(folder), entries, batchSize);
        } finally {
            delete(folder);
        }
    }

    private static Result measure(DataDir dir, int entries, int batchSize) {
        SplittableRandom random = new SplittableRandom(42);
        SessionId[] sessions = new SessionId[SESSIONS];
        for (int i = 0; i < SESSIONS; i++) {
            sessions[i] = SessionId.random();
        }
        long appendNanos = 0;
        VerifyReport report;
        try (Database db = Database.open(dir); EventLog log = new EventLog(db, Clock.systemUTC())) {
            long simMillis = 0;
            int written = 0;
            List<AppendRequest> batch = new ArrayList<>(batchSize);
            while (written < entries) {
                int n = Math.min(batchSize, entries - written);
                batch.clear();
                for (int i = 0; i < n; i++) {
                    simMillis += 1 + random.nextInt(40);
                    batch.add(new AppendRequest(sessions[random.nextInt(SESSIONS)], simMillis,
                            TYPES[random.nextInt(TYPES.length)], payload(random, simMillis)));
                }
                long started = System.nanoTime();
                log.appendAll(batch);
                appendNanos += System.nanoTime() - started;
                written += n;
            }
            report = log.verify(Optional.empty());
        }
        long size;
        try {
            size = Files.size(dir.database());
        } catch (IOException e) {
            size = -1;
        }
        Duration append = Duration.ofNanos(appendNanos);
        return new Result(entries, batchSize, append, perSecond(entries, append), report.elapsed(),
                perSecond(report.entriesChecked(), report.elapsed()),
                report.intact() && report.entriesChecked() == entries, size);
    }

    /**
     * Appends {@code entries} entries per seat in batches of {@code batchSize} to a scratch database on
     * {@code server}, {@code seats} seats at once (each with its own connection and its own chain), then verifies
     * the chains written. Refuses a database that holds anything but earlier benchmark chains: the event log is
     * append-only, so what the benchmark writes stays.
     *
     * @return entries per second over all seats together
     */
    public static double runOnServer(Path workDir, DatabaseServer server, int entries, int batchSize, int seats) {
        if (entries < 1 || batchSize < 1 || seats < 1) {
            throw new IllegalArgumentException("entries, batchSize and seats must be positive");
        }
        List<Database> open = new ArrayList<>();
        try {
            for (int s = 0; s < seats; s++) {
                open.add(Database.openServer(DataDir.of(workDir), server));
            }
            boolean used = open.get(0).jdbi().withHandle(h -> h.createQuery(
                    "SELECT EXISTS (SELECT 1 FROM account) OR EXISTS (SELECT 1 FROM training_session) "
                            + "OR EXISTS (SELECT 1 FROM event_log WHERE session_id NOT LIKE 'bench-%')")
                    .mapTo(Boolean.class).one());
            if (used) {
                throw new SwitchboardException("The benchmark writes to the event log of " + server.display()
                        + ", which is append-only; that database holds accounts, sessions or other event-log "
                        + "entries.",
                        "Give it a scratch database (e.g. createdb switchboard_bench).");
            }
            List<SessionId> chains = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            CountDownLatch start = new CountDownLatch(1);
            AtomicReference<RuntimeException> failed = new AtomicReference<>();
            for (int s = 0; s < seats; s++) {
                SessionId chain = new SessionId("bench-" + SessionId.random().value());
                chains.add(chain);
                Database db = open.get(s);
                threads.add(Thread.ofPlatform().name("bench-seat-" + s).start(() -> {
                    SplittableRandom random = new SplittableRandom(chain.value().hashCode());
                    try (EventLog log = new EventLog(db, Clock.systemUTC())) {
                        start.await();
                        long simMillis = 0;
                        for (int written = 0; written < entries; ) {
                            int n = Math.min(batchSize, entries - written);
                            List<AppendRequest> batch = new ArrayList<>(n);
                            for (int i = 0; i < n; i++) {
                                simMillis += 1 + random.nextInt(40);
                                batch.add(new AppendRequest(chain, simMillis, TYPES[random.nextInt(TYPES.length)],
                                        payload(random, simMillis)));
                            }
                            log.appendAll(batch);
                            written += n;
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (RuntimeException e) {
                        failed.compareAndSet(null, e);
                    }
                }));
            }
            long started = System.nanoTime();
            start.countDown();
            for (Thread t : threads) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted", e);
                }
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            if (failed.get() != null) {
                throw failed.get();
            }
            try (EventLog log = new EventLog(open.get(0), Clock.systemUTC())) {
                for (SessionId chain : chains) {
                    VerifyReport report = log.verify(Optional.of(chain));
                    if (!report.intact() || report.entriesChecked() != entries) {
                        throw new IllegalStateException("Benchmark chain " + chain.value() + " does not verify: "
                                + report.firstBreak());
                    }
                }
            }
            return perSecond((long) entries * seats, elapsed);
        } finally {
            open.forEach(Database::close);
        }
    }

    private static String payload(SplittableRandom random, long simMillis) {
        // About 150 bytes, shaped like a unit-status event.
        return String.format(Locale.ROOT,
                "{\"unit\":\"%s\",\"incident\":\"INC-%06d\",\"status\":\"EN_ROUTE\",\"lat\":%.6f,\"lon\":%.6f,"
                        + "\"etaSeconds\":%d,\"simMillis\":%d,\"note\":\"priority %d\"}",
                UNITS[random.nextInt(UNITS.length)], random.nextInt(1_000_000), 35.6 + random.nextDouble() * 0.2,
                139.6 + random.nextDouble() * 0.2, random.nextInt(900), simMillis, 1 + random.nextInt(3));
    }

    private static double perSecond(long count, Duration elapsed) {
        return count / Math.max(1e-9, elapsed.toNanos() / 1e9);
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // Leaves a temporary folder behind; not worth failing the benchmark for.
            LoggerFactory.getLogger(EventLogBenchmark.class).warn("Could not remove {}: {}", folder, e.getMessage());
        }
    }
}
