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
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Measures the pipeline on the calling thread without JMH, for {@code switchboard city bench} and the
 * README: throughput of filter + score + top K, latency of a whole tick (generation included), and a soak
 * that watches the heap and GC pauses. Ticks are one simulated second apart. Figures depend on the machine;
 * run with nothing else busy.
 */
public final class PipelineBenchmark {

    private static final int WARMUP_TICKS = 200;
    private static final double NANOS_PER_MILLI = 1e6;

    private PipelineBenchmark() {
    }

    /**
     * Figures of {@link #run}.
     *
     * @param filterScoreTopKEventsPerSecond generated records divided by the time spent filtering, scoring
     *                                       and selecting the top K (building the K events included)
     * @param gcPauses collector pauses during the measured ticks (their time is in the tick latencies)
     * @param longestGcPauseMillis the longest of them
     */
    public record Result(int eventsPerTick, int ticks, long seed, double filterScoreTopKEventsPerSecond,
                         double tickP50Millis, double tickP99Millis, double tickMaxMillis, double generateMillis,
                         double filterMillis, double scoreMillis, double topKMillis, long passedPerTick,
                         long aboveThresholdPerTick, long gcPauses, double longestGcPauseMillis) {

        /** A few lines for the CLI. */
        public String describe() {
            return String.format(Locale.ROOT, """
                    pipeline, %,d events/tick, %,d ticks (after %d warm-up), seed %d, one thread
                      filter + score + top-K: %,.0f events/s
                      full tick incl. generation: p50 %.2f ms, p99 %.2f ms, max %.2f ms
                      mean per stage: generate %.2f ms, filter %.2f ms, score %.2f ms, top-K %.2f ms
                      per tick: %,d passed the filter, %,d at or above the threshold
                      GC during the measured ticks: %d pauses, longest %.2f ms (heap settled after warm-up)""",
                    eventsPerTick, ticks, WARMUP_TICKS, seed, filterScoreTopKEventsPerSecond, tickP50Millis,
                    tickP99Millis, tickMaxMillis, generateMillis, filterMillis, scoreMillis, topKMillis,
                    passedPerTick, aboveThresholdPerTick, gcPauses, longestGcPauseMillis);
        }
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

    /** {@link #run(Districts, int, int, long)} over the bundled Tokyo pack. */
    public static Result run(int eventsPerTick, int ticks, long seed) {
        return run(defaultDistricts(), eventsPerTick, ticks, seed);
    }

    /**
     * Warms up for 200 ticks, then measures {@code ticks} ticks of {@code eventsPerTick} generated records.
     * Between the two it settles the heap with a full collection, so that the pipeline's long-lived arrays
     * (about 30 MB at 100,000 events per tick) are in the old generation, as they are in a control room
     * that has run for a few seconds; otherwise the one-off young collections that copy them (40-50 ms each
     * with the serial collector) land in the first measured ticks. Collector pauses during the measured
     * ticks are counted and reported; their time stays in the tick latencies.
     */
    public static Result run(Districts districts, int eventsPerTick, int ticks, long seed) {
        if (ticks < 1 || eventsPerTick < 1) {
            throw new IllegalArgumentException("ticks and events per tick must be positive");
        }
        EventPipeline pipeline = new EventPipeline(config(eventsPerTick).withSeed(seed), districts);
        ScoringContext ctx = ScoringContext.neutral();
        long tick = 0;
        for (int w = 0; w < WARMUP_TICKS; w++) {
            tick++;
            pipeline.tick(tick, tick * 1_000, eventsPerTick, ctx);
        }
        heapAfterGc();
        GcWatch watch = new GcWatch();
        long[] tickNanos = new long[ticks];
        long generate = 0;
        long filter = 0;
        long score = 0;
        long topK = 0;
        long generated = 0;
        long passed = 0;
        long above = 0;
        try {
            for (int t = 0; t < ticks; t++) {
                tick++;
                long start = System.nanoTime();
                PipelineResult r = pipeline.tick(tick, tick * 1_000, eventsPerTick, ctx);
                tickNanos[t] = System.nanoTime() - start;
                generate += r.stats().generateNanos();
                filter += r.stats().filterNanos();
                score += r.stats().scoreNanos();
                topK += r.stats().topKNanos();
                generated += r.stats().generated();
                passed += r.stats().passedFilter();
                above += r.stats().aboveThreshold();
            }
        } finally {
            watch.close();
        }
        Arrays.sort(tickNanos);
        double pipelineSeconds = (filter + score + topK) / 1e9;
        return new Result(eventsPerTick, ticks, seed, generated / pipelineSeconds, percentile(tickNanos, 0.50),
                percentile(tickNanos, 0.99), tickNanos[ticks - 1] / NANOS_PER_MILLI,
                generate / NANOS_PER_MILLI / ticks, filter / NANOS_PER_MILLI / ticks,
                score / NANOS_PER_MILLI / ticks, topK / NANOS_PER_MILLI / ticks, passed / ticks, above / ticks,
                watch.pauses.get(), watch.longestMicros.get() / 1000.0);
    }

    /** {@link #soak(Districts, Duration, int)} over the bundled Tokyo pack. */
    public static SoakResult soak(Duration duration, int eventsPerTick) {
        return soak(defaultDistricts(), duration, eventsPerTick);
    }

    /**
     * Runs ticks back to back for {@code duration} after a warm-up, and reports heap used after a full GC
     * at start and end and the longest GC pause in between (from the collectors' notifications).
     */
    public static SoakResult soak(Districts districts, Duration duration, int eventsPerTick) {
        EventPipeline pipeline = new EventPipeline(config(eventsPerTick), districts);
        ScoringContext ctx = ScoringContext.neutral();
        long tick = 0;
        for (int w = 0; w < WARMUP_TICKS; w++) {
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

    private static double percentile(long[] sortedNanos, double p) {
        int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(p * sortedNanos.length) - 1);
        return sortedNanos[Math.max(0, index)] / NANOS_PER_MILLI;
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
