package dev.switchboard.city.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TopKTest {

    /** Random scores, many of them tied (quantised), against a full sort by score desc, index asc. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 1234567})
    void keepsTheKBestOfAFullSortWithTiesBrokenByIndex(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        for (int round = 0; round < 20; round++) {
            int n = r.nextInt(1, 20_000);
            int k = r.nextInt(1, 400);
            float threshold = r.nextBoolean() ? 0f : 0.7f;
            int levels = r.nextBoolean() ? 50 : 1_000_000;
            float[] scores = new float[n];
            for (int i = 0; i < n; i++) {
                scores[i] = (float) r.nextInt(levels + 1) / levels;
            }

            TopK heap = new TopK(k);
            // Offer in a shuffled order: the result must not depend on arrival order.
            int[] order = shuffled(n, r);
            for (int i : order) {
                if (scores[i] >= threshold) {
                    heap.offer(scores[i], i);
                }
            }
            int[] indices = new int[k];
            float[] kept = new float[k];
            int m = heap.drainBestFirst(indices, kept);

            int[] expected = IntStream.range(0, n).boxed()
                    .filter(i -> scores[i] >= threshold)
                    .sorted(Comparator.<Integer>comparingDouble(i -> scores[i]).reversed()
                            .thenComparingInt(i -> i))
                    .limit(k)
                    .mapToInt(Integer::intValue)
                    .toArray();
            assertThat(Arrays.copyOf(indices, m)).as("round %d n %d k %d", round, n, k).containsExactly(expected);
            for (int j = 0; j < m; j++) {
                assertThat(kept[j]).isEqualTo(scores[indices[j]]);
            }
            assertThat(heap.size()).isZero();
        }
    }

    @Test
    void fewerCandidatesThanKAreAllKeptBestFirst() {
        TopK heap = new TopK(5);
        heap.offer(0.75f, 3);
        heap.offer(1.0f, 7);
        heap.offer(0.75f, 1);

        int[] indices = new int[5];
        float[] scores = new float[5];
        assertThat(heap.drainBestFirst(indices, scores)).isEqualTo(3);
        assertThat(Arrays.copyOf(indices, 3)).containsExactly(7, 1, 3);
    }

    @Test
    void zeroAndNegativeZeroCompareEqual() {
        TopK heap = new TopK(2);
        heap.offer(-0.0f, 2);
        heap.offer(0.0f, 1);
        heap.offer(0.0f, 0);

        int[] indices = new int[2];
        heap.drainBestFirst(indices, new float[2]);
        assertThat(indices).containsExactly(0, 1);
    }

    private static int[] shuffled(int n, SplittableRandom r) {
        int[] a = IntStream.range(0, n).toArray();
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }
}
