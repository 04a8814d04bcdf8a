package dev.switchboard.calltaking.engine.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EntityEvaluationTest {

    @Test
    void countsMatchesMissesAndSpuriousFinds() {
        LabelledUtterance u = new LabelledUtterance(1, "caller", "he has a knife near tokyo tower", List.of(
                new LabelledUtterance.Expected(EntityType.WEAPON, "knife", "knife"),
                new LabelledUtterance.Expected(EntityType.PHONE, "0312345678", "tokyo")));
        EntityEvaluation.Report r = EntityEvaluation.evaluate(new EntityExtractor(PlaceNames.tokyo()), List.of(u));
        assertThat(r.perType().get(EntityType.WEAPON)).isEqualTo(new EntityEvaluation.Counts(1, 0, 0));
        assertThat(r.perType().get(EntityType.PHONE)).isEqualTo(new EntityEvaluation.Counts(0, 0, 1));
        assertThat(r.perType().get(EntityType.LANDMARK)).isEqualTo(new EntityEvaluation.Counts(0, 1, 0));
        assertThat(r.overall().precision()).isEqualTo(0.5);
        assertThat(r.overall().recall()).isEqualTo(0.5);
        assertThat(r.misses()).extracting(EntityEvaluation.Miss::kind).containsExactlyInAnyOrder("missed",
                "spurious");
    }
}
