package dev.switchboard.city.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void passesWhoseWindowEndedAtTheHorizonAreForgotten() {
        DedupTable table = new DedupTable(5_000, 16);
        table.pass(KEY, 0);
        table.pass(KEY + 16, 1);
        table.pass(KEY + 32, 5_000);

        table.forgetBefore(5_000);

        assertThat(table.remembered()).as("0 + 5,000 <= 5,000: forgotten; 1 + 5,000 > 5,000: kept").isEqualTo(2);
        assertThat(table.pass(KEY + 16, 5_000)).as("still remembered, 4,999 ms old").isFalse();
        assertThat(table.pass(KEY + 16, 0)).as("a late arrival of a remembered key").isFalse();
        assertThat(table.pass(KEY, 3_000)).as("a late arrival of a forgotten key passes").isTrue();
        assertThat(table.pass(KEY, 7_999)).as("and opens a window of its own").isFalse();
        assertThat(table.pass(KEY, 8_000)).isTrue();
    }

    @Test
    void theHorizonOnlyMovesForward() {
        DedupTable table = new DedupTable(5_000, 16);
        table.pass(KEY, 1_000);
        table.forgetBefore(6_000);
        table.forgetBefore(2_000);

        assertThat(table.pass(KEY, 2_000)).as("forgotten at 6,000; an earlier horizon brings nothing back")
                .isTrue();
    }

    /** Far into a session the relative times are rebased: what is remembered stays, what is not goes. */
    @Test
    void rememberedPassesSurviveTheRebaseOfLongSessions() {
        long late = 1L << 29;
        DedupTable table = new DedupTable(5_000, 16);
        table.forgetBefore(late + 4_000);
        table.pass(KEY, late + 5_500);
        table.pass(KEY + 16, late + 500);

        table.forgetBefore(late + 6_000);

        assertThat(table.remembered()).isEqualTo(1);
        assertThat(table.pass(KEY, late + 10_499)).isFalse();
        assertThat(table.pass(KEY, late + 10_500)).isTrue();
        assertThat(table.pass(KEY + 16, late + 600)).as("forgotten before the rebase").isTrue();
        table.forgetBefore(late * 3);
        assertThat(table.remembered()).isZero();
        assertThat(table.pass(KEY, late * 3 + 1)).isTrue();
        assertThat(table.pass(KEY, late * 3 + 2)).isFalse();
    }

    @Test
    void refusesTimesItCannotHold() {
        DedupTable table = new DedupTable(5_000, 16);
        table.forgetBefore(1_000);

        assertThatThrownBy(() -> table.pass(KEY, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> table.pass(KEY, 1_000 + DedupTable.MAX_AHEAD_MILLIS + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DedupTable(DedupTable.MAX_WINDOW_MILLIS + 1, 16))
                .isInstanceOf(IllegalArgumentException.class);
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
        assertThat(table.remembered()).isEqualTo(200_000);
        assertThat(table.forgottenEarly()).isZero();
    }

    @Test
    void atItsSizeLimitTheTableForgetsTheOldestKeysInsteadOfGrowing() {
        DedupTable table = new DedupTable(1_000_000, 16, 1 << 10);

        for (int i = 0; i < 5_000; i++) {
            assertThat(table.pass(i, i)).isTrue();
        }

        assertThat(table.capacity()).isLessThanOrEqualTo(1 << 10);
        assertThat(table.remembered()).isLessThanOrEqualTo(table.capacity());
        assertThat(table.forgottenEarly()).isGreaterThanOrEqualTo(5_000 - table.capacity());
        assertThat(table.pass(4_999, 5_000)).as("the newest key is still remembered").isFalse();
        assertThat(table.pass(0, 5_000)).as("the oldest was forgotten early").isTrue();
    }

    /**
     * Random keys, late timestamps and a moving horizon against a plain map holding each key's last pass,
     * across spills and growth: every answer is checked.
     */
    @Test
    void agreesWithAReferenceMapUnderRandomLoad() {
        for (long seed = 1; seed <= 3; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            DedupTable table = new DedupTable(5_000, 1);
            Map<Long, Long> lastPass = new HashMap<>();
            long now = 0;
            long horizon = Long.MIN_VALUE;
            for (int step = 0; step < 200_000; step++) {
                now += r.nextInt(3);
                if (step % 500 == 0) {
                    horizon = Math.max(horizon, now - r.nextInt(1_000));
                    table.forgetBefore(horizon);
                }
                long key = DedupTable.key(r.nextLong(5_000 * seed * seed), r.nextInt(12));
                long time = Math.max(0, now - r.nextInt(7_000));
                Long last = lastPass.get(key);
                boolean remembered = last != null && last + 5_000 > horizon;
                boolean expected = !(remembered && time < last + 5_000);

                assertThat(table.pass(key, time)).as("seed %d step %d", seed, step).isEqualTo(expected);
                if (expected) {
                    lastPass.put(key, time);
                }
            }
            assertThat(table.capacity()).isGreaterThan(1024);
            assertThat(table.forgottenEarly()).isZero();
        }
    }
}
