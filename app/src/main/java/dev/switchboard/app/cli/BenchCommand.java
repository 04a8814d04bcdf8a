package dev.switchboard.app.cli;

import dev.switchboard.ai.engine.GatewayBenchmark;
import dev.switchboard.ai.engine.embedding.EmbeddingBenchmark;
import dev.switchboard.ai.engine.worker.QueueBenchmark;
import dev.switchboard.app.Main;
import dev.switchboard.store.DataDir;
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

    /** Batched event-log appends to a scratch PostgreSQL database, one seat and several together. */
    @Command(name = "eventlog-server", description = "Event-log append (batched) to a PostgreSQL server, one seat "
            + "and several at once, each with its own chain. Give it a scratch database: what it writes stays.")
    int eventLogServer(@Option(names = "--to", paramLabel = "URL", required = true,
                               description = "A scratch database, e.g. jdbc:postgresql://localhost:5432/bench "
                                       + "(password from SWITCHBOARD_DATABASE_PASSWORD or ~/.pgpass).") String to,
                       @Option(names = "--entries", defaultValue = "100000",
                               description = "Entries per seat per run.") int entries,
                       @Option(names = "--batch", defaultValue = "5000") int batch,
                       @Option(names = "--seats", defaultValue = "4") int seats,
                       @Option(names = "--runs", defaultValue = "3") int runs) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        DatabaseServer server = DatabaseServer.resolve(to, null, System.getenv()).orElseThrow();
        out.printf(Locale.ROOT, "event log on %s: %d entries per seat, batches of %d, %d runs%n", server.display(),
                entries, batch, runs);
        Path work = Files.createTempDirectory("switchboard-bench");
        try {
            for (int seatCount : seats == 1 ? new int[] {1} : new int[] {1, seats}) {
                List<Double> rates = new ArrayList<>();
                for (int run = 1; run <= runs; run++) {
                    rates.add(EventLogBenchmark.runOnServer(work, server, entries, batch, seatCount));
                }
                List<Double> sorted = rates.stream().sorted().toList();
                out.printf(Locale.ROOT, "%d seat(s): append entries/s min %,.0f  median %,.0f  max %,.0f  "
                                + "(load average %.2f)%n", seatCount, sorted.get(0), sorted.get(sorted.size() / 2),
                        sorted.get(sorted.size() - 1),
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            }
        } finally {
            deleteTree(work);
        }
        return 0;
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
