package dev.switchboard.city.engine.pipeline;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.switchboard.places.CityPacks;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Measures the pipeline without JMH, for {@code switchboard city bench} and the README: throughput of filter +
 * score + top K, latency of a whole tick (generation included), the collector's pauses, and a soak that
 * watches the heap. Each {@link Case} builds a new pipeline per run; the cases take turns run by run, so that
 * a change in the machine's load falls on all of them alike. Ticks are one simulated second apart. Figures
 * depend on the machine: the report carries the load average before and after.
 */
public final class PipelineBenchmark {

    /** Throughput the README's target asks for, in events per second. */
    public static final double TARGET_EVENTS_PER_SECOND = 20e6;
    /** Tick p99 the README's target asks for, in milliseconds. */
    public static final double TARGET_TICK_P99_MILLIS = 10;

    private static final double NANOS_PER_MILLI = 1e6;
    private static final int RUSH_HOUR = 8;

    private PipelineBenchmark() {
    }

    /**
     * One way of running the pipeline.
     *
     * @param fresh true: a new pipeline measured from its first tick, no warm-up and no {@code System.gc()}, as
     *              a control room the trainee has just started; false: settled, measured after warm-up ticks
     *              and three full collections, so that its long-lived arrays are in the old generation
     * @param rushHour true: scored at 08:00 on the typical time-of-day profile (traffic ×1.15) with Shibuya and
     *                 Shinjuku ×1.2 and incidents open in Shibuya, Shinjuku and Minato, so that traffic flow
     *                 too can reach the threshold and is scored; false: the neutral context
     */
    public record Case(boolean fresh, boolean rushHour, DedupRule rule, int threads) {

        /** A short label, e.g. {@code rush hour · fresh · 2 threads}. */
        public String label() {
            return (rule == DedupRule.SAME_SOURCE_AND_TYPE ? "seed rule · " : "")
                    + (rushHour ? "rush hour" : "neutral") + " · " + (fresh ? "fresh" : "settled") + " · " + threads
                    + (threads == 1 ? " thread" : " threads");
        }

        ScoringContext context() {
            if (!rushHour) {
                return ScoringContext.neutral();
            }
            return ScoringContext.neutral().withTimeOfDay(TimeOfDayProfile.typical(), RUSH_HOUR * 3_600_000L)
                    .withDistrictMultipliers(Map.of("shibuya", 1.2, "shinjuku", 1.2))
                    .withActiveIncidents(Set.of("shibuya", "shinjuku", "minato"));
        }
    }

    /**
     * What to measure.
     *
     * @param warmupTicks ticks before a settled run is measured
     */
    public record Options(int eventsPerTick, int ticks, int runs, long seed, int warmupTicks, List<Case> cases) {

        public Options {
            if (eventsPerTick < 1 || ticks < 1 || runs < 1 || warmupTicks < 0) {
                throw new IllegalArgumentException("events per tick, ticks and runs must be positive");
            }
            cases = List.copyOf(cases);
            if (cases.isEmpty()) {
                throw new IllegalArgumentException("no case to run");
            }
        }

        /**
         * Every case worth reporting on this machine: neutral and rush hour, settled and fresh, the source
         * design's dedup rule, each on one thread and (with a second core) on two.
         */
        public static List<Case> allCases() {
            List<Case> cases = new ArrayList<>();
            int most = Math.min(PipelineConfig.MAX_THREADS, Runtime.getRuntime().availableProcessors());
            for (int threads = most; threads >= 1; threads--) {
                cases.add(new Case(false, false, DedupRule.SAME_OBSERVATION, threads));
                cases.add(new Case(false, true, DedupRule.SAME_OBSERVATION, threads));
                cases.add(new Case(true, true, DedupRule.SAME_OBSERVATION, threads));
                cases.add(new Case(false, false, DedupRule.SAME_SOURCE_AND_TYPE, threads));
            }
            return cases;
        }
    }

