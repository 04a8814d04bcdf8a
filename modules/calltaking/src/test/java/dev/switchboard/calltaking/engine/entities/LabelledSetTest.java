package dev.switchboard.calltaking.engine.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall on the development set, clean and with recogniser noise, printed per type. The rules were
 * tuned on this set, so its figures only guard against regressions; {@link HeldOutProxyTest} reports on the set
 * that was never tuned on. Floors sit below today's figures so a regression fails, not a wobble.
 */
class LabelledSetTest {

    /** The first id of the lines written for the fifth round of rules (LABELLING.md). */
    private static final int FIFTH_ROUND_FIRST_ID = 10901;

    private final EntityExtractor extractor = new EntityExtractor(PlaceNames.tokyo());

    @Test
    void developmentSetIsLargeAndMixed() {
        List<LabelledUtterance> set = LabelledUtterance.bundled();
        assertThat(set).hasSizeGreaterThanOrEqualTo(1000);
        assertThat(set).extracting(LabelledUtterance::speaker).contains("caller", "trainee");
        assertThat(set).filteredOn(u -> !u.context().isEmpty()).hasSizeGreaterThanOrEqualTo(100);
        assertThat(set).extracting(LabelledUtterance::id).doesNotHaveDuplicates();
    }

    /**
     * The whole set holds the fifth round's batches (ids from 10901), each scored before its rules and the last
     * (r23) never tuned on, so their remaining misses pull its figures below the earlier lines'; the floors of the
     * whole set were lowered for that (0.98/0.98 clean and 0.94 noisy precision before), and the earlier lines keep
     * the old floors, the noisy recall one raised.
     */
    @Test
    void developmentSetMeetsTheFloors() {
        List<LabelledUtterance> set = LabelledUtterance.bundled();
        check("development set, clean", EntityEvaluation.evaluate(extractor, set), 0.965, 0.97, 0.9);
        check("development set, noisy", EntityEvaluation.evaluate(extractor, SpeechNoise.apply(set)), 0.93, 0.875,
                0.6);
        List<LabelledUtterance> earlier = set.stream().filter(u -> u.id() < FIFTH_ROUND_FIRST_ID).toList();
        check("development set before the fifth round, clean", EntityEvaluation.evaluate(extractor, earlier), 0.98,
                0.98, 0.9);
        check("development set before the fifth round, noisy",
                EntityEvaluation.evaluate(extractor, SpeechNoise.apply(earlier)), 0.945, 0.88, 0.6);
    }

    private static void check(String name, EntityEvaluation.Report r, double precision, double recall,
                              double typeFloor) {
        System.out.println("Entity extraction, " + name + ":");
        System.out.print(r.describe());
        assertThat(r.overall().precision()).as(name + " precision").isGreaterThanOrEqualTo(precision);
        assertThat(r.overall().recall()).as(name + " recall").isGreaterThanOrEqualTo(recall);
        for (Map.Entry<EntityType, EntityEvaluation.Counts> e : r.perType().entrySet()) {
            EntityEvaluation.Counts c = e.getValue();
            if (c.truePositives() + c.falseNegatives() >= 10) {
                assertThat(c.precision()).as(name + " " + e.getKey() + " precision").isGreaterThanOrEqualTo(typeFloor);
                assertThat(c.recall()).as(name + " " + e.getKey() + " recall").isGreaterThanOrEqualTo(typeFloor);
            }
        }
    }
}
