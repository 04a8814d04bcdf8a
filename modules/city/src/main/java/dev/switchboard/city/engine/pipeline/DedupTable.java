package dev.switchboard.city.engine.pipeline;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Remembers when each key last passed, in a primitive open-addressing table of buckets, with no boxing, no
 * per-key objects and no sweeps.
 *
 * <p>Window rule: a record with key {@code k} at time {@code t} is a duplicate when {@code k} passed at
 * {@code p}, that pass is still remembered, and {@code t < p + window}. So with a 5,000 ms window 4,999 ms
 * later is a duplicate and 5,000 ms later is not (the window is half-open, {@code [p, p + window)}), and a
 * record older than the pass (a late arrival) is a duplicate too. Only passing records move a key's window.
 * A pass is remembered until its window ends at or before the <em>horizon</em>, which the caller moves
 * forward with {@link #forgetBefore} (the filter moves it to the start of each tick); so the answer depends
 * on the records and the horizon alone, never on where the table keeps a key — except at the table's size
 * limit, where the oldest key of a full bucket is forgotten early ({@link #forgottenEarly()}) rather than
 * growing the memory.
 *
 * <p>Layout, chosen so that the lookup of a new key (almost every record) costs one cache miss: each bucket
 * is one 64-byte line holding 5 slots (each a full 8-byte key and its 4-byte pass time relative to a base)
 * and a spill marker. A new key goes to the first slot of its home bucket that is empty or forgotten; a full
 * bucket spills into the next one and records the newest pass time that spilled, and lookups follow a spill
 * only while that pass can still be remembered. The table doubles when a spill runs long, up to
 * {@code maxCapacity} slots.
 *
 * <p>The lines live off the Java heap, in one buffer aligned to 64 bytes, allocated and zeroed (so every
 * page is touched) when the table is built: a heap array lands on a cache-line boundary or not depending on
 * where the collector puts it (a bucket split over two lines doubles the misses), and a 16 MB array on the
 * heap makes the first young collection of a freshly started control room copy it (40-50 ms with the serial
 * collector). Not thread-safe.
 */
public final class DedupTable {

    /** Largest window, so that every remembered time fits the relative 32-bit times with room to spare. */
    public static final long MAX_WINDOW_MILLIS = 1L << 28;
    /**
     * How far after the horizon a pass time may lie ({@link #pass} refuses later ones); the filter moves the
     * horizon at least this close to each tick's time.
     */
    public static final long MAX_AHEAD_MILLIS = 1L << 29;

    private static final int LINE_SHIFT = 6;
    /** Slots per bucket. */
    private static final int SLOTS = 5;
    /** Byte offset in a line of the slots' relative pass times (after the five 8-byte keys). */
    private static final int TIMES = SLOTS * Long.BYTES;
    /** Byte offset in a line of the spill marker. */
    private static final int SPILL = TIMES + SLOTS * Integer.BYTES;
    /**
     * A spill longer than this many buckets makes the table grow (or, at its limit, forget early). At the
     * sizing load (half of the slots remembered) that practically never happens, so the table grows only
     * when it is really too small.
     */
    private static final int MAX_HOPS = 8;
    private static final int MIN_BUCKETS = 1 << 6;
    private static final int MAX_BUCKETS = 1 << 24;
    /** Remembered keys per slot the table is sized for. */
    private static final double SIZING_LOAD = 0.5;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    /** Marker of a bucket nothing has spilled past (stored as 0, so a zeroed buffer means no spills). */
    private static final int NO_SPILL = Integer.MIN_VALUE;
    private static final int CACHE_LINE = 64;
    private static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class,
            ByteOrder.nativeOrder());
    private static final VarHandle INTS = MethodHandles.byteBufferViewVarHandle(int[].class,
            ByteOrder.nativeOrder());

    private final long windowMillis;
    private final int maxBuckets;
    private ByteBuffer lines;
    private int bucketMask;
    private int shift;
    /** Pass times are stored as {@code (int) (time - base)}. */
    private long base;
    private long horizonMillis = Long.MIN_VALUE;
    /** The latest pass time {@link #pass} accepts. */
    private long latestAllowed = MAX_AHEAD_MILLIS;
    /** A slot whose relative pass time is at most this is forgotten ({@code p + window <= horizon}). */
    private int forgottenAtOrBelow = Integer.MIN_VALUE;
    private long forgottenEarly;

    /**
     * @param expectedKeys keys expected to be remembered at once (sizes the table; it grows if needed)
     * @param maxCapacity the most slots the table may use (about 13 bytes each); rounded to whole buckets
     */
    public DedupTable(long windowMillis, int expectedKeys, int maxCapacity) {
        if (windowMillis < 0 || windowMillis > MAX_WINDOW_MILLIS) {
            throw new IllegalArgumentException("window out of range: " + windowMillis);
        }
        this.windowMillis = windowMillis;
        this.maxBuckets = Integer.highestOneBit(Math.min(MAX_BUCKETS, Math.max(MIN_BUCKETS, maxCapacity / SLOTS)));
        int buckets = MIN_BUCKETS;
        while (buckets * (SLOTS * SIZING_LOAD) < expectedKeys && buckets < this.maxBuckets) {
            buckets <<= 1;
        }
        allocate(buckets);
    }

    /** A table that may grow to 2^20 buckets (about 5.2 million slots, 64 MB). */
    public DedupTable(long windowMillis, int expectedKeys) {
        this(windowMillis, expectedKeys, (1 << 20) * SLOTS);
    }

    private void allocate(int buckets) {
        lines = ByteBuffer.allocateDirect((buckets << LINE_SHIFT) + CACHE_LINE).alignedSlice(CACHE_LINE)
                .order(ByteOrder.nativeOrder());
        bucketMask = buckets - 1;
        shift = 64 - Integer.numberOfTrailingZeros(buckets);
    }

    /** Key of a source and a type code (0..15); both must be non-negative and source below 2^59. */
    public static long key(long source, int typeCode) {
        return (source << 4) | typeCode;
    }

    private int bucketOf(long key) {
        return (int) ((key * GOLDEN) >>> shift);
    }

    /**
     * Forgets the passes whose window ends at or before {@code horizon} (a pass at {@code p} is forgotten
     * once {@code p + window <= horizon}). The horizon only moves forward; an earlier value is ignored.
     */
    public void forgetBefore(long horizon) {
        if (horizon <= horizonMillis) {
            return;
        }
        horizonMillis = horizon;
        latestAllowed = horizon > Long.MAX_VALUE - MAX_AHEAD_MILLIS ? Long.MAX_VALUE : horizon + MAX_AHEAD_MILLIS;
        if (horizon - windowMillis - base > MAX_AHEAD_MILLIS) {
            rebase(horizon - windowMillis);
        }
        forgottenAtOrBelow = (int) Math.max(Integer.MIN_VALUE, horizon - windowMillis - base);
    }

    /**
     * Records that {@code key} arrived at {@code timeMillis}: true when it passes (see the class comment for
     * the rule) and is remembered, false when it is a duplicate.
     *
     * @throws IllegalArgumentException when the time is negative or lies more than
     *         {@link #MAX_AHEAD_MILLIS} after the horizon (before any horizon: after 0)
     */
    public boolean pass(long key, long timeMillis) {
        if (timeMillis < 0 || timeMillis > latestAllowed) {
            throw outOfRange(timeMillis);
        }
        long rel = timeMillis - base;
        long stored = key + 1;
        ByteBuffer m = lines;
        int home = bucketOf(key);
        int at = home << LINE_SHIFT;
        int forgotten = forgottenAtOrBelow;
        int free = -1;
        // Kept small enough to be inlined into the filter's loop: the rare paths are methods of their own.
        for (int s = 0; s < SLOTS; s++) {
            long k = (long) LONGS.get(m, at + s * Long.BYTES);
            if (k == stored) {
                return passFound(at + TIMES + s * Integer.BYTES, home, 0, rel);
            }
            if (free < 0 && (k == 0 || (int) INTS.get(m, at + TIMES + s * Integer.BYTES) <= forgotten)) {
                free = s;
            }
        }
        if (decodeSpill((int) INTS.get(m, at + SPILL)) > forgotten) {
            return passSpilled(stored, home, free, rel);
        }
        if (rel > forgotten) {
            if (free >= 0) {
                put(m, at, free, stored, (int) rel);
            } else {
                insert(stored, (int) rel, home);
            }
        }
        return true;
    }

    private IllegalArgumentException outOfRange(long timeMillis) {
        return new IllegalArgumentException("time " + timeMillis + " is negative or too far after the horizon "
                + horizonMillis + "; move the horizon first");
    }

    /** The key is in the slot whose time is at {@code timeAt}, {@code hop} buckets from home. */
    private boolean passFound(int timeAt, int home, int hop, long rel) {
        int p = (int) INTS.get(lines, timeAt);
        if (p > forgottenAtOrBelow && rel < (long) p + windowMillis) {
            return false;
        }
        if (rel > forgottenAtOrBelow) {
            INTS.set(lines, timeAt, (int) rel);
            markSpill(home, hop, (int) rel);
        }
        return true;
    }

    /** The key is not in its home bucket, which has spilled: looks further before placing it. */
    private boolean passSpilled(long stored, int home, int free, long rel) {
        ByteBuffer m = lines;
        int forgotten = forgottenAtOrBelow;
        for (int hop = 1; hop <= MAX_HOPS; hop++) {
            int at = ((home + hop) & bucketMask) << LINE_SHIFT;
            for (int s = 0; s < SLOTS; s++) {
                if ((long) LONGS.get(m, at + s * Long.BYTES) == stored) {
                    return passFound(at + TIMES + s * Integer.BYTES, home, hop, rel);
                }
            }
            if (decodeSpill((int) INTS.get(m, at + SPILL)) <= forgotten) {
                break;
            }
        }
        if (rel > forgotten) {
            if (free >= 0) {
                put(m, home << LINE_SHIFT, free, stored, (int) rel);
            } else {
                insert(stored, (int) rel, home);
            }
        }
        return true;
    }

    /** Spill markers hold the relative time of the newest pass that spilled past, offset so that 0 is none. */
    private static int decodeSpill(int marker) {
        return marker ^ NO_SPILL;
    }

    private static int encodeSpill(int relativeTime) {
        return relativeTime ^ NO_SPILL;
    }

    /** Notes on the buckets before the one at {@code hop} that a key passing at {@code rel} lies past them. */
    private void markSpill(int home, int hop, int rel) {
        for (int h = 0; h < hop; h++) {
            int at = (((home + h) & bucketMask) << LINE_SHIFT) + SPILL;
            if (decodeSpill((int) INTS.get(lines, at)) < rel) {
                INTS.set(lines, at, encodeSpill(rel));
            }
        }
    }

    /** Puts a key known to be absent in the first reusable slot from its home bucket, growing if needed. */
    private void insert(long stored, int rel, int home) {
        while (true) {
            if (place(stored, rel, home)) {
                return;
            }
            if (bucketMask + 1 < maxBuckets) {
                grow();
                home = bucketOf(stored - 1);
            } else {
                evictOldest(home, stored, rel);
                return;
            }
        }
    }

    /** Places a key in the first reusable slot within {@link #MAX_HOPS} buckets; false when there is none. */
    private boolean place(long stored, int rel, int home) {
        ByteBuffer m = lines;
        for (int hop = 0; hop <= MAX_HOPS; hop++) {
            int at = ((home + hop) & bucketMask) << LINE_SHIFT;
            for (int s = 0; s < SLOTS; s++) {
                if ((long) LONGS.get(m, at + s * Long.BYTES) == 0
                        || (int) INTS.get(m, at + TIMES + s * Integer.BYTES) <= forgottenAtOrBelow) {
                    put(m, at, s, stored, rel);
                    markSpill(home, hop, rel);
                    return true;
                }
            }
        }
        return false;
    }

    private static void put(ByteBuffer m, int at, int slot, long stored, int rel) {
        LONGS.set(m, at + slot * Long.BYTES, stored);
        INTS.set(m, at + TIMES + slot * Integer.BYTES, rel);
    }

    /** At the size limit: the oldest key in the home bucket makes room, before its window has ended. */
    private void evictOldest(int home, long stored, int rel) {
        int at = home << LINE_SHIFT;
        int oldest = 0;
        for (int s = 1; s < SLOTS; s++) {
            if ((int) INTS.get(lines, at + TIMES + s * Integer.BYTES)
                    < (int) INTS.get(lines, at + TIMES + oldest * Integer.BYTES)) {
                oldest = s;
            }
        }
        put(lines, at, oldest, stored, rel);
        forgottenEarly++;
    }

    /** Moves the base to {@code newBase}, clearing what is forgotten, so that what stays fits an int. */
    private void rebase(long newBase) {
        long forgotten = horizonMillis - windowMillis - base;
        long delta = newBase - base;
        int buckets = bucketMask + 1;
        for (int b = 0; b < buckets; b++) {
            int at = b << LINE_SHIFT;
            for (int s = 0; s < SLOTS; s++) {
                int timeAt = at + TIMES + s * Integer.BYTES;
                int p = (int) INTS.get(lines, timeAt);
                if ((long) LONGS.get(lines, at + s * Long.BYTES) != 0) {
                    if (p <= forgotten) {
                        LONGS.set(lines, at + s * Long.BYTES, 0L);
                    } else {
                        INTS.set(lines, timeAt, (int) (p - delta));
                    }
                }
            }
            int spill = decodeSpill((int) INTS.get(lines, at + SPILL));
            INTS.set(lines, at + SPILL, spill <= forgotten ? 0 : encodeSpill((int) (spill - delta)));
        }
        base = newBase;
    }

    /** Doubles the table and puts back the keys still remembered. */
    private void grow() {
        ByteBuffer old = lines;
        int oldBuckets = bucketMask + 1;
        allocate(oldBuckets << 1);
        for (int b = 0; b < oldBuckets; b++) {
            int at = b << LINE_SHIFT;
            for (int s = 0; s < SLOTS; s++) {
                long stored = (long) LONGS.get(old, at + s * Long.BYTES);
                int p = (int) INTS.get(old, at + TIMES + s * Integer.BYTES);
                if (stored != 0 && p > forgottenAtOrBelow) {
                    insert(stored, p, bucketOf(stored - 1));
                }
            }
        }
    }

    /**
     * Reads the home lines of {@code keyBlock[from..to)} without changing anything, so that the cache misses
     * of a block of lookups overlap instead of queueing behind each other's branches (Java has no prefetch
     * instruction; independent loads are the next best thing). Returns a value only so the loads are kept.
     */
    public long touch(long[] keyBlock, int from, int to) {
        ByteBuffer m = lines;
        long sink = 0;
        for (int j = from; j < to; j++) {
            sink += (long) LONGS.get(m, bucketOf(keyBlock[j]) << LINE_SHIFT);
        }
        return sink;
    }

    /** Keys whose pass is remembered at the current horizon (counts the table: for tests and stats). */
    public int remembered() {
        int n = 0;
        int buckets = bucketMask + 1;
        for (int b = 0; b < buckets; b++) {
            int at = b << LINE_SHIFT;
            for (int s = 0; s < SLOTS; s++) {
                if ((long) LONGS.get(lines, at + s * Long.BYTES) != 0
                        && (int) INTS.get(lines, at + TIMES + s * Integer.BYTES) > forgottenAtOrBelow) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Slots in the table. */
    public int capacity() {
        return (bucketMask + 1) * SLOTS;
    }

    /** Bytes the table holds off the heap. */
    public long bytes() {
        return (long) (bucketMask + 1) << LINE_SHIFT;
    }

    /** Keys dropped before their window ended because the table was at its size limit. */
    public long forgottenEarly() {
        return forgottenEarly;
    }
}