    /**
     * Figures of one run.
     *
     * @param filterScoreTopKEventsPerSecond generated records divided by the time spent filtering, scoring
     *                                       and selecting the top K (building the K events included)
     * @param gcPauses collector pauses during the measured ticks (explicit System.gc() excluded; their time
     *                 is in the tick latencies)
     * @param loadAverage the system's one-minute load average when the run started
     */
    public record Run(Case benchCase, int index, double filterScoreTopKEventsPerSecond, double tickP50Millis,
                      double tickP99Millis, double tickMaxMillis, double generateMillis, double filterMillis,
                      double scoreMillis, double topKMillis, long passedPerTick, long duplicatesPerTick,
                      long aboveThresholdPerTick, long gcPauses, double longestGcPauseMillis, double loadAverage) {

        /** Whether this run meets both targets (throughput and tick p99). */
        public boolean meetsTargets() {
            return filterScoreTopKEventsPerSecond >= TARGET_EVENTS_PER_SECOND
                    && tickP99Millis <= TARGET_TICK_P99_MILLIS;
        }
    }

    /** All runs, in the order they ran, and the load around them. */
    public record Report(Options options, Run coldStart, List<Run> runs, double loadBefore, double loadAfter) {

        public List<Run> runsOf(Case c) {
            return runs.stream().filter(r -> r.benchCase().equals(c)).toList();
        }

        /** The headline: neutral, settled, the most threads the machine gives the control room. */
        public Case headline() {
            return options.cases().stream().filter(c -> !c.fresh() && !c.rushHour()
                    && c.rule() == DedupRule.SAME_OBSERVATION).findFirst().orElse(options.cases().get(0));
        }

