package dev.switchboard.city.engine.pipeline;

import dev.switchboard.city.model.CriticalEvent;
import dev.switchboard.city.model.EventType;
import dev.switchboard.city.model.PipelineStats;
import dev.switchboard.core.geo.LatLon;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The control room's sensor pipeline: generate → network filter → semantic scoring → top K, once per
 * simulation tick, over one reused {@link EventBatch}. Only the K kept events become objects. Records of a
 * type that cannot reach the threshold in the tick's context (by default traffic flow, which tops out at
 * 0.64) are filtered and counted but not scored.
 *
 * <p>{@link #tick} runs on the simulation thread (not thread-safe); {@link #inject} may be called from any
 * thread and takes effect at the next tick.
 */
public final class EventPipeline {

    /** At most this many positions go into a tick's heat sample. */
    public static final int HEAT_SAMPLE = 10_000;
    /** How many rejected records are kept as text for the UI. */
    public static final int INVALID_SAMPLES = 20;

    private final PipelineConfig config;
    private final Districts districts;
    private final SensorFeed feed;
    private final NetworkFilter filter;
    private final SemanticScorer scorer;
    private final TopK topK;
    private final EventBatch batch;
    private float[] scores;
    private final int[] keptIndex;
    private final float[] keptScore;
    private final ArrayDeque<String> invalidSamples = new ArrayDeque<>();
    private long eventSequence;
    private long lastTick = Long.MIN_VALUE;
    private long lastSimMillis = Long.MIN_VALUE;

    public EventPipeline(PipelineConfig config, Districts districts) {
        this.config = Objects.requireNonNull(config, "config");
        this.districts = Objects.requireNonNull(districts, "districts");
        feed = new SensorFeed(config, districts);
        // Every long-lived array is allocated here, at its full size, and never again: a freshly started
        // control room then has nothing to grow in its first ticks, and the duplicate tables (the bulk of
        // it) live off the heap, so no young collection has to copy them.
        int capacity = config.maxEventsPerTick() + 64;
        filter = new NetworkFilter(districts, config.dedupRule(), config.dedupWindowMillis(), expectedKeys(config),
                INVALID_SAMPLES, config.threads(), capacity);
        scorer = new SemanticScorer(config.scoring(), districts);
        topK = new TopK(config.topK());
        batch = new EventBatch(capacity);
        scores = new float[capacity];
        keptIndex = new int[config.topK()];
        keptScore = new float[config.topK()];
    }

    /**
     * Keys the duplicate tables remember at once: a window's worth of records plus one tick (at one tick per
     * sim second), or under {@link DedupRule#SAME_SOURCE_AND_TYPE} at most a few types per sensor.
     */
    private static int expectedKeys(PipelineConfig config) {
        long perWindow = (long) config.maxEventsPerTick() * (config.dedupWindowMillis() / 1_000 + 1);
        if (config.dedupRule() == DedupRule.SAME_SOURCE_AND_TYPE) {
            PipelineConfig.Streams s = config.streams();
            perWindow = Math.min(perWindow, 4L * (s.vehicles() + s.cameras() + s.stations()));
        }
        return (int) Math.max(1, Math.min(1 << 22, perWindow));
    }

    /** Queues a scripted event for the next tick; see {@link SensorFeed#inject}. */
    public void inject(EventType type, LatLon position, double risk, double confidence, long sourceId) {
        feed.inject(type, position, risk, confidence, sourceId);
    }

    /**
     * Runs one tick: generates {@code eventsThisTick} sensor records (plus the queued injections) stamped
     * since the previous tick, filters, scores in {@code ctx} and keeps the top K.
     *
     * @param tick the tick number (for the record; ticks must not go back)
     * @param simTimeMillis the tick's sim time; records stamped later than this are invalid
     * @throws IllegalArgumentException when {@code eventsThisTick} is negative or above the configured
     *         maximum, or the tick or sim time goes backwards
     */
    public PipelineResult tick(long tick, long simTimeMillis, int eventsThisTick, ScoringContext ctx) {
        Objects.requireNonNull(ctx, "ctx");
        if (eventsThisTick < 0 || eventsThisTick > config.maxEventsPerTick()) {
            throw new IllegalArgumentException("events per tick must be within 0.." + config.maxEventsPerTick()
                    + ", was " + eventsThisTick);
        }
        if (tick < lastTick || simTimeMillis < lastSimMillis || simTimeMillis < 0) {
            throw new IllegalArgumentException("tick and sim time must not go back: tick " + tick + " at "
                    + simTimeMillis + " ms after tick " + lastTick + " at " + lastSimMillis + " ms");
        }
        lastTick = tick;
        lastSimMillis = simTimeMillis;

        long t0 = System.nanoTime();
        feed.fill(batch, simTimeMillis, eventsThisTick);
        long t1 = System.nanoTime();
        int passed = filter.filter(batch, simTimeMillis);
        long t2 = System.nanoTime();
        if (scores.length < passed) {
            scores = new float[Math.max(passed, scores.length + (scores.length >> 1))];
        }
        int[] routed = filter.routed();
        scorer.prepare(ctx, simTimeMillis);
        float threshold = (float) config.threshold();
        scorer.skipBelow(threshold);
        float[] s = scores;
        if (config.threads() > 1 && passed >= SecondCore.MIN_RECORDS) {
            int half = passed >>> 1;
            SecondCore.both(() -> scorer.scorePrepared(batch, routed, 0, half, simTimeMillis, s),
                    () -> scorer.scorePrepared(batch, routed, half, passed, simTimeMillis, s));
        } else {
            scorer.scorePrepared(batch, routed, 0, passed, simTimeMillis, s);
        }
        long t3 = System.nanoTime();
        int above = selectTopK(routed, passed, threshold);
        int kept = topK.drainBestFirst(keptIndex, keptScore);
        List<CriticalEvent> critical = new ArrayList<>(kept);
        for (int k = 0; k < kept; k++) {
            critical.add(critical(keptIndex[k], keptScore[k]));
        }
        long t4 = System.nanoTime();

        float[] heat = heat(routed, passed);
        collectInvalidSamples(tick);
        int generated = batch.size();
        eventSequence += generated;
        PipelineStats stats = new PipelineStats(generated, filter.malformed(), filter.duplicates(), passed, above,
                kept, t1 - t0, t2 - t1, t3 - t2, t4 - t3);
        Map<InvalidReason, Long> invalid = new EnumMap<>(InvalidReason.class);
        for (InvalidReason r : InvalidReason.values()) {
            invalid.put(r, (long) filter.invalid(r));
        }
        Map<QosClass, Long> qos = new EnumMap<>(QosClass.class);
        for (QosClass q : QosClass.values()) {
            qos.put(q, (long) filter.passed(q));
        }
        return new PipelineResult(critical, stats, heat, List.copyOf(invalidSamples), invalid, qos);
    }

    private int selectTopK(int[] routed, int passed, float threshold) {
        float[] s = scores;
        TopK heap = topK;
        heap.clear();
        int above = 0;
        for (int k = 0; k < passed; k++) {
            float score = s[k];
            if (score >= threshold) {
                above++;
                heap.offer(score, routed[k]);
            }
        }
        return above;
    }

    private CriticalEvent critical(int i, float score) {
        EventType type = EventBatch.typeOf(batch.type(i));
        int ward = batch.ward(i);
        String wardId = ward >= 0 ? districts.id(ward) : "unknown";
        LatLon at = new LatLon(batch.lat(i), batch.lon(i));
        return new CriticalEvent(eventSequence + i, type, EventBatch.sensorOf(batch.source(i)), at, wardId, score,
                batch.risk(i), batch.confidence(i), batch.time(i), reason(type, i, ward));
    }

    /** One line on why it scored: type and field, risk, confidence, and any context that lifted it. */
    private String reason(EventType type, int i, int ward) {
        StringBuilder sb = new StringBuilder(96);
        sb.append(type.name().toLowerCase(Locale.ROOT).replace('_', ' ')).append(" (F").append(type.fieldId())
                .append(')');
        sb.append(" · risk ");
        twoDecimals(sb, batch.risk(i));
        sb.append(" · confidence ");
        twoDecimals(sb, batch.confidence(i));
        float district = scorer.districtMultiplier(ward);
        if (district != 1f) {
            sb.append(" · district ×");
            twoDecimals(sb, district);
        }
        float hour = scorer.hourMultiplier(type);
        if (hour != 1f) {
            int h = scorer.preparedHour();
            sb.append(" · ").append(h < 10 ? "0" : "").append(h).append(":00 ×");
            twoDecimals(sb, hour);
        }
        if (scorer.incidentBoost(ward) > 0f) {
            sb.append(" · near active incident");
        }
        return sb.toString();
    }

    /** Appends a non-negative value with two decimals, without the cost of String.format. */
    static void twoDecimals(StringBuilder sb, float value) {
        long hundredths = Math.round(value * 100.0);
        sb.append(hundredths / 100).append('.');
        long rest = hundredths % 100;
        sb.append(rest < 10 ? "0" : "").append(rest);
    }

    private float[] heat(int[] routed, int passed) {
        int m = Math.min(passed, HEAT_SAMPLE);
        float[] heat = new float[m * 2];
        double step = m == 0 ? 0 : (double) passed / m;
        for (int j = 0; j < m; j++) {
            int i = routed[(int) (j * step)];
            heat[2 * j] = batch.lat(i);
            heat[2 * j + 1] = batch.lon(i);
        }
        return heat;
    }

    private void collectInvalidSamples(long tick) {
        int n = filter.sampled();
        for (int k = 0; k < n; k++) {
            invalidSamples.addLast(describe(tick, filter.sampledIndex(k), filter.sampledReason(k)));
            if (invalidSamples.size() > INVALID_SAMPLES) {
                invalidSamples.removeFirst();
            }
        }
    }

    private String describe(long tick, int i, InvalidReason reason) {
        long source = batch.source(i);
        EventType type = EventBatch.typeOf(batch.type(i));
        StringBuilder sb = new StringBuilder(160);
        sb.append("tick ").append(tick).append(" · ").append(reason.description()).append(" · ");
        if (type == null) {
            sb.append("type code ").append(batch.type(i));
        } else {
            sb.append(type.name());
        }
        sb.append(" from sensor ").append(source >> EventBatch.TRACK_BITS).append('#')
                .append(EventBatch.trackOf(source)).append(" · lat ").append(batch.lat(i)).append(" lon ")
                .append(batch.lon(i)).append(" risk ").append(batch.risk(i)).append(" conf ")
                .append(batch.confidence(i)).append(" t=").append(batch.time(i));
        return sb.toString();
    }

    /** Keys forgotten before their window ended because a duplicate table was full (0 when sized right). */
    public long dedupForgottenEarly() {
        return filter.forgottenEarly();
    }

    /** Bytes the duplicate tables hold off the heap. */
    public long dedupTableBytes() {
        return filter.tableBytes();
    }

    public PipelineConfig config() {
        return config;
    }

    public Districts districts() {
        return districts;
    }

    /** The sensor streams (positions of vehicles, cameras and stations, e.g. for the map). */
    public SensorFeed feed() {
        return feed;
    }
}
