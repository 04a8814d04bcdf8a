package dev.switchboard.city.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DedupTableTest {

    private static final long KEY = DedupTable.key(EventBatch.source(2_000_017, 5), 6);

    @Test
    void sameKeyWithinTheWindowIsADuplicateAndAtTheWindowItIsNot() {
        DedupTable table = new DedupTable(5_000, 16);

        assertThat(table.pass(KEY, 10_000)).as("first").isTrue();
        assertThat(table.pass(KEY, 10_000)).as("same instant").isFalse();
        assertThat(table.pass(KEY, 14_999)).as("4,999 ms later").isFalse();
        assertThat(table.pass(KEY, 15_000)).as("5,000 ms later").isTrue();
        assertThat(table.pass(KEY, 19_999)).as("4,999 ms after the second pass").isFalse();
        assertThat(table.pass(KEY, 20_000)).as("5,000 ms after the second pass").isTrue();
    }

    @Test
    void duplicatesDoNotMoveTheWindowAndLateArrivalsAreDuplicates() {
        DedupTable table = new DedupTable(5_000, 16);
        table.pass(KEY, 10_000);

        assertThat(table.pass(KEY, 14_000)).isFalse();
        assertThat(table.pass(KEY, 15_000)).as("window anchored at the pass, not the duplicate").isTrue();
        assertThat(table.pass(KEY, 9_000)).as("older than the last pass").isFalse();
    }

    @Test
    void otherTypeOrOtherObservationOfTheSameSensorIsNotADuplicate() {
        DedupTable table = new DedupTable(5_000, 16);
        table.pass(KEY, 0);

        assertThat(table.pass(DedupTable.key(EventBatch.source(2_000_017, 5), 5), 0)).isTrue();
        assertThat(table.pass(DedupTable.key(EventBatch.source(2_000_017, 6), 6), 0)).isTrue();
        assertThat(table.pass(DedupTable.key(EventBatch.source(2_000_018, 5), 6), 0)).isTrue();
    }

    @Test
    void keysWhoseWindowHasGoneByAreNoLongerLive() {
        DedupTable table = new DedupTable(5_000, 16);
        table.pass(KEY, 0);
        table.pass(KEY + 16, 1);
        table.pass(KEY + 32, 5_000);

        assertThat(table.live()).as("0 + 5,000 <= 5,000: gone; 1 + 5,000 > 5,000: live").isEqualTo(2);
        assertThat(table.pass(KEY + 16, 5_000)).as("still remembered, 4,999 ms old").isFalse();
        assertThat(table.pass(KEY, 5_000)).isTrue();
    }

    /** Many more keys than one bucket holds, all in one window: spills are followed, nothing is lost. */
    @Test
    void fullBucketsSpillWithoutLosingKeys() {
        DedupTable table = new DedupTable(5_000, 16, 1 << 20);
        for (int i = 0; i < 200_000; i++) {
            assertThat(table.pass(i, 1_000)).isTrue();
        }
        for (int i = 0; i < 200_000; i++) {
            assertThat(table.pass(i, 5_999)).as("key %d", i).isFalse();
        }
        assertThat(table.live()).isEqualTo(200_000);
        assertThat(table.forgottenEarly()).isZero();
    }

    @Test
    void atItsSizeLimitTheTableForgetsTheOldestKeysInsteadOfGrowing() {
        DedupTable table = new DedupTable(1_000_000, 16, 1 << 10);

        for (int i = 0; i < 5_000; i++) {
            assertThat(table.pass(i, i)).isTrue();
        }

        assertThat(table.capacity()).isLessThanOrEqualTo(1 << 10);
        assertThat(table.live()).isLessThanOrEqualTo(table.capacity());
        assertThat(table.forgottenEarly()).isGreaterThanOrEqualTo(5_000 - table.capacity());
        assertThat(table.pass(4_999, 5_000)).as("the newest key is still remembered").isFalse();
        assertThat(table.pass(0, 5_000)).as("the oldest was forgotten early").isTrue();
    }

    /**
     * Random keys and late timestamps against a plain map holding each key's last pass,
     * across spills and growth. Where the table may or may not have reused a key's slot yet (its window
     * ended before the newest pass) either answer is allowed.
     */
    @Test
    void agreesWithAReferenceMapUnderRandomLoad() {
        for (long seed = 1; seed <= 3; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            DedupTable table = new DedupTable(5_000, 1);
            Map<Long, Long> lastPass = new HashMap<>();
            long now = 0;
            long newestPass = Long.MIN_VALUE;
            int checked = 0;
            for (int step = 0; step < 200_000; step++) {
                now += r.nextInt(3);
                long key = DedupTable.key(r.nextLong(5_000 * seed * seed), r.nextInt(12));
                long time = now - r.nextInt(2_000);
                Long last = lastPass.get(key);
                boolean actual = table.pass(key, time);
                if (last == null || time >= last + 5_000) {
                    assertThat(actual).as("seed %d step %d: must pass", seed, step).isTrue();
                    checked++;
                } else if (last + 5_000 > newestPass) {
                    assertThat(actual).as("seed %d step %d: must be a duplicate", seed, step).isFalse();
                    checked++;
                }
                if (actual) {
                    lastPass.put(key, time);
                    newestPass = Math.max(newestPass, time);
                }
            }
            assertThat(checked).isGreaterThan(190_000);
            assertThat(table.capacity()).isGreaterThan(1024);
        }
    }
}
