package dev.switchboard.city.engine.pipeline;

import java.util.Arrays;

/**
 * Remembers when each key (source × type) last passed, in a primitive open-addressing table with linear
 * probing: keys in one {@code long[]} (a lookup reads only that), pass times in a parallel {@code long[]}
 * (read on a hit, written on a pass). No boxing, no per-key objects.
 *
 * <p>Window rule: a record at time {@code t} is a duplicate when its key last passed at {@code p} and
 * {@code t < p + window} — so with a 5,000 ms window, 4,999 ms later is a duplicate and 5,000 ms later is
 * not (the window is half-open, {@code [p, p + window)}). A record older than the one that passed (a late
 * arrival) is a duplicate too. Duplicates do not move the window; only passing records do.
 *
 * <p>Keys are forgotten once {@code p + window <= newest pass time}: when the table is three-quarters
 * full it sweeps them out (rebuilding each cluster in place, no tombstones), and doubles only if live keys
 * still fill more than half. Memory is bounded by {@code maxCapacity}: if live keys would need more, the
 * oldest are forgotten early ({@link #forgottenEarly()} counts them), which shortens the window rather
 * than the heap. Not thread-safe.
 */
public final class DedupTable {

    private static final int MIN_CAPACITY = 1 << 10;
    private static final int MAX_CAPACITY = 1 << 26;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final long windowMillis;
    private final int maxCapacity;
    /** key + 1 per slot; 0 marks an empty slot. */
    private long[] keys;
    /** time the key in the same slot last passed. */
    private long[] times;
    private int mask;
    private int shift;
    private int size;
    private int sweepAt;
    private long latestMillis = Long.MIN_VALUE;
    private long forgottenEarly;
    private long[] scratchKeys = new long[64];
    private long[] scratchTimes = new long[64];

    /**
     * @param expectedKeys keys expected to be live at once (sizes the table; it grows when needed)
     * @param maxCapacity the most slots the table may use (16 bytes each); a power of two is used
     */
    public DedupTable(long windowMillis, int expectedKeys, int maxCapacity) {
        if (windowMillis < 0) {
            throw new IllegalArgumentException("window must not be negative");
        }
        this.windowMillis = windowMillis;
        this.maxCapacity = Math.max(MIN_CAPACITY, Integer.highestOneBit(Math.min(MAX_CAPACITY,
                Math.max(MIN_CAPACITY, maxCapacity))));
        int capacity = MIN_CAPACITY;
        while (capacity < expectedKeys * 2L && capacity < this.maxCapacity) {
            capacity <<= 1;
        }
        allocate(capacity);
    }

    /** A table that may grow to 2^23 slots (128 MB). */
    public DedupTable(long windowMillis, int expectedKeys) {
        this(windowMillis, expectedKeys, 1 << 23);
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        times = new long[capacity];
        mask = capacity - 1;
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
        sweepAt = capacity - (capacity >>> 2);
        size = 0;
    }

    /** Key of a source and a type code (0..15); both must be non-negative and source below 2^59. */
    public static long key(long source, int typeCode) {
        return (source << 4) | typeCode;
    }

    private int home(long key) {
        return (int) ((key * GOLDEN) >>> shift);
    }

    /**
     * Records that {@code key} arrived at {@code timeMillis}: true when it passes (first time, or the
     * window since it last passed has gone by) and is remembered, false when it is a duplicate.
     */
    public boolean pass(long key, long timeMillis) {
        long stored = key + 1;
        long[] k = keys;
        int m = mask;
        int i = home(key);
        while (true) {
            long at = k[i];
            if (at == stored) {
                if (timeMillis < times[i] + windowMillis) {
                    return false;
                }
                times[i] = timeMillis;
                note(timeMillis);
                return true;
            }
            if (at == 0) {
                k[i] = stored;
                times[i] = timeMillis;
                note(timeMillis);
                if (++size > sweepAt) {
                    maintain();
                }
                return true;
            }
            i = (i + 1) & m;
        }
    }

    private void note(long timeMillis) {
        if (timeMillis > latestMillis) {
            latestMillis = timeMillis;
        }
    }

