package dev.switchboard.city.engine.pipeline;

import dev.switchboard.city.model.EventType;
import java.util.Arrays;

/**
 * Stage 1: validates each record against the schema, drops duplicates under the {@link DedupRule} within the
 * window (see {@link DedupTable} for the exact rule; passes are forgotten once their window ended before the
 * previous call's time), classifies the rest by QoS and routes them in priority order (Command, Alert,
 * Response, Telemetry; generation order within a class). Never throws on a bad record: it is counted by
 * reason and the last few are kept for the UI.
 *
 * <p>With two partitions the records are split by a hash of their dedup key, each half with its own table,
 * and the halves run on two cores; a key always falls in the same half and each half keeps the batch order,
 * so the outcome is exactly that of one partition. Not thread-safe.
 */
public final class NetworkFilter {

    /** Validation allows positions this far outside the districts' bounding box, in degrees. */
    private static final double AREA_MARGIN_DEGREES = 0.05;
    private static final int TYPES = EventType.values().length;
    private static final QosClass[] CLASSES = QosClass.values();
    private static final InvalidReason[] REASONS = InvalidReason.values();
    /** Lookups are made a block at a time so that the table's cache misses overlap. */
    private static final int BLOCK = 64;
    /** Splits keys between partitions; independent of the table's own hash, which picks buckets. */
    private static final long PARTITION_MIX = 0xC2B2AE3D27D4EB4FL;

    /** The rule's key is {@code ((source >>> sourceShift) << 4) | type}. */
    private final int sourceShift;
    private final double minLat;
    private final double maxLat;
    private final double minLon;
    private final double maxLon;
    private final byte[] expectedFlags = new byte[TYPES];
    private final byte[] qosOfType = new byte[TYPES];
    private final int sampleSize;
    private final Part[] parts;

    private int[] routed = new int[0];
    private final int[] passedByClass = new int[CLASSES.length];
    private int passed;
    private int duplicates;
    private int malformed;
    private final int[] invalidByReason = new int[REASONS.length];
    /** The last invalid records of the current call, oldest first: index and reason. */
    private final int[] sampleIndex;
    private final byte[] sampleReason;
    private int sampled;
    private long previousNow = Long.MIN_VALUE;

    /** One partition, exact re-sends as duplicates. */
    public NetworkFilter(Districts districts, long windowMillis, int expectedPerWindow, int sampleSize) {
        this(districts, DedupRule.SAME_OBSERVATION, windowMillis, expectedPerWindow, sampleSize, 1, 0);
    }

    /**
     * @param expectedPerWindow records expected to be remembered at once (sizes the duplicate tables)
     * @param sampleSize how many of the last invalid records to remember per call
     * @param partitions 1, or 2 to split the work over two cores
     * @param capacity records per call to allocate room for now rather than on the first call
     */
    public NetworkFilter(Districts districts, DedupRule rule, long windowMillis, int expectedPerWindow, int sampleSize,
                         int partitions, int capacity) {
        if (partitions < 1 || partitions > 2) {
            throw new IllegalArgumentException("partitions must be 1 or 2, was " + partitions);
        }
        sourceShift = rule == DedupRule.SAME_OBSERVATION ? 0 : EventBatch.TRACK_BITS;
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
        parts = new Part[partitions];
        for (int p = 0; p < partitions; p++) {
            parts[p] = new Part(p, new DedupTable(windowMillis, Math.max(1, expectedPerWindow / partitions)));
        }
        ensureCapacity(capacity);
    }

    /**
     * Filters {@code batch} as of sim time {@code nowMillis} (records stamped later are invalid) and returns
     * how many passed; their batch indices are in {@link #routed()}, highest priority first. Passes whose
     * window ended at or before the previous call's time are forgotten first.
     */
    public int filter(EventBatch batch, long nowMillis) {
        int n = batch.size();
        ensureCapacity(n);
        // Never more than the table's reach behind now, so that a long pause cannot overflow its times.
        long horizon = Math.max(previousNow, nowMillis - DedupTable.MAX_AHEAD_MILLIS);
        previousNow = Math.max(previousNow, nowMillis);
        for (Part part : parts) {
            part.prepare(batch, nowMillis, horizon);
        }
        if (parts.length == 2 && n >= SecondCore.MIN_RECORDS) {
            SecondCore.both(parts[0], parts[1]);
        } else {
            for (Part part : parts) {
                part.run();
            }
        }
        merge();
        return passed;
    }

