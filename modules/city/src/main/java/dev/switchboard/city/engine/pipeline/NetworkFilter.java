package dev.switchboard.city.engine.pipeline;

import dev.switchboard.city.model.EventType;
import java.util.Arrays;

/**
 * Stage 1: validates each record against the schema, drops duplicates of the same source and type within
 * the window (see {@link DedupTable} for the exact rule), classifies the rest by QoS and routes them in
 * priority order (Command, Alert, Response, Telemetry; generation order within a class). Never throws on
 * a bad record: it is counted by reason and the last few are kept for the UI. Not thread-safe.
 */
public final class NetworkFilter {

    /** Validation allows positions this far outside the districts' bounding box, in degrees. */
    private static final double AREA_MARGIN_DEGREES = 0.05;
    private static final int TYPES = EventType.values().length;
    private static final QosClass[] CLASSES = QosClass.values();
    private static final InvalidReason[] REASONS = InvalidReason.values();
    private static final int DEDUP_BLOCK = 64;

    private final DedupTable dedup;
    private final double minLat;
    private final double maxLat;
    private final double minLon;
    private final double maxLon;
    private final byte[] expectedFlags = new byte[TYPES];
    private final byte[] qosOfType = new byte[TYPES];
    private final int sampleSize;

    private int[][] buckets = new int[CLASSES.length][0];
    private final int[] bucketSize = new int[CLASSES.length];
    private int[] routed = new int[0];
    private int[] validIndex = new int[0];
    private long[] validKey = new long[0];
    /** Keeps the touch loads alive; never read. */
    @SuppressWarnings("unused")
    private long touchSink;
    private int passed;
    private int duplicates;
    private int malformed;
    private final int[] invalidByReason = new int[REASONS.length];
    /** Ring of the last invalid records of the current tick: index and reason. */
    private final int[] sampleIndex;
    private final byte[] sampleReason;
    private int sampleCount;

    /**
     * @param sampleSize how many of the last invalid records to remember per tick
     */
    public NetworkFilter(Districts districts, long windowMillis, int expectedPerWindow, int sampleSize) {
        dedup = new DedupTable(windowMillis, expectedPerWindow);
        minLat = districts.minLat() - AREA_MARGIN_DEGREES;
        maxLat = districts.maxLat() + AREA_MARGIN_DEGREES;
        minLon = districts.minLon() - AREA_MARGIN_DEGREES;
        maxLon = districts.maxLon() + AREA_MARGIN_DEGREES;
        for (EventType t : EventType.values()) {
            expectedFlags[t.ordinal()] = EventBatch.fieldFlag(t);
            qosOfType[t.ordinal()] = (byte) QosClass.of(t).ordinal();
        }
        this.sampleSize = Math.max(1, sampleSize);
        sampleIndex = new int[this.sampleSize];
        sampleReason = new byte[this.sampleSize];
    }

    /**
     * Filters {@code batch} as of sim time {@code nowMillis} (records stamped later are invalid) and returns
     * how many passed; their batch indices are in {@link #routed()}, highest priority first.
     */
    public int filter(EventBatch batch, long nowMillis) {
        int n = batch.size();
        ensureCapacity(n);
        Arrays.fill(bucketSize, 0);
        Arrays.fill(invalidByReason, 0);
        duplicates = 0;
        malformed = 0;
        sampleCount = 0;
        int[] types = batch.type;
        long[] sources = batch.source;
        float[] lats = batch.lat;
        float[] lons = batch.lon;
        float[] risks = batch.risk;
        float[] confidences = batch.confidence;
        long[] times = batch.simTimeMillis;
        byte[] flags = batch.flags;
        // Pass 1: schema. Valid records go on with their dedup key.
        int valid = 0;
        int[] validIndex = this.validIndex;
        long[] validKey = this.validKey;
        for (int i = 0; i < n; i++) {
            int t = types[i];
            int reason = validate(t, sources[i], lats[i], lons[i], risks[i], confidences[i], times[i], flags[i],
                    nowMillis);
            if (reason >= 0) {
                reject(i, reason);
            } else {
                validIndex[valid] = i;
                validKey[valid] = DedupTable.key(sources[i], t);
                valid++;
            }
        }
        // Pass 2: duplicates, a block at a time so the table's cache misses overlap; then QoS buckets.
        long sink = 0;
        for (int from = 0; from < valid; from += DEDUP_BLOCK) {
            int to = Math.min(valid, from + DEDUP_BLOCK);
            sink += dedup.touch(validKey, from, to);
            for (int v = from; v < to; v++) {
                int i = validIndex[v];
                if (!dedup.pass(validKey[v], times[i])) {
                    duplicates++;
                    continue;
                }
                byte f = flags[i];
                int c = (f & EventBatch.FLAG_COMMAND) != 0 ? 0
                        : (f & EventBatch.FLAG_RESPONSE) != 0 ? QosClass.RESPONSE.ordinal() : qosOfType[types[i]];
                buckets[c][bucketSize[c]++] = i;
            }
        }
        touchSink = sink;
        int at = 0;
        for (int c = 0; c < CLASSES.length; c++) {
            System.arraycopy(buckets[c], 0, routed, at, bucketSize[c]);
            at += bucketSize[c];
        }
        passed = at;
        return passed;
    }

