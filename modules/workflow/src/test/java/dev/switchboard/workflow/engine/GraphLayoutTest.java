package dev.switchboard.workflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraphLayoutTest {

    @Test
    void dependenciesGoLeftToRightAndSiblingsDoNotOverlap() {
        var lib = WorkflowLibrary.load(List.of(), TaskTypes.standard(List.of()), new Expressions());
        var def = lib.find("earthquake-shift").orElseThrow();
        Map<String, GraphLayout.Point> at = GraphLayout.layout(def.tasks(), 150, 40);
        assertThat(at).hasSize(def.tasks().size());
        def.tasks().forEach(t -> t.dependsOn().forEach(d -> assertThat(at.get(d).x()).as(d + " before " + t.id())
                .isLessThan(at.get(t.id()).x())));
        assertThat(at.get("wellDone").x()).isEqualTo(at.get("coach").x());
        assertThat(Math.abs(at.get("wellDone").y() - at.get("coach").y())).isGreaterThanOrEqualTo(40);
    }
}