        /** The report for the CLI: a table of min / median / max per case, then the headline's runs. */
        public String describe() {
            StringBuilder sb = new StringBuilder();
            Options o = options;
            sb.append(String.format(Locale.ROOT, "Control room pipeline: %,d events/tick, %,d measured ticks per run, "
                    + "%d run%s per case, seed %d%n", o.eventsPerTick(), o.ticks(), o.runs(), o.runs() == 1 ? "" : "s",
                    o.seed()));
            Runtime rt = Runtime.getRuntime();
            sb.append(String.format(Locale.ROOT, "Java %s, %s, max heap %,d MB, %d cores; load average %.2f before, "
                    + "%.2f after%n", Runtime.version(), collectorNames(), rt.maxMemory() >> 20,
                    rt.availableProcessors(), loadBefore, loadAfter));
            sb.append("M events/s = generated records / time in filter + score + top-K (building the K events "
                    + "included), wall clock;\n");
            sb.append("tick = the whole tick, generation included. settled = after ").append(o.warmupTicks())
                    .append(" warm-up ticks and System.gc(); fresh = a new pipeline from its first tick, no "
                            + "warm-up, no System.gc().\n");
            if (coldStart != null) {
                sb.append(String.format(Locale.ROOT, "first control room in this JVM (%s, JIT cold): %.1f M/s, tick "
                        + "p50 %.2f ms, p99 %.2f ms, max %.2f ms; GC %d pauses, longest %.0f ms%n",
                        coldStart.benchCase().label(), coldStart.filterScoreTopKEventsPerSecond() / 1e6,
                        coldStart.tickP50Millis(), coldStart.tickP99Millis(), coldStart.tickMaxMillis(),
                        coldStart.gcPauses(), coldStart.longestGcPauseMillis()));
            }
            sb.append(String.format(Locale.ROOT, "%n%-42s %-20s %-20s %-9s %-29s %s%n", "case", "M events/s",
                    "tick p99 ms", "p50 ms", "mean ms: gen/filter/score/top", "per tick: passed/dup/above; GC"));
            sb.append(String.format(Locale.ROOT, "%-42s %-20s %-20s %-9s %-29s %s%n", "", "min / median / max",
                    "min / median / max", "median", "(median run)", ""));
            for (Case c : o.cases()) {
                List<Run> rs = runsOf(c);
                double[] eps = rs.stream().mapToDouble(r -> r.filterScoreTopKEventsPerSecond() / 1e6).sorted()
                        .toArray();
                double[] p99 = rs.stream().mapToDouble(Run::tickP99Millis).sorted().toArray();
                double[] p50 = rs.stream().mapToDouble(Run::tickP50Millis).sorted().toArray();
                Run mid = rs.stream().sorted((a, b) -> Double.compare(a.filterScoreTopKEventsPerSecond(),
                        b.filterScoreTopKEventsPerSecond())).toList().get(rs.size() / 2);
                long pauses = rs.stream().mapToLong(Run::gcPauses).sum();
                double longest = rs.stream().mapToDouble(Run::longestGcPauseMillis).max().orElse(0);
                sb.append(String.format(Locale.ROOT, "%-42s %-20s %-20s %-9s %-29s %,d/%,d/%,d; %d, longest %.0f ms%n",
                        c.label(), spread(eps, "%.1f"), spread(p99, "%.1f"), String.format(Locale.ROOT, "%.2f",
                                median(p50)),
                        String.format(Locale.ROOT, "%.2f/%.2f/%.2f/%.2f", mid.generateMillis(), mid.filterMillis(),
                                mid.scoreMillis(), mid.topKMillis()),
                        mid.passedPerTick(), mid.duplicatesPerTick(), mid.aboveThresholdPerTick(), pauses, longest));
            }
            Case h = headline();
            List<Run> hs = runsOf(h);
            long met = hs.stream().filter(Run::meetsTargets).count();
            sb.append(String.format(Locale.ROOT, "%nheadline (%s): %d of %d runs reach >= %.0f M events/s and tick p99 "
                    + "<= %.0f ms%n", h.label(), met, hs.size(), TARGET_EVENTS_PER_SECOND / 1e6,
                    TARGET_TICK_P99_MILLIS));
            for (Run r : hs) {
                sb.append(String.format(Locale.ROOT, "  run %2d: %5.1f M/s, tick p50 %.2f ms, p99 %.2f ms, max %.2f ms,"
                        + " GC %d (longest %.0f ms), load %.2f%s%n", r.index(),
                        r.filterScoreTopKEventsPerSecond() / 1e6,
                        r.tickP50Millis(), r.tickP99Millis(), r.tickMaxMillis(), r.gcPauses(), r.longestGcPauseMillis(),
                        r.loadAverage(), r.meetsTargets() ? "" : "  (misses a target)"));
            }
            return sb.toString().stripTrailing();
        }
    }

    /**
     * Runs every case {@code runs} times, the cases taking turns; before that, one fresh rush-hour run with
     * the most threads, reported apart as the first control room of the JVM (its time includes the JIT
     * compiling the pipeline). {@code progress} hears about each run as it ends.
     */
    public static Report run(Options options, Consumer<Run> progress) {
        return run(defaultDistricts(), options, progress);
    }

    public static Report run(Districts districts, Options options, Consumer<Run> progress) {
        double loadBefore = loadAverage();
        Case first = new Case(true, true, DedupRule.SAME_OBSERVATION, options.cases().stream().mapToInt(Case::threads)
                .max().orElse(1));
        Run cold = runOnce(districts, options, first, 0);
        progress.accept(cold);
        List<Run> runs = new ArrayList<>();
        int n = options.cases().size();
        for (int round = 1; round <= options.runs(); round++) {
            for (int k = 0; k < n; k++) {
                Case c = options.cases().get((round - 1 + k) % n);
                Run r = runOnce(districts, options, c, round);
                runs.add(r);
                progress.accept(r);
            }
        }
        return new Report(options, cold, runs, loadBefore, loadAverage());
    }