    /** Sweeps out expired keys; grows if live keys still fill half; at the size limit forgets the oldest. */
    private void maintain() {
        sweep(latestMillis - windowMillis);
        int capacity = mask + 1;
        if (size <= capacity >>> 1) {
            return;
        }
        if (capacity < maxCapacity) {
            grow();
            return;
        }
        // At the limit: forget keys younger than the window, oldest first, until half the table is free.
        long span = Math.max(1, windowMillis);
        for (int step = 1; step <= 16 && size > capacity >>> 1; step++) {
            int before = size;
            sweep(latestMillis - windowMillis + span * step / 16 + 1);
            forgottenEarly += before - size;
        }
        if (size > capacity >>> 1) {
            forgottenEarly += size;
            clear();
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldTimes = times;
        allocate((mask + 1) << 1);
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != 0) {
                insertFresh(oldKeys[j], oldTimes[j]);
            }
        }
    }

    /** Puts a key known to be absent at the first free slot from its home. */
    private void insertFresh(long stored, long time) {
        int i = home(stored - 1);
        while (keys[i] != 0) {
            i = (i + 1) & mask;
        }
        keys[i] = stored;
        times[i] = time;
        size++;
    }

    /**
     * Forgets every key whose window has gone by at {@code nowMillis} ({@code passed + window <= now}).
     * The table does this itself as it fills; call it to free memory after a long pause.
     */
    public void expire(long nowMillis) {
        sweep(nowMillis - windowMillis);
    }

    /**
     * Removes every key that last passed at or before {@code cutoff}. Works cluster by cluster (a run of
     * occupied slots between empty ones): the cluster's surviving keys are set aside, the cluster is
     * emptied, and they are put back from their home slots — which keeps every probe chain intact and
     * costs a few sequential slot visits per slot.
     */
    private void sweep(long cutoff) {
        long[] k = keys;
        long[] t = times;
        int capacity = mask + 1;
        int start = 0;
        while (k[start] != 0) {
            start++;
        }
        int visited = 0;
        int i = (start + 1) & mask;
        while (visited < capacity - 1) {
            if (k[i] == 0) {
                i = (i + 1) & mask;
                visited++;
                continue;
            }
            // One cluster: keep everything before its first expired key where it is; set aside the
            // survivors after it, empty that tail, and put them back from their home slots.
            int length = 0;
            int tail = -1;
            int tailLength = 0;
            int live = 0;
            while (k[i] != 0) {
                if (tail < 0 && t[i] <= cutoff) {
                    tail = i;
                }
                if (tail >= 0) {
                    tailLength++;
                    if (t[i] > cutoff) {
                        if (live == scratchKeys.length) {
                            scratchKeys = Arrays.copyOf(scratchKeys, live * 2);
                            scratchTimes = Arrays.copyOf(scratchTimes, live * 2);
                        }
                        scratchKeys[live] = k[i];
                        scratchTimes[live] = t[i];
                        live++;
                    }
                }
                i = (i + 1) & mask;
                length++;
            }
            visited += length;
            if (tail >= 0) {
                for (int j = 0, s = tail; j < tailLength; j++, s = (s + 1) & mask) {
                    k[s] = 0;
                }
                size -= tailLength;
                for (int j = 0; j < live; j++) {
                    insertFresh(scratchKeys[j], scratchTimes[j]);
                }
            }
        }
    }

    /**
     * Reads the home slots of {@code keyBlock[from..to)} without changing anything, so that the cache
     * misses of a block of lookups overlap instead of queueing behind each other's branches (Java has no
     * prefetch instruction; independent loads are the next best thing; this halves the cost of
     * {@link #pass} on a table larger than the caches). Returns a value only so the loads are kept.
     */
    public long touch(long[] keyBlock, int from, int to) {
        long[] k = keys;
        long sink = 0;
        for (int j = from; j < to; j++) {
            sink += k[home(keyBlock[j])];
        }
        return sink;
    }

    /** Keys remembered now (live or not yet swept). */
    public int size() {
        return size;
    }

    /** Slots in the table. */
    public int capacity() {
        return mask + 1;
    }

    /** Keys dropped before their window ended because the table was at its size limit. */
    public long forgottenEarly() {
        return forgottenEarly;
    }

    /** Forgets everything. */
    public void clear() {
        Arrays.fill(keys, 0);
        size = 0;
        latestMillis = Long.MIN_VALUE;
    }
}
