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

    private final EntityExtractor extractor = new EntityExtractor(PlaceNames.tokyo());

    @Test
    void developmentSetIsLargeAndMixed() {
        List<LabelledUtterance> set = LabelledUtterance.bundled();
        assertThat(set).hasSizeGreaterThanOrEqualTo(1000);
        assertThat(set).extracting(LabelledUtterance::speaker).contains("caller", "trainee");
        assertThat(set).filteredOn(u -> !u.context().isEmpty()).hasSizeGreaterThanOrEqualTo(100);
        assertThat(set).extracting(LabelledUtterance::id).doesNotHaveDuplicates();
    }

    @Test
    void developmentSetMeetsTheFloors() {
        List<LabelledUtterance> set = LabelledUtterance.bundled();
        check("development set, clean", EntityEvaluation.evaluate(extractor, set), 0.98, 0.98, 0.9);
        check("development set, noisy", EntityEvaluation.evaluate(extractor, SpeechNoise.apply(set)), 0.94, 0.84,
                0.6);
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