    /** The first schema check a record fails (an {@link InvalidReason} ordinal), or -1 when it is valid. */
    private int validate(int t, long source, float lat, float lon, float risk, float confidence, long time,
                         byte flags, long now) {
        if (t < 0 || t >= TYPES) {
            return InvalidReason.UNKNOWN_TYPE.ordinal();
        }
        if (source < 0 || source > EventBatch.MAX_SOURCE) {
            return InvalidReason.BAD_SOURCE.ordinal();
        }
        // Comparisons are written so that NaN fails them.
        if (!(lat >= -90f && lat <= 90f)) {
            return InvalidReason.BAD_LATITUDE.ordinal();
        }
        if (!(lon >= -180f && lon <= 180f)) {
            return InvalidReason.BAD_LONGITUDE.ordinal();
        }
        if (!(lat >= minLat && lat <= maxLat && lon >= minLon && lon <= maxLon)) {
            return InvalidReason.OUTSIDE_CITY.ordinal();
        }
        if (!(risk >= 0f && risk <= 1f)) {
            return InvalidReason.BAD_RISK.ordinal();
        }
        if (!(confidence >= 0f && confidence <= 1f)) {
            return InvalidReason.BAD_CONFIDENCE.ordinal();
        }
        if (time < 0 || time > now) {
            return InvalidReason.BAD_TIME.ordinal();
        }
        if ((flags & EventBatch.FIELD_FLAGS) != expectedFlags[t]) {
            return InvalidReason.FLAG_MISMATCH.ordinal();
        }
        return -1;
    }

    private void reject(int i, int reason) {
        malformed++;
        invalidByReason[reason]++;
        int slot = sampleCount++ % sampleSize;
        sampleIndex[slot] = i;
        sampleReason[slot] = (byte) reason;
    }

    private void ensureCapacity(int n) {
        if (routed.length >= n) {
            return;
        }
        int capacity = Math.max(n, routed.length + (routed.length >> 1));
        routed = new int[capacity];
        validIndex = new int[capacity];
        validKey = new long[capacity];
        for (int c = 0; c < CLASSES.length; c++) {
            buckets[c] = new int[capacity];
        }
    }

    /** Batch indices of the records that passed the last {@link #filter}, highest priority first. */
    public int[] routed() {
        return routed;
    }

    public int passed() {
        return passed;
    }

    public int duplicates() {
        return duplicates;
    }

    public int malformed() {
        return malformed;
    }

    public int invalid(InvalidReason reason) {
        return invalidByReason[reason.ordinal()];
    }

    public int passed(QosClass qos) {
        return bucketSize[qos.ordinal()];
    }

    /** Where the records of {@code qos} start in {@link #routed()} (they are contiguous). */
    public int routedFrom(QosClass qos) {
        int at = 0;
        for (int c = 0; c < qos.ordinal(); c++) {
            at += bucketSize[c];
        }
        return at;
    }

    /** How many invalid records of the last tick are sampled (at most the sample size). */
    public int sampled() {
        return Math.min(sampleCount, sampleSize);
    }

    /** Batch index of sampled invalid record {@code k}, oldest first (0 ≤ k < {@link #sampled()}). */
    public int sampledIndex(int k) {
        return sampleIndex[sampleSlot(k)];
    }

    public InvalidReason sampledReason(int k) {
        return REASONS[sampleReason[sampleSlot(k)]];
    }

    private int sampleSlot(int k) {
        int start = sampleCount <= sampleSize ? 0 : sampleCount % sampleSize;
        return (start + k) % sampleSize;
    }

    /** The duplicate table (for its size and the keys it had to forget early). */
    public DedupTable dedup() {
        return dedup;
    }
}
