package dev.switchboard.workflow.engine;

import dev.switchboard.core.event.EventBus;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.Database;
import dev.switchboard.workflow.model.RunState;
import dev.switchboard.workflow.model.WorkflowDefinition;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The figures of {@code switchboard bench workflow}: executions per second of a five-task no-op DAG with every
 * transition durable, the start latency, and 1,000 runs waiting at gates (heap, and how long resuming all of them
 * takes after the process holding them is killed with SIGKILL).
 */
public final class WorkflowBenchmark {

    /** a → (b, c, d) → e, all no-ops. */
    public static final String DAG = """
            id: bench-dag
            name: Five no-op tasks
            concurrency: 4
            tasks:
              - {id: a, type: noop}
              - {id: b, type: noop, dependsOn: [a]}
              - {id: c, type: noop, dependsOn: [a]}
              - {id: d, type: noop, dependsOn: [a]}
              - {id: e, type: noop, dependsOn: [b, c, d]}
            """;

    /** One task, then a gate. */
    public static final String GATE = """
            id: bench-gate
            name: A gate
            tasks:
              - {id: a, type: noop}
              - {id: gate, type: approval, dependsOn: [a], with: {title: "Go?", roles: [SUPERVISOR]}}
              - {id: b, type: noop, dependsOn: [gate]}
            """;

    private WorkflowBenchmark() {
    }

    /** Throughput and start latency of {@code runs} runs with at most {@code inFlight} going at once. */
    public record Throughput(int runs, double runsPerSecond, double startP50Millis, double startP99Millis,
                             long groups, long checkpoints, Map<String, Integer> states) {
    }

    /** How long starting one run takes (until it is stored and its first task starts), one run at a time. */
    public record Latency(int runs, double p50Millis, double p99Millis, double maxMillis) {
    }

