package dev.switchboard.app.cli;

import dev.switchboard.ai.engine.GatewayBenchmark;
import dev.switchboard.ai.engine.embedding.EmbeddingBenchmark;
import dev.switchboard.ai.engine.worker.QueueBenchmark;
import dev.switchboard.app.Main;
import dev.switchboard.core.error.InputException;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.core.id.UserId;
import dev.switchboard.review.engine.SyntheticCalls;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.Database;
import dev.switchboard.store.ScratchSchema;
import dev.switchboard.store.SeatMigration;
import dev.switchboard.store.eventlog.EventLog;
import dev.switchboard.store.session.RecordingCatalog;
import dev.switchboard.store.session.SessionCatalog;
import dev.switchboard.store.DatabaseServer;
import dev.switchboard.store.eventlog.EventLogBenchmark;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code switchboard bench ...}: headless benchmarks that print the README's figures. */
@Command(name = "bench", description = "Headless benchmarks that print figures for the README.",
        mixinStandardHelpOptions = true, subcommands = {ReviewBenchCommand.class, SpeechBenchCommand.class,
            EntitiesBenchCommand.class, WorkflowBenchCommand.class, SurveillanceBenchCommand.class,
            StudioBenchCommand.class})
public final class BenchCommand {

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    /** Appends and verifies a fresh event log in a temporary folder; the user's data is not touched. */
    @Command(name = "eventlog", description = "Event-log append (batched) and verify throughput on a fresh "
            + "database in a temporary folder.")
    int eventLog(@Option(names = "--entries", defaultValue = "500000") int entries,
                 @Option(names = "--batch", defaultValue = "5000") int batch,
                 @Option(names = "--runs", defaultValue = "3") int runs) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "event log: %d entries, batches of %d, %d runs (first is warm-up)%n", entries,
                batch, runs);
        for (int run = 1; run <= runs; run++) {
            Path work = Files.createTempDirectory("switchboard-bench");
            try {
                EventLogBenchmark.Result r = EventLogBenchmark.run(work, entries, batch);
                out.printf(Locale.ROOT, "run %d: append %,.0f entries/s, verify %,.0f entries/s, db %.1f MiB%n", run,
                        r.appendPerSecond(), r.verifyPerSecond(), r.dbSizeBytes() / (1024.0 * 1024));
            } finally {
                deleteTree(work);
            }
        }
        return 0;
    }

    /** Batched event-log appends to a scratch schema on a PostgreSQL server, one seat and several together. */
    @Command(name = "eventlog-server", description = "Event-log append (batched) to a PostgreSQL server, one seat "
            + "and several at once, each with its own chain, in a scratch schema of an empty database (--database "
            + "or --to), dropped afterwards.")
    int eventLogServer(@Option(names = "--to", paramLabel = "URL",
                               description = "The server database when --database is not given, e.g. "
                                       + "jdbc:postgresql://localhost:5432/bench (password from "
                                       + "SWITCHBOARD_DATABASE_PASSWORD or ~/.pgpass).") String to,
                       @Option(names = "--entries", defaultValue = "100000",
                               description = "Entries per seat per run.") int entries,
                       @Option(names = "--batch", defaultValue = "5000") int batch,
                       @Option(names = "--seats", defaultValue = "4") int seats,
                       @Option(names = "--runs", defaultValue = "3") int runs) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        DatabaseServer target = serverOf(to);
        out.printf(Locale.ROOT, "event log on %s: %d entries per seat, batches of %d, %d runs%n", target.display(),
                entries, batch, runs);
        Path work = Files.createTempDirectory("switchboard-bench");
        try (ScratchSchema scratch = ScratchSchema.create(target)) {
            for (int seatCount : seats == 1 ? new int[] {1} : new int[] {1, seats}) {
                List<Double> rates = new ArrayList<>();
                for (int run = 1; run <= runs; run++) {
                    rates.add(EventLogBenchmark.runOnServer(work, scratch.server(), entries, batch, seatCount));
                }
                List<Double> sorted = rates.stream().sorted().toList();
                out.printf(Locale.ROOT, "%d seat(s): append entries/s min %,.0f  median %,.0f  max %,.0f  "
                                + "(target >= 50,000 from one seat; load average %.2f)%n", seatCount, sorted.get(0),
                        sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1),
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            }
        } finally {
            deleteTree(work);
        }
        return 0;
    }

    /**
     * Moving a seat to the server: builds a seat of {@code sessions} recorded calls in a temporary folder once, then
     * copies it with {@code db migrate}'s code into a fresh scratch schema per run.
     */
    @Command(name = "seat-migration", description = "Time to move a seat with N recorded calls to a PostgreSQL "
            + "server (what 'db migrate --to' does: copy and verify every chain), into a fresh scratch schema of an "
            + "empty database per run (--database or --to), dropped afterwards.")
    int seatMigration(@Option(names = "--to", paramLabel = "URL",
                              description = "The server database when --database is not given.") String to,
                      @Option(names = "--sessions", defaultValue = "100") int sessions,
                      @Option(names = "--minutes", defaultValue = "5", description = "Length of each call.")
                      int minutes,
                      @Option(names = "--sample-rate", defaultValue = "0", description = "Each call's WAV rate; 0 "
                              + "writes no audio (the catalogue rows and seals are copied either way).")
                      int sampleRate,
                      @Option(names = "--runs", defaultValue = "3") int runs) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        DatabaseServer target = serverOf(to);
        Path work = Files.createTempDirectory("switchboard-bench-seat");
        try {
            DataDir seatDir = DataDir.of(work.resolve("seat")).ensureCreated();
            long entries;
            try (Database seat = Database.open(seatDir);
                 EventLog log = new EventLog(seat, java.time.Clock.systemUTC())) {
                SessionCatalog catalog = new SessionCatalog(seat, log);
                RecordingCatalog recordings = new RecordingCatalog(seat);
                java.time.Instant start = java.time.Instant.parse("2025-01-06T08:00:00Z");
                for (int i = 0; i < sessions; i++) {
                    SyntheticCalls.write(new SyntheticCalls.Spec(
                            new SessionId(String.format(Locale.ROOT, "seat-call-%04d", i)),
                            new UserId("t" + (i % 12)), "Trainee " + (i % 12), "Call " + i,
                            start.plusSeconds(i * 1800L), minutes * 60_000L, sampleRate, i), log, catalog,
                            recordings, seatDir.recordings());
                }
                entries = log.count();
            }
            out.printf(Locale.ROOT, "seat migration to %s: %d calls of %d minutes (%,d event-log entries%s), %d runs%n",
                    target.display(), sessions, minutes, entries, sampleRate > 0 ? ", with audio" : ", no audio",
                    runs);
            List<Double> ms = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                try (ScratchSchema scratch = ScratchSchema.create(target);
                     Database seat = Database.open(seatDir);
                     Database server = Database.openServer(DataDir.of(work.resolve("server")), scratch.server())) {
                    long t0 = System.nanoTime();
                    SeatMigration.Result r = new SeatMigration(seat, server).run();
                    double took = (System.nanoTime() - t0) / 1e6;
                    if (!r.copied()) {
                        throw new IllegalStateException("The benchmark seat did not copy: " + r.conflicts() + " "
                                + r.brokenChain());
                    }
                    ms.add(took);
                    out.printf(Locale.ROOT, "run %d: %.0f ms (%d sessions, %d chains, %,d entries copied and "
                            + "verified)%n", run, took, r.sessions(), r.chains(), r.entries());
                }
            }
            List<Double> sorted = ms.stream().sorted().toList();
            out.printf(Locale.ROOT, "seat migration: min %.0f / median %.0f / max %.0f ms (load average %.2f)%n",
                    sorted.get(0), sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        } finally {
            deleteTree(work);
        }
        return 0;
    }

    /** The server of {@code --to}, else of the global {@code --database}; one clear line when neither is given. */
    private DatabaseServer serverOf(String to) {
        Optional<DatabaseServer> server = to != null
                ? DatabaseServer.resolve(to, main.databasePasswordFile(), System.getenv()) : main.databaseServer();
        return server.orElseThrow(() -> InputException.field("--database", "this benchmark runs on a PostgreSQL "
                + "server; give one with --database jdbc:postgresql://host:port/db (an empty scratch database; "
                + "installer/dev/local-postgres.sh starts one on this machine)."));
    }

    /** The AI gateway's own cost per call, network excluded (an in-process stub model answers). */
    @Command(name = "gateway", description = "AI gateway overhead per call, network excluded.")
    int gateway(@Option(names = "--calls", defaultValue = "10000") int calls,
                @Option(names = "--runs", defaultValue = "3") int runs) {
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "gateway: %d calls per run, %d runs (target: overhead <= 1 ms per call)%n", calls,
                runs);
        for (int run = 1; run <= runs; run++) {
            GatewayBenchmark.Result r = GatewayBenchmark.run(calls);
            out.printf(Locale.ROOT, "run %d: overhead p50 %.1f us, p99 %.1f us, mean %.1f us, max %.1f us%n", run,
                    r.p50Micros(), r.p99Micros(), r.meanMicros(), r.maxMicros());
        }
        return 0;
    }

    /**
     * Model load and batched throughput of the in-process embedding model. Its native libraries are unpacked once
     * under the data dir's cache, as in the window, not in the temp folder.
     */
    @Command(name = "embeddings", description = "Embedding model load time and batched sentences per second.")
    int embeddings(@Option(names = "--sentences", defaultValue = "2000") int sentences,
                   @Option(names = "--batch", defaultValue = "64") int batch,
                   @Option(names = "--runs", defaultValue = "3") int runs,
                   @Option(names = "--workers", description = "Java threads per batch (default: the cores).")
                   Integer workers,
                   @Option(names = "--intra-op-threads", defaultValue = "1",
                           description = "ONNX Runtime threads per inference.") int intraOp) {
        Path cache = DataDir.resolve(main.dataDir()).cache();
        int threads = workers == null ? Runtime.getRuntime().availableProcessors() : workers;
        double[] rates = new double[Math.max(1, runs)];
        long load = 0;
        for (int i = 0; i < rates.length; i++) {
            EmbeddingBenchmark.Result r = EmbeddingBenchmark.run(cache, sentences, batch, threads, intraOp);
            rates[i] = r.sentencesPerSecond();
            load = i == 0 ? r.modelLoad().toMillis() : load;
        }
        java.util.Arrays.sort(rates);
        spec.commandLine().getOut().printf(Locale.ROOT,
                "embeddings: model load %d ms (first run); %d sentences in batches of %d, %d worker thread(s) x "
                        + "%d ONNX thread(s), %d runs: min %.0f / median %.0f / max %.0f sentences/s "
                        + "(load average %.2f)%n", load, sentences, batch, threads, intraOp, rates.length,
                rates[0], rates[rates.length / 2], rates[rates.length - 1],
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        return 0;
    }

    /** The generation queue on demo workers on loopback, in a temporary folder. */
    @Command(name = "queue", description = "Generation queue: overhead per job (submit to dispatch, and to the worker "
            + "receiving it) "
            + "with N clips queued, the order three users are served in, and failover time when a worker dies "
            + "mid-job. Demo workers on 127.0.0.1, a temporary database.")
    int queue(@Option(names = "--queued", defaultValue = "10000") int queued,
              @Option(names = "--probes", defaultValue = "1000") int probes,
              @Option(names = "--failover-runs", defaultValue = "5") int failoverRuns) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        double loadBefore = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        out.printf(Locale.ROOT, "queue overhead: %d clips queued (waiting for a busy video worker), %d image jobs "
                + "one at a time to an idle image worker (target: p99 <= 5 ms)%n", queued, probes);
        QueueBenchmark.Overhead o = QueueBenchmark.overhead(queued, probes);
        printSpread(out, "submit -> dispatched (claimed, running, handed to its worker thread)", o.dispatched());
        printSpread(out, "submit -> received by the worker (adds HTTP on loopback, both ends)", o.received());
        out.printf(Locale.ROOT, "  %d clips still queued at the end%n", o.queued());
        QueueBenchmark.Fairness f = QueueBenchmark.fairness(300, 100, 20);
        out.printf(Locale.ROOT, "fairness: %s queued before the worker started; of the first %d served: %s; each "
                + "user's last job served at: %s (of %d)%n", f.submitted(), f.window(), f.firstWindow(),
                f.lastPosition(), f.total());
        List<java.time.Duration> times = QueueBenchmark.failover(failoverRuns);
        List<Long> ms = times.stream().map(java.time.Duration::toMillis).sorted().toList();
        out.printf(Locale.ROOT, "failover: worker killed mid-job -> job at the spare: min %d ms, median %d ms, max %d "
                + "ms (%d runs)%n", ms.get(0), ms.get(ms.size() / 2), ms.get(ms.size() - 1), ms.size());
        out.printf(Locale.ROOT, "load average: %.2f before, %.2f after%n", loadBefore,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        return 0;
    }

    private static void printSpread(PrintWriter out, String what, QueueBenchmark.Spread s) {
        out.printf(Locale.ROOT, "  %s: min %.2f ms, median %.2f ms, p99 %.2f ms, max %.2f ms%n", what,
                s.minMicros() / 1000.0, s.medianMicros() / 1000.0, s.p99Micros() / 1000.0, s.maxMicros() / 1000.0);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
