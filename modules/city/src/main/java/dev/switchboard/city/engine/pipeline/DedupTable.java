package dev.switchboard.city.engine.pipeline;

import java.util.Arrays;

/**
 * Remembers when each key (source × type) last passed, in a primitive open-addressing table (linear
 * probing, keys and times interleaved in one {@code long[]} so that a probe touches one cache line), and
 * forgets keys once their window has gone by.
 *
 * <p>Window rule: a record at time {@code t} is a duplicate when its key last passed at {@code p} and
 * {@code t < p + window} — so with a 5,000 ms window, 4,999 ms later is a duplicate and 5,000 ms later is
 * not (the window is half-open, {@code [p, p + window)}). A record older than the one that passed (a late
 * arrival) is a duplicate too. Duplicates do not move the window; only passing records do.
 *
 * <p>Expired entries are removed by a sweep (backward-shift deletion, no tombstones) that runs whenever
 * as many keys were inserted as an eighth of the capacity, so the cost is a few sequential slot reads per
 * insert and the table stays at most about half full; it grows only when live keys need the room. Not
 * thread-safe.
 */
public final class DedupTable {

    private static final int MIN_CAPACITY = 1 << 10;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final long windowMillis;
    /** slots[2i] = key + 1 (0 = empty), slots[2i + 1] = time the key last passed. */
    private long[] slots;
    private int mask;
    private int shift;
    private int size;
    private int insertsSinceSweep;
    private long latestMillis = Long.MIN_VALUE;

    public DedupTable(long windowMillis, int expectedKeys) {
        if (windowMillis < 0) {
            throw new IllegalArgumentException("window must not be negative");
        }
        this.windowMillis = windowMillis;
        int capacity = MIN_CAPACITY;
        while (capacity < expectedKeys * 2L && capacity < (1 << 29)) {
            capacity <<= 1;
        }
        allocate(capacity);
    }

    private void allocate(int capacity) {
        slots = new long[capacity * 2];
        mask = capacity - 1;
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
        size = 0;
    }

    /** Key of a source and a type code (0..15); both must be non-negative and source below 2^59. */
    public static long key(long source, int typeCode) {
        return (source << 4) | typeCode;
    }

    /**
     * Records that {@code key} arrived at {@code timeMillis}: true when it passes (first time, or the
     * window since it last passed has gone by) and is remembered, false when it is a duplicate.
     */
    public boolean pass(long key, long timeMillis) {
        long stored = key + 1;
        long[] s = slots;
        int i = (int) ((key * GOLDEN) >>> shift);
        while (true) {
            int at = i << 1;
            long k = s[at];
            if (k == stored) {
                if (timeMillis < s[at + 1] + windowMillis) {
                    return false;
                }
                s[at + 1] = timeMillis;
                note(timeMillis);
                return true;
            }
            if (k == 0) {
                s[at] = stored;
                s[at + 1] = timeMillis;
                note(timeMillis);
                size++;
                if (++insertsSinceSweep > (mask >>> 3) || size > (mask >>> 1)) {
                    maintain();
                }
                return true;
            }
            i = (i + 1) & mask;
        }
    }

    private void note(long timeMillis) {
        if (timeMillis > latestMillis) {
            latestMillis = timeMillis;
        }
    }

    /** Removes expired keys, then grows when live keys still fill more than half of the table. */
    private void maintain() {
        insertsSinceSweep = 0;
        expire(latestMillis);
        if (size > (mask >>> 1) && mask < (1 << 29) - 1) {
            long[] old = slots;
            allocate((mask + 1) << 1);
            for (int j = 0; j < old.length; j += 2) {
                if (old[j] != 0) {
                    insertFresh(old[j], old[j + 1]);
                }
            }
        }
    }

    private void insertFresh(long stored, long time) {
        int i = (int) (((stored - 1) * GOLDEN) >>> shift);
        while (slots[i << 1] != 0) {
            i = (i + 1) & mask;
        }
        slots[i << 1] = stored;
        slots[(i << 1) + 1] = time;
        size++;
    }

    /**
     * Forgets every key whose window has gone by at {@code nowMillis} ({@code passed + window <= now}).
     * Called by the table itself as it fills; call it to bound memory after a pause.
     */
    public void expire(long nowMillis) {
        long[] s = slots;
        int capacity = mask + 1;
        int i = 0;
        while (i < capacity) {
            int at = i << 1;
            if (s[at] != 0 && s[at + 1] + windowMillis <= nowMillis) {
                delete(i);
                // The slot now holds a shifted entry (or is empty): look at it again.
            } else {
                i++;
            }
        }
    }

    /** Backward-shift deletion: pull later entries of the cluster into the hole so no probe chain breaks. */
    private void delete(int hole) {
        long[] s = slots;
        int j = hole;
        while (true) {
            j = (j + 1) & mask;
            long k = s[j << 1];
            if (k == 0) {
                break;
            }
            int home = (int) (((k - 1) * GOLDEN) >>> shift);
            // Move the entry at j into the hole unless its home lies cyclically in (hole, j].
            boolean homeBetween = hole <= j ? (hole < home && home <= j) : (hole < home || home <= j);
            if (!homeBetween) {
                s[hole << 1] = k;
                s[(hole << 1) + 1] = s[(j << 1) + 1];
                hole = j;
            }
        }
        s[hole << 1] = 0;
        s[(hole << 1) + 1] = 0;
        size--;
    }

    /** Keys remembered now (live or not yet swept). */
    public int size() {
        return size;
    }

    /** Slots in the table. */
    public int capacity() {
        return mask + 1;
    }

    /** Forgets everything. */
    public void clear() {
        Arrays.fill(slots, 0);
        size = 0;
        insertsSinceSweep = 0;
        latestMillis = Long.MIN_VALUE;
    }
}