    public static Latency startLatency(Path dir, int runs) {
        try (Database db = Database.open(DataDir.of(dir)); EventBus bus = new EventBus()) {
            WorkflowEngine engine = engine(db, bus);
            WorkflowDefinition def = read(DAG);
            Histogram latency = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                String id = engine.start(def, Map.of(), "bench", null);
                latency.recordValue(System.nanoTime() - t0);
                engine.settled(id).join();
            }
            engine.close();
            return new Latency(runs, latency.getValueAtPercentile(50) / 1e6, latency.getValueAtPercentile(99) / 1e6,
                    latency.getMaxValue() / 1e6);
        }
    }

    /** The gate figures. */
    public record Gates(int runs, long heapBaseline, long heapWaiting, long heapWaitingLater, long resumeMillis,
                        int resumed, long approveAllMillis) {
    }

    static WorkflowEngine engine(Database db, EventBus bus) {
        TaskTypes types = TaskTypes.standard(List.of());
        return new WorkflowEngine(db, new WorkflowEngine.Services(bus, EngineClock.system(), types, new Expressions(),
                Inputs.unchecked(), r -> { }, id -> Optional.empty(), Map.of(), RunObserver.NONE),
                new WorkflowEngine.Config(512, 1));
    }

    static WorkflowDefinition read(String yaml) {
        return new WorkflowReader("bench").read(yaml, TaskTypes.standard(List.of()), new Expressions()).definition()
                .orElseThrow();
    }

    public static Throughput throughput(Path dir, int runs, int inFlight) throws InterruptedException {
        try (Database db = Database.open(DataDir.of(dir)); EventBus bus = new EventBus()) {
            WorkflowEngine engine = engine(db, bus);
            WorkflowDefinition def = read(DAG);
            Histogram latency = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
            Semaphore slots = new Semaphore(inFlight);
            List<CompletableFuture<RunState>> done = new ArrayList<>(runs);
            long[] before = engine.checkpointCounts();
            long start = System.nanoTime();
            for (int i = 0; i < runs; i++) {
                slots.acquire();
                long t0 = System.nanoTime();
                CompletableFuture<RunState> end = new CompletableFuture<>();
                done.add(end);
                engine.startAsync(def, Map.of(), "bench", null, null, null).whenComplete((id, e) -> {
                    latency.recordValue(System.nanoTime() - t0);
                    if (e != null) {
                        slots.release();
                        end.completeExceptionally(e);
                        return;
                    }
                    engine.settled(id).whenComplete((s, e2) -> {
                        slots.release();
                        if (e2 != null) {
                            end.completeExceptionally(e2);
                        } else {
                            end.complete(s);
                        }
                    });
                });
            }
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).join();
            double seconds = (System.nanoTime() - start) / 1e9;
            long[] after = engine.checkpointCounts();
            Map<String, Integer> states = engine.store().countByState();
            engine.close();
            return new Throughput(runs, runs / seconds, latency.getValueAtPercentile(50) / 1e6,
                    latency.getValueAtPercentile(99) / 1e6, after[0] - before[0], after[1] - before[1], states);
        }
    }

    /**
     * Starts {@code runs} gate runs in a child JVM, measures its heap with them waiting, kills it with SIGKILL,
     * then resumes them all here and approves them.
     */
    public static Gates gates(Path dir, int runs) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                WorkflowBenchmark.class.getName(), "gates", dir.toString(), Integer.toString(runs))
                .redirectErrorStream(true).start();
        long baseline = -1;
        long waiting = -1;
        long later = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("HEAP ")) {
                    String[] f = line.split(" ");
                    baseline = Long.parseLong(f[1]);
                    waiting = Long.parseLong(f[2]);
                    later = Long.parseLong(f[3]);
                    break;
                }
            }
        }
        child.destroyForcibly().waitFor();
        long t0 = System.nanoTime();
        try (Database db = Database.open(DataDir.of(dir)); EventBus bus = new EventBus()) {
            WorkflowEngine engine = engine(db, bus);
            int resumed = engine.resumeAll();
            List<String> ids = engine.store().recent(runs * 2).stream().filter(r -> r.endedAt() == null)
                    .map(r -> r.id()).toList();
            for (String id : ids) {
                engine.settled(id).join();
            }
            long resumeMillis = (System.nanoTime() - t0) / 1_000_000;
            long t1 = System.nanoTime();
            WorkflowEngine.Actor sue = new WorkflowEngine.Actor("sue", "SUPERVISOR");
            List<CompletableFuture<RunState>> ends = new ArrayList<>();
            for (String id : ids) {
                engine.decide(id, "gate", sue, Map.of(), "approve", "");
                ends.add(engine.settled(id));
            }
            CompletableFuture.allOf(ends.toArray(CompletableFuture[]::new)).join();
            long approveMillis = (System.nanoTime() - t1) / 1_000_000;
            engine.close();
            return new Gates(runs, baseline, waiting, later, resumeMillis, resumed, approveMillis);
        }
    }

    /** The child of {@link #gates}: {@code gates DIR N}. Prints {@code HEAP base waiting later}, then waits. */
    public static void main(String[] args) throws Exception {
        if (args.length != 3 || !args[0].equals("gates")) {
            System.err.println("usage: gates DIR N");
            System.exit(2);
        }
        int runs = Integer.parseInt(args[2]);
        Database db = Database.open(DataDir.of(Path.of(args[1])));
        WorkflowEngine engine = engine(db, new EventBus());
        WorkflowDefinition def = read(GATE);
        long base = usedAfterGc();
        List<CompletableFuture<String>> started = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            started.add(engine.startAsync(def, Map.of(), "bench", null, null, null));
        }
        for (CompletableFuture<String> s : started) {
            engine.settled(s.join()).join();
        }
        long waiting = usedAfterGc();
        Thread.sleep(3000);
        long later = usedAfterGc();
        System.out.println("HEAP " + base + " " + waiting + " " + later);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The system load average over the last minute, or -1 where unknown. */
    public static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