    /** One run of one case on a new pipeline. */
    static Run runOnce(Districts districts, Options o, Case c, int index) {
        double load = loadAverage();
        EventPipeline pipeline = new EventPipeline(config(o.eventsPerTick()).withSeed(o.seed() + index)
                .withDedupRule(c.rule()).withThreads(c.threads()), districts);
        ScoringContext ctx = c.context();
        long tick = 0;
        if (!c.fresh()) {
            for (int w = 0; w < o.warmupTicks(); w++) {
                tick++;
                pipeline.tick(tick, tick * 1_000, o.eventsPerTick(), ctx);
            }
            heapAfterGc();
        }
        GcWatch watch = new GcWatch();
        int ticks = o.ticks();
        long[] tickNanos = new long[ticks];
        long generate = 0;
        long filter = 0;
        long score = 0;
        long topK = 0;
        long generated = 0;
        long passed = 0;
        long duplicates = 0;
        long above = 0;
        try {
            for (int t = 0; t < ticks; t++) {
                tick++;
                long start = System.nanoTime();
                PipelineResult r = pipeline.tick(tick, tick * 1_000, o.eventsPerTick(), ctx);
                tickNanos[t] = System.nanoTime() - start;
                generate += r.stats().generateNanos();
                filter += r.stats().filterNanos();
                score += r.stats().scoreNanos();
                topK += r.stats().topKNanos();
                generated += r.stats().generated();
                passed += r.stats().passedFilter();
                duplicates += r.stats().duplicates();
                above += r.stats().aboveThreshold();
            }
        } finally {
            watch.close();
        }
        Arrays.sort(tickNanos);
        double pipelineSeconds = (filter + score + topK) / 1e9;
        return new Run(c, index, generated / pipelineSeconds, percentile(tickNanos, 0.50),
                percentile(tickNanos, 0.99), tickNanos[ticks - 1] / NANOS_PER_MILLI,
                generate / NANOS_PER_MILLI / ticks, filter / NANOS_PER_MILLI / ticks, score / NANOS_PER_MILLI / ticks,
                topK / NANOS_PER_MILLI / ticks, passed / ticks, duplicates / ticks, above / ticks, watch.pauses.get(),
                watch.longestMicros.get() / 1000.0, load);
    }

    /**
     * Figures of {@link #soak}.
     *
     * @param heapStartBytes heap used after a full GC once warmed up
     * @param heapEndBytes heap used after a full GC at the end
     * @param longestGcPauseMillis longest collector pause during the soak (explicit System.gc() excluded)
     */
    public record SoakResult(Duration duration, long ticks, int eventsPerTick, long heapStartBytes,
                             long heapEndBytes, double longestGcPauseMillis, long gcPauses, double tickP50Millis,
                             double tickP99Millis, double tickMaxMillis) {

        public String describe() {
            return String.format(Locale.ROOT, """
                    soak, %,d events/tick for %s: %,d ticks
                      heap after GC: %.1f MB at start, %.1f MB at end
                      GC: %d pauses, longest %.2f ms
                      tick: p50 %.2f ms, p99 %.2f ms, max %.2f ms""",
                    eventsPerTick, duration, ticks, heapStartBytes / 1048576.0, heapEndBytes / 1048576.0, gcPauses,
                    longestGcPauseMillis, tickP50Millis, tickP99Millis, tickMaxMillis);
        }
    }

    /** {@link #soak(Districts, Duration, int)} over the bundled Tokyo pack. */
    public static SoakResult soak(Duration duration, int eventsPerTick) {
        return soak(defaultDistricts(), duration, eventsPerTick);
    }

