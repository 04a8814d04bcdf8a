package dev.switchboard.city.engine.pipeline;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import java.util.Arrays;

/**
 * Remembers when each key (source × type) last passed, in a primitive open-addressing table of buckets,
 * with no boxing, no per-key objects and no sweeps.
 *
 * <p>Window rule: a record at time {@code t} is a duplicate when its key last passed at {@code p} and
 * {@code t < p + window} — so with a 5,000 ms window, 4,999 ms later is a duplicate and 5,000 ms later is
 * not (the window is half-open, {@code [p, p + window)}). A record older than the one that passed (a late
 * arrival) is a duplicate too. Duplicates do not move the window; only passing records do. A key may be
 * forgotten once {@code p + window <= newest pass time}, so a very late arrival after that passes.
 *
 * <p>Layout, chosen because a lookup of a new key (almost every record) should touch little memory: each
 * bucket has one 64-byte line of {@code int} metadata — 15 slots of (16-bit key fingerprint, 16-bit coarse
 * pass time) and a spill marker — and each slot's full key and exact time side by side in one
 * {@code long[]} (one cache line per slot), read only on a fingerprint match and written on insert. A new
 * key first tries its bucket's next slot in round-robin order, which with times that mostly move forward is
 * the bucket's oldest, so there is no per-slot expiry scan; when that slot is still in its window, the first
 * slot whose window has certainly gone by (by its coarse time) is reused. A full bucket spills into the
 * next one and records the coarse time of the newest key that spilled; lookups follow a spill only while
 * such a key can still be in its window. The table doubles when a spill runs long, up to
 * {@code maxCapacity} slots; at that limit the oldest key of the bucket is forgotten early
 * ({@link #forgottenEarly()}), which shortens the window rather than growing the heap. Not thread-safe.
 */
public final class DedupTable {

