package dev.switchboard.city.engine.pipeline;

/**
 * The K best (score, index) pairs seen, in a bounded binary min-heap of primitive longs: no boxing, no
 * allocation after construction. Better means a higher score, and for equal scores a lower index (earlier
 * in the batch), so the result is deterministic and equals the first K of a full sort by
 * (score descending, index ascending). Scores must be non-negative and not NaN. Not thread-safe.
 */
public final class TopK {

    private final long[] heap;
    private int size;

    public TopK(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be positive");
        }
        heap = new long[k];
    }

    /** Packs so that a larger long is a better entry: score bits high, inverted index low. */
    static long pack(float score, int index) {
        return ((long) Float.floatToRawIntBits(score) << 32) | (Integer.MAX_VALUE - index);
    }

    static float scoreOf(long packed) {
        return Float.intBitsToFloat((int) (packed >>> 32));
    }

    static int indexOf(long packed) {
        return Integer.MAX_VALUE - (int) (packed & 0xFFFFFFFFL);
    }

    public int capacity() {
        return heap.length;
    }

    public int size() {
        return size;
    }

    public void clear() {
        size = 0;
    }

    /** Offers an entry; kept when the heap is not full or it beats the worst kept one. */
    public void offer(float score, int index) {
        long e = pack(score + 0.0f, index);
        long[] h = heap;
        if (size < h.length) {
            int i = size++;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (h[parent] <= e) {
                    break;
                }
                h[i] = h[parent];
                i = parent;
            }
            h[i] = e;
        } else if (e > h[0]) {
            siftDown(e);
        }
    }

    /** Replaces the root (the worst kept) with {@code e} and restores the heap. */
    private void siftDown(long e) {
        long[] h = heap;
        int n = size;
        int i = 0;
        int half = n >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            long c = h[child];
            int right = child + 1;
            if (right < n && h[right] < c) {
                child = right;
                c = h[right];
            }
            if (e <= c) {
                break;
            }
            h[i] = c;
            i = child;
        }
        h[i] = e;
    }

    /**
     * Writes the kept entries best first into {@code indices} and {@code scores} (each at least
     * {@link #size()} long) and returns how many; the heap is left empty.
     */
    public int drainBestFirst(int[] indices, float[] scores) {
        int n = size;
        // Pop the worst repeatedly and fill from the back.
        for (int k = n - 1; k >= 0; k--) {
            long worst = heap[0];
            indices[k] = indexOf(worst);
            scores[k] = scoreOf(worst);
            long last = heap[--size];
            if (size > 0) {
                siftDown(last);
            }
        }
        return n;
    }
}