    /**
     * Runs ticks back to back for {@code duration} after a warm-up (the control room's default settings),
     * and reports heap used after a full GC at start and end and the longest GC pause in between (from the
     * collectors' notifications).
     */
    public static SoakResult soak(Districts districts, Duration duration, int eventsPerTick) {
        EventPipeline pipeline = new EventPipeline(config(eventsPerTick), districts);
        ScoringContext ctx = ScoringContext.neutral();
        long tick = 0;
        for (int w = 0; w < 200; w++) {
            tick++;
            pipeline.tick(tick, tick * 1_000, eventsPerTick, ctx);
        }
        long heapStart = heapAfterGc();
        GcWatch watch = new GcWatch();
        long[] tickNanos = new long[1 << 16];
        long ticks = 0;
        long end = System.nanoTime() + duration.toNanos();
        try {
            while (System.nanoTime() < end) {
                tick++;
                long start = System.nanoTime();
                pipeline.tick(tick, tick * 1_000, eventsPerTick, ctx);
                long took = System.nanoTime() - start;
                if (ticks == tickNanos.length) {
                    tickNanos = Arrays.copyOf(tickNanos, tickNanos.length * 2);
                }
                tickNanos[(int) ticks++] = took;
            }
        } finally {
            watch.close();
        }
        long heapEnd = heapAfterGc();
        long[] sorted = Arrays.copyOf(tickNanos, (int) ticks);
        Arrays.sort(sorted);
        double max = ticks == 0 ? 0 : sorted[sorted.length - 1] / NANOS_PER_MILLI;
        return new SoakResult(duration, ticks, eventsPerTick, heapStart, heapEnd, watch.longestMicros.get() / 1000.0,
                watch.pauses.get(), ticks == 0 ? 0 : percentile(sorted, 0.5), ticks == 0 ? 0 : percentile(sorted, 0.99),
                max);
    }

    private static PipelineConfig config(int eventsPerTick) {
        PipelineConfig defaults = PipelineConfig.defaults();
        return defaults.withMaxEventsPerTick(Math.max(eventsPerTick, defaults.maxEventsPerTick()));
    }

    /** The bundled Tokyo pack's wards, or the 23 ward centres when the pack cannot be read. */
    static Districts defaultDistricts() {
        try {
            return Districts.of(CityPacks.tokyo());
        } catch (RuntimeException e) {
            return TokyoWardCentres.districts();
        }
    }

    private static String spread(double[] sorted, String format) {
        return String.format(Locale.ROOT, format + " / " + format + " / " + format, sorted[0], median(sorted),
                sorted[sorted.length - 1]);
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double percentile(long[] sortedNanos, double p) {
        int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(p * sortedNanos.length) - 1);
        return sortedNanos[Math.max(0, index)] / NANOS_PER_MILLI;
    }

    /** The one-minute load average, or -1 where the system does not tell. */
    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String collectorNames() {
        return String.join(" + ", ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).toList());
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Listens to every collector for pauses, ignoring explicit System.gc() and concurrent cycle reports. */
    private static final class GcWatch implements NotificationListener, AutoCloseable {

        final AtomicLong longestMicros = new AtomicLong();
        final AtomicLong pauses = new AtomicLong();
        private final List<NotificationEmitter> emitters = new ArrayList<>();

        GcWatch() {
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof NotificationEmitter emitter && !gc.getName().contains("Cycles")) {
                    emitter.addNotificationListener(this, null, null);
                    emitters.add(emitter);
                }
            }
        }

        @Override
        public void handleNotification(Notification n, Object handback) {
            if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                return;
            }
            GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                    (CompositeData) n.getUserData());
            if ("System.gc()".equals(info.getGcCause())) {
                return;
            }
            pauses.incrementAndGet();
            // Durations are whole milliseconds; kept in microseconds for headroom.
            longestMicros.accumulateAndGet(info.getGcInfo().getDuration() * 1000, Math::max);
        }

        @Override
        public void close() {
            for (NotificationEmitter e : emitters) {
                try {
                    e.removeNotificationListener(this);
                } catch (ListenerNotFoundException ignored) {
                    // Already gone: nothing to undo.
                }
            }
        }
    }
}