    private void merge() {
        Arrays.fill(passedByClass, 0);
        Arrays.fill(invalidByReason, 0);
        duplicates = 0;
        malformed = 0;
        for (Part part : parts) {
            duplicates += part.duplicates;
            malformed += part.malformed;
            for (int r = 0; r < REASONS.length; r++) {
                invalidByReason[r] += part.invalidByReason[r];
            }
            for (int c = 0; c < CLASSES.length; c++) {
                passedByClass[c] += part.classCount[c];
            }
        }
        int[] at = new int[CLASSES.length];
        for (int c = 1; c < CLASSES.length; c++) {
            at[c] = at[c - 1] + passedByClass[c - 1];
        }
        passed = at[CLASSES.length - 1] + passedByClass[CLASSES.length - 1];
        int[] out = routed;
        if (parts.length == 1) {
            Part a = parts[0];
            for (int k = 0; k < a.passed; k++) {
                out[at[a.passedClass[k]]++] = a.passedIndex[k];
            }
        } else {
            // Both halves are in batch order: merging them restores it.
            Part a = parts[0];
            Part b = parts[1];
            int i = 0;
            int j = 0;
            while (i < a.passed && j < b.passed) {
                if (a.passedIndex[i] < b.passedIndex[j]) {
                    out[at[a.passedClass[i]]++] = a.passedIndex[i++];
                } else {
                    out[at[b.passedClass[j]]++] = b.passedIndex[j++];
                }
            }
            for (; i < a.passed; i++) {
                out[at[a.passedClass[i]]++] = a.passedIndex[i];
            }
            for (; j < b.passed; j++) {
                out[at[b.passedClass[j]]++] = b.passedIndex[j];
            }
        }
        mergeSamples();
    }

