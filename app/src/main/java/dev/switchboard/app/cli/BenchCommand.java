package dev.switchboard.app.cli;

import dev.switchboard.store.eventlog.EventLogBenchmark;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code switchboard bench ...}: headless benchmarks that print the README's figures. */
@Command(name = "bench", description = "Headless benchmarks that print figures for the README.",
        mixinStandardHelpOptions = true)
public final class BenchCommand {

    @Spec
    CommandSpec spec;

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

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
