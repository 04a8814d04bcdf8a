package dev.switchboard.app.cli;

import dev.switchboard.workflow.engine.WorkflowBenchmark;
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
import picocli.CommandLine.Spec;

/** {@code switchboard bench workflow}: the workflow engine's figures on fresh databases in temporary folders. */
@Command(name = "workflow", mixinStandardHelpOptions = true, description = "Workflow engine: executions/s of a "
        + "5-task no-op DAG with every transition durable, start latency, 1,000 runs at gates (heap, resume after "
        + "kill -9).")
public final class WorkflowBenchCommand implements java.util.concurrent.Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--runs", defaultValue = "20000", description = "Runs of the DAG per round.")
    int runs;

    @Option(names = "--in-flight", defaultValue = "2000", description = "Runs going at once.")
    int inFlight;

    @Option(names = "--rounds", defaultValue = "3", description = "Rounds (each on a fresh database).")
    int rounds;

    @Option(names = "--gates", defaultValue = "1000", description = "Runs waiting at gates; 0 skips that part.")
    int gates;

    /** Runs the benchmark. */
    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "workflow: %d runs of a 5-task no-op DAG per round, %d in flight, %d rounds; load "
                + "average %.2f%n", runs, inFlight, rounds, WorkflowBenchmark.loadAverage());
        List<Double> rates = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            Path dir = Files.createTempDirectory("switchboard-bench-wf");
            try {
                WorkflowBenchmark.Throughput t = WorkflowBenchmark.throughput(dir, runs, inFlight);
                rates.add(t.runsPerSecond());
                out.printf(Locale.ROOT, "round %d: %,.0f executions/s; start under load p50 %.2f ms, p99 %.2f ms; %d "
                        + "group commits of %d checkpoints; runs %s; load %.2f%n", round, t.runsPerSecond(),
                        t.startP50Millis(), t.startP99Millis(), t.groups(), t.checkpoints(), t.states(),
                        WorkflowBenchmark.loadAverage());
                out.flush();
            } finally {
                deleteTree(dir);
            }
        }
        Path latencyDir = Files.createTempDirectory("switchboard-bench-wf");
        try {
            WorkflowBenchmark.Latency l = WorkflowBenchmark.startLatency(latencyDir, 1000);
            out.printf(Locale.ROOT, "start latency, one run at a time (%d runs): p50 %.2f ms, p99 %.2f ms, max %.2f "
                    + "ms; load %.2f%n", l.runs(), l.p50Millis(), l.p99Millis(), l.maxMillis(),
                    WorkflowBenchmark.loadAverage());
        } finally {
            deleteTree(latencyDir);
        }
        List<Double> sorted = rates.stream().sorted().toList();
        out.printf(Locale.ROOT, "executions/s: min %,.0f, median %,.0f, max %,.0f (target >= 1,000)%n", sorted.get(0),
                sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
        if (gates > 0) {
            Path dir = Files.createTempDirectory("switchboard-bench-gates");
            try {
                WorkflowBenchmark.Gates g = WorkflowBenchmark.gates(dir, gates);
                out.printf(Locale.ROOT, "gates: %d runs waiting; heap after GC %.1f MB before, %.1f MB with them "
                        + "waiting, %.1f MB 3 s later; killed with SIGKILL; %d resumed and waiting again in %d ms "
                        + "(target <= 5,000); all approved and finished in %d ms; load %.2f%n", g.runs(),
                        g.heapBaseline() / 1e6, g.heapWaiting() / 1e6, g.heapWaitingLater() / 1e6, g.resumed(),
                        g.resumeMillis(), g.approveAllMillis(), WorkflowBenchmark.loadAverage());
            } finally {
                deleteTree(dir);
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