    private static final int LINE = 16;
    /** Slots per bucket; the 16th int of the line is the spill marker. */
    private static final int SLOTS = 15;
    private static final int SPILL = 15;
    /**
     * A spill longer than this many buckets makes the table grow (or, at its limit, forget early). At the
     * sizing load (about half the slots live) nine full buckets in a row practically never happen, so the
     * table grows only when it is really too small; with 4 it doubled once in about 10,000 ticks of
     * 100,000 records.
     */
    private static final int MAX_HOPS = 8;
    /** Coarse times count units of 2^8 ms. */
    private static final int COARSE_SHIFT = 8;
    private static final int MIN_BUCKETS = 1 << 6;
    private static final int MAX_BUCKETS = 1 << 22;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final long NONE = Long.MIN_VALUE / 4;
    private static final int CACHE_LINE = 64;
    private static final VarHandle INTS = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());

    private final long windowMillis;
    private final int maxBuckets;
    /**
     * Per bucket one 64-byte line of int metadata, off the heap in a buffer aligned to 64 bytes: a heap array
     * lands on a line boundary or not depending on where the collector puts it, and a line split over two
     * cache lines doubles the misses of every lookup (throughput was bimodal from run to run).
     */
    private ByteBuffer meta;
    private int metaInts;
    /** Slot j's stored key at [2j] and its exact pass time at [2j + 1]: one cache line for both. */
    private long[] slots;
    /** Per bucket, the slot a new key tries first (round robin). */
    private byte[] cursor;
    private int bucketMask;
    private int shift;
    private long latestMillis = NONE;
    /** Coarse units before which a slot has certainly left its window (refreshed as time moves). */
    private int reusableCoarse;
    private long forgottenEarly;

    /**
     * @param expectedKeys keys expected to be in their window at once (sizes the table; it grows if needed)
     * @param maxCapacity the most slots the table may use (20 bytes each); rounded to whole buckets
     */
    public DedupTable(long windowMillis, int expectedKeys, int maxCapacity) {
        if (windowMillis < 0 || windowMillis > (1L << 40)) {
            throw new IllegalArgumentException("window out of range: " + windowMillis);
        }
        this.windowMillis = windowMillis;
        this.maxBuckets = Integer.highestOneBit(Math.min(MAX_BUCKETS, Math.max(MIN_BUCKETS, maxCapacity / SLOTS)));
        int buckets = MIN_BUCKETS;
        // Sized for about 60 % of the slots live: 15-slot buckets rarely spill at that load.
        while (buckets * (SLOTS * 0.6) < expectedKeys && buckets < this.maxBuckets) {
            buckets <<= 1;
        }
        allocate(buckets);
    }

    /** A table that may grow to 2^18 buckets (about 3.9 million slots, 80 MB). */
    public DedupTable(long windowMillis, int expectedKeys) {
        this(windowMillis, expectedKeys, (1 << 18) * SLOTS);
    }

    private void allocate(int buckets) {
        metaInts = buckets * LINE;
        meta = ByteBuffer.allocateDirect(metaInts * Integer.BYTES + CACHE_LINE).alignedSlice(CACHE_LINE)
                .order(ByteOrder.nativeOrder());
        slots = new long[buckets * LINE * 2];
        cursor = new byte[buckets];
        bucketMask = buckets - 1;
        shift = 64 - Integer.numberOfTrailingZeros(buckets);
    }

    /** Key of a source and a type code (0..15); both must be non-negative and source below 2^59. */
    public static long key(long source, int typeCode) {
        return (source << 4) | typeCode;
    }

    private int bucketOf(long hash) {
        return (int) (hash >>> shift);
    }

    /** 16 bits of the hash below the bucket bits, never 0 (0 marks an empty slot). */
    private static int fingerprint(long hash) {
        int fp = (int) (hash >>> 8) & 0xFFFF;
        return fp == 0 ? 1 : fp;
    }

    private static int coarse(long timeMillis) {
        return (int) (timeMillis >> COARSE_SHIFT);
    }

    /**
     * Records that {@code key} arrived at {@code timeMillis}: true when it passes (first time, or the
     * window since it last passed has gone by) and is remembered, false when it is a duplicate.
     */
    public boolean pass(long key, long timeMillis) {
        long hash = key * GOLDEN;
        int fp = fingerprint(hash);
        long stored = key + 1;
        ByteBuffer m = meta;
        int home = bucketOf(hash);
        int b = home;
        // Looks for the key: the fingerprint compares of a bucket become a bit mask without a branch per slot.
        for (int hop = 0; ; hop++) {
            int base = b * LINE;
            int hits = 0;
            for (int s = 0; s < SLOTS; s++) {
                hits |= ((get(m, base + s) >>> 16) == fp ? 1 : 0) << s;
            }
            while (hits != 0) {
                int j = base + Integer.numberOfTrailingZeros(hits);
                hits &= hits - 1;
                if (slots[2 * j] == stored) {
                    if (timeMillis < slots[2 * j + 1] + windowMillis) {
                        return false;
                    }
                    slots[2 * j + 1] = timeMillis;
                    set(m, j, (fp << 16) | (coarse(timeMillis) & 0xFFFF));
                    markSpill(home, hop, timeMillis);
                    note(timeMillis);
                    return true;
                }
            }
            if (!spillMayBeLive(get(m, base + SPILL)) || hop == MAX_HOPS) {
                break;
            }
            b = (b + 1) & bucketMask;
        }
        // A new key goes to the home bucket's next slot in turn: with times that mostly move forward that is
        // the bucket's oldest slot, so one check usually finds room without scanning.
        int next = home * LINE + cursor[home];
        if (reusable(get(m, next))) {
            put(next, stored, fp, timeMillis);
            advance(home);
        } else {
            insert(stored, fp, timeMillis, home);
        }
        note(timeMillis);
        return true;
    }

    private static int get(ByteBuffer m, int index) {
        return (int) INTS.get(m, index << 2);
    }

    private static void set(ByteBuffer m, int index, int value) {
        INTS.set(m, index << 2, value);
    }

    private void advance(int bucket) {
        int c = cursor[bucket] + 1;
        cursor[bucket] = (byte) (c == SLOTS ? 0 : c);
    }

    /** Whether a key spilled past a bucket (marker = coarse pass time + 1, 0 = never) may still be live. */
    private boolean spillMayBeLive(int marker) {
        return marker != 0 && marker - 1 >= reusableCoarse;
    }

    /** Whether a slot's coarse time (16 bits) says its window has certainly gone by. */
    private boolean reusable(int slotMeta) {
        if (slotMeta == 0) {
            return true;
        }
        // Modular age in coarse units; a slot older than the 16-bit range may look young and wait a cycle.
        int age = (reusableCoarse - (slotMeta & 0xFFFF)) & 0xFFFF;
        return age > 0 && age < 0x8000;
    }

    /** Notes on the buckets before the one at {@code hop} that a key passing at {@code time} lies past them. */
    private void markSpill(int home, int hop, long time) {
        int marker = coarse(time) + 1;
        for (int h = 0, b = home; h < hop; h++, b = (b + 1) & bucketMask) {
            int at = b * LINE + SPILL;
            if (get(meta, at) < marker) {
                set(meta, at, marker);
            }
        }
    }

    /** Puts a key known to be absent in the first reusable slot from its home bucket. */
    private void insert(long stored, int fp, long time, int home) {
        while (true) {
            ByteBuffer m = meta;
            int b = home;
            for (int hop = 0; hop <= MAX_HOPS; hop++) {
                int base = b * LINE;
                for (int j = base; j < base + SLOTS; j++) {
                    if (reusable(get(m, j))) {
                        put(j, stored, fp, time);
                        markSpill(home, hop, time);
                        return;
                    }
                }
                b = (b + 1) & bucketMask;
            }
            if (bucketMask + 1 < maxBuckets) {
                grow();
                home = bucketOf((stored - 1) * GOLDEN);
            } else {
                evictOldest(home, stored, fp, time);
                return;
            }
        }
    }

    private void put(int slot, long stored, int fp, long time) {
        set(meta, slot, (fp << 16) | (coarse(time) & 0xFFFF));
        slots[2 * slot] = stored;
        slots[2 * slot + 1] = time;
    }

    /** At the size limit: the oldest key in the home bucket makes room, before its window has ended. */
    private void evictOldest(int home, long stored, int fp, long time) {
        int base = home * LINE;
        int oldest = base;
        for (int j = base + 1; j < base + SLOTS; j++) {
            if (slots[2 * j + 1] < slots[2 * oldest + 1]) {
                oldest = j;
            }
        }
        put(oldest, stored, fp, time);
        forgottenEarly++;
    }

    private void note(long timeMillis) {
        if (timeMillis > latestMillis) {
            latestMillis = timeMillis;
            // A slot passed in coarse unit c left its window for sure once (c + 1) * unit + window <= latest.
            reusableCoarse = coarse(latestMillis - windowMillis - (1 << COARSE_SHIFT)) + 1;
        }
    }

    /** Doubles the table and puts back the keys still in their window. */
    private void grow() {
        ByteBuffer oldMeta = meta;
        int oldInts = metaInts;
        long[] oldSlots = slots;
        allocate((bucketMask + 1) << 1);
        long keepAfter = latestMillis - windowMillis;
        for (int j = 0; j < oldInts; j++) {
            if ((j & (LINE - 1)) != SPILL && get(oldMeta, j) != 0 && oldSlots[2 * j + 1] > keepAfter) {
                long hash = (oldSlots[2 * j] - 1) * GOLDEN;
                insert(oldSlots[2 * j], fingerprint(hash), oldSlots[2 * j + 1], bucketOf(hash));
            }
        }
    }

    /**
     * Reads the metadata lines of the home buckets of {@code keyBlock[from..to)} without changing anything,
     * so that the cache misses of a block of lookups overlap instead of queueing behind each other's
     * branches (Java has no prefetch instruction; independent loads are the next best thing). Returns a
     * value only so the loads are kept.
     */
    public long touch(long[] keyBlock, int from, int to) {
        ByteBuffer m = meta;
        long sink = 0;
        for (int j = from; j < to; j++) {
            int base = bucketOf(keyBlock[j] * GOLDEN) * LINE;
            sink += get(m, base);
        }
        return sink;
    }

    /** Keys whose window has not gone by at the newest pass time (counts the table: for tests and stats). */
    public int live() {
        long keepAfter = latestMillis - windowMillis;
        int n = 0;
        for (int j = 0; j < metaInts; j++) {
            if ((j & (LINE - 1)) != SPILL && get(meta, j) != 0 && slots[2 * j + 1] > keepAfter) {
                n++;
            }
        }
        return n;
    }

    /** Slots in the table. */
    public int capacity() {
        return (bucketMask + 1) * SLOTS;
    }

    /** Keys dropped before their window ended because the table was at its size limit. */
    public long forgottenEarly() {
        return forgottenEarly;
    }

    /** Forgets everything. */
    public void clear() {
        for (int j = 0; j < metaInts; j++) {
            set(meta, j, 0);
        }
        Arrays.fill(cursor, (byte) 0);
        latestMillis = NONE;
        reusableCoarse = 0;
    }
}
