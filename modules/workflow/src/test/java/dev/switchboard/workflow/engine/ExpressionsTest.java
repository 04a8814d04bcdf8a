package dev.switchboard.workflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExpressionsTest {

    private final Expressions expressions = new Expressions();

    private static Map<String, Object> vars() {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("who", "Aiko");
        inputs.put("n", 7L);
        return Map.of("inputs", inputs, "tasks", Map.of("a", Map.of("output", Map.of("units", List.of("F1", "A2")))));
    }

    @Test
    void templatesConditionsAndWholeValuesWork() {
        assertThat(expressions.resolve("start ${inputs.who}", vars())).isEqualTo("start Aiko");
        assertThat(expressions.resolve("${inputs.n * 2}", vars())).isEqualTo(14L);
        assertThat(expressions.resolve("${tasks.a.output.units}", vars())).isEqualTo(List.of("F1", "A2"));
        assertThat(expressions.test("inputs.n > 5 && size(tasks.a.output.units) == 2", vars())).isTrue();
        assertThat(expressions.test("inputs.who =^ 'Ai'", vars())).isTrue();
        assertThat(expressions.resolve(Map.of("k", List.of("${inputs.who}")), vars()))
                .isEqualTo(Map.of("k", List.of("Aiko")));
    }

    @Test
    void nothingOutsideTheDataIsReachable() {
        Set<String> tasks = Set.of("a");
        assertThat(expressions.check("''.class.forName('java.lang.Runtime')", tasks)).isNotEmpty();
        assertThat(expressions.check("new('java.io.File', '/etc/passwd')", tasks)).isNotEmpty();
        assertThat(expressions.check("java.lang.System", tasks)).singleElement().asString()
                .contains("unknown name 'java'");
        assertThat(expressions.check("tasks.zz.output", tasks)).singleElement().asString().contains("'zz'");
        for (String reach : List.of("inputs.who.class", "inputs.who.class.classLoader", "inputs.class",
                "tasks.a.output.units.class")) {
            Object got;
            try {
                got = expressions.evaluate(reach, vars());
            } catch (Expressions.ExpressionException refused) {
                got = null;
            }
            assertThat(got).as(reach).isNull();
        }
        assertThatThrownBy(() -> expressions.evaluate("inputs.who.length()", vars()))
                .isInstanceOf(Expressions.ExpressionException.class);
        assertThat(expressions.check("inputs.n > 1", tasks)).isEmpty();
    }
}