    /** The last {@code sampleSize} invalid records over all partitions, in batch order. */
    private void mergeSamples() {
        int total = 0;
        for (Part part : parts) {
            total += part.sampled();
        }
        int[] index = new int[total];
        byte[] reason = new byte[total];
        int[] cursor = new int[parts.length];
        for (int k = 0; k < total; k++) {
            int best = -1;
            for (int p = 0; p < parts.length; p++) {
                if (cursor[p] < parts[p].sampled()
                        && (best < 0 || parts[p].sampledIndex(cursor[p]) < parts[best].sampledIndex(cursor[best]))) {
                    best = p;
                }
            }
            index[k] = parts[best].sampledIndex(cursor[best]);
            reason[k] = parts[best].sampledReason(cursor[best]);
            cursor[best]++;
        }
        sampled = Math.min(total, sampleSize);
        System.arraycopy(index, total - sampled, sampleIndex, 0, sampled);
        System.arraycopy(reason, total - sampled, sampleReason, 0, sampled);
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

    private void ensureCapacity(int n) {
        if (routed.length >= n) {
            return;
        }
        int capacity = Math.max(n, routed.length + (routed.length >> 1));
        routed = new int[capacity];
        for (Part part : parts) {
            part.ensureCapacity(capacity);
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
        return passedByClass[qos.ordinal()];
    }

    /** Where the records of {@code qos} start in {@link #routed()} (they are contiguous). */
    public int routedFrom(QosClass qos) {
        int at = 0;
        for (int c = 0; c < qos.ordinal(); c++) {
            at += passedByClass[c];
        }
        return at;
    }

    /** How many invalid records of the last call are sampled (at most the sample size). */
    public int sampled() {
        return sampled;
    }

    /** Batch index of sampled invalid record {@code k}, oldest first (0 ≤ k < {@link #sampled()}). */
    public int sampledIndex(int k) {
        return sampleIndex[k];
    }

    public InvalidReason sampledReason(int k) {
        return REASONS[sampleReason[k]];
    }

    /** Keys forgotten before their window ended because a duplicate table was at its size limit. */
    public long forgottenEarly() {
        long n = 0;
        for (Part part : parts) {
            n += part.table.forgottenEarly();
        }
        return n;
    }

    /** Bytes the duplicate tables hold off the heap. */
    public long tableBytes() {
        long n = 0;
        for (Part part : parts) {
            n += part.table.bytes();
        }
        return n;
    }

    /** The records whose dedup key hashes to one partition, filtered on one thread. */
    private final class Part implements Runnable {

        final int index;
        final DedupTable table;
        int[] passedIndex = new int[0];
        byte[] passedClass = new byte[0];
        int passed;
        int duplicates;
        int malformed;
        final int[] invalidByReason = new int[REASONS.length];
        final int[] classCount = new int[CLASSES.length];
        /** Ring of the last invalid records: index and reason. */
        private final int[] ringIndex = new int[sampleSize];
        private final byte[] ringReason = new byte[sampleSize];
        private int ringCount;
        /** Two blocks of lookups: one being validated and touched while the other is looked up. */
        private final long[][] blockKey = {new long[BLOCK], new long[BLOCK]};
        private final int[][] blockIndex = {new int[BLOCK], new int[BLOCK]};
        private EventBatch batch;
        private long now;
        private int next;
        /** Keeps the touch loads alive (the JIT would drop loads whose value nobody uses); never read. */
        @SuppressWarnings("unused")
        private long touchSink;

        Part(int index, DedupTable table) {
            this.index = index;
            this.table = table;
        }

        void ensureCapacity(int capacity) {
            passedIndex = new int[capacity];
            passedClass = new byte[capacity];
        }

        void prepare(EventBatch b, long nowMillis, long horizon) {
            batch = b;
            now = nowMillis;
            table.forgetBefore(horizon);
        }

        @Override
        public void run() {
            passed = 0;
            duplicates = 0;
            malformed = 0;
            ringCount = 0;
            Arrays.fill(invalidByReason, 0);
            Arrays.fill(classCount, 0);
            next = 0;
            EventBatch b = batch;
            // While one block's table lines are on their way, the next block is validated.
            int current = 0;
            int count = fill(b, blockKey[current], blockIndex[current]);
            long sink = table.touch(blockKey[current], 0, count);
            while (count > 0) {
                int other = current ^ 1;
                int nextCount = fill(b, blockKey[other], blockIndex[other]);
                sink += table.touch(blockKey[other], 0, nextCount);
                dedup(count, blockKey[current], blockIndex[current], b);
                current = other;
                count = nextCount;
            }
            touchSink = sink;
            batch = null;
        }

        /**
         * Validates records from {@link #next} on until a block of valid ones of this partition is full or the
         * batch ends; returns how many went into the block.
         */
        private int fill(EventBatch b, long[] keys, int[] indices) {
            int n = b.size();
            int shift = sourceShift;
            boolean split = parts.length > 1;
            int fill = 0;
            int i = next;
            for (; i < n && fill < BLOCK; i++) {
                int t = b.type(i);
                long source = b.source(i);
                long key = ((source >>> shift) << 4) | (t & 0xF);
                if (split && (int) ((key * PARTITION_MIX) >>> 63) != index) {
                    continue;
                }
                int reason = validate(t, source, b.lat(i), b.lon(i), b.risk(i), b.confidence(i), b.time(i),
                        b.flags(i), now);
                if (reason >= 0) {
                    reject(i, reason);
                    continue;
                }
                keys[fill] = key;
                indices[fill] = i;
                fill++;
            }
            next = i;
            return fill;
        }

        private void dedup(int count, long[] keys, int[] indices, EventBatch b) {
            int p = passed;
            int dup = 0;
            for (int j = 0; j < count; j++) {
                int i = indices[j];
                if (!table.pass(keys[j], b.time(i))) {
                    dup++;
                    continue;
                }
                byte f = b.flags(i);
                int c = (f & EventBatch.FLAG_COMMAND) != 0 ? 0
                        : (f & EventBatch.FLAG_RESPONSE) != 0 ? QosClass.RESPONSE.ordinal() : qosOfType[b.type(i)];
                passedIndex[p] = i;
                passedClass[p] = (byte) c;
                p++;
                classCount[c]++;
            }
            passed = p;
            duplicates += dup;
        }

        private void reject(int i, int reason) {
            malformed++;
            invalidByReason[reason]++;
            int slot = ringCount++ % sampleSize;
            ringIndex[slot] = i;
            ringReason[slot] = (byte) reason;
        }

        int sampled() {
            return Math.min(ringCount, sampleSize);
        }

        /** Sampled record {@code k}, oldest first. */
        int sampledIndex(int k) {
            return ringIndex[slot(k)];
        }

        byte sampledReason(int k) {
            return ringReason[slot(k)];
        }

        private int slot(int k) {
            int start = ringCount <= sampleSize ? 0 : ringCount % sampleSize;
            return (start + k) % sampleSize;
        }
    }
}
