package dev.switchboard.workflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.workflow.model.Problem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkflowReaderTest {

    @TempDir
    Path dir;
    EngineFixture f;

    @BeforeEach
    void open() {
        f = new EngineFixture(dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private List<String> problems(String yaml) {
        return f.check(yaml).problems().stream().map(Problem::toString).toList();
    }

    @Test
    void aGoodDefinitionReadsWithItsTypedInputsRetryAndForEach() {
        var def = f.read("""
                id: demo
                name: Demo
                version: 3
                inputs:
                  ward: {type: ward, default: shibuya}
                  target: {type: duration, default: 3m}
                  level: {type: enum, values: [low, high], required: true}
                tasks:
                  - id: a
                    type: log
                    with: {message: "hello ${inputs.ward}"}
                    retry: {maxAttempts: 4, initialDelay: 2s, multiplier: 3, maxDelay: 1m, jitter: 0.1,
                            retryOn: [error]}
                    timeout: 30s
                  - id: b
                    type: log
                    dependsOn: [a]
                    forEach: {items: "${[1, 2, 3]}", parallel: false}
                    with: {message: "item ${item}"}
                """);
        assertThat(def.version()).isEqualTo(3);
        assertThat(def.inputs()).hasSize(3);
        assertThat(def.inputs().get(1).defaultValue()).isEqualTo(180_000L);
        assertThat(def.tasks().get(0).retry().maxAttempts()).isEqualTo(4);
        assertThat(def.tasks().get(0).timeout()).hasSeconds(30);
        assertThat(def.tasks().get(1).forEach().parallel()).isFalse();
    }

    @Test
    void aCycleIsReportedWithTheTasksOnIt() {
        assertThat(problems("""
                id: loop
                name: Loop
                tasks:
                  - id: a
                    type: log
                    dependsOn: [c]
                    with: {message: a}
                  - id: b
                    type: log
                    dependsOn: [a]
                    with: {message: b}
                  - id: c
                    type: log
                    dependsOn: [b]
                    with: {message: c}
                """)).singleElement().asString().startsWith("test.yaml:").contains("tasks: a cycle:")
                .contains("a →").contains("b →").contains("c →");
    }

    @Test
    void unknownTypesMissingTargetsBadExpressionsAndWrongDefaultsAreEachReportedAtTheirLine() {
        List<String> p = problems("""
                id: bad
                name: Bad
                inputs:
                  n: {type: number, default: lots}
                tasks:
                  - id: a
                    type: lgo
                    with: {message: x}
                  - id: b
                    type: log
                    dependsOn: [nothere]
                    with: {message: x}
                  - id: c
                    type: log
                    when: "tasks.a.output =="
                    with: {message: x}
                """);
        assertThat(p).anyMatch(s -> s.startsWith("test.yaml:4: inputs.n.default: 'lots' is not a number"));
        assertThat(p).anyMatch(s -> s.startsWith("test.yaml:6: tasks[0].type: unknown task type 'lgo'")
                && s.contains("did you mean 'log'"));
        assertThat(p).anyMatch(s -> s.startsWith("test.yaml:9: tasks[1].dependsOn: 'nothere' is not a task"));
        assertThat(p).anyMatch(s -> s.startsWith("test.yaml:13: tasks[2].when:") && s.contains("not a valid"));
    }

    @Test
    void expressionsThatReachForJavaClassesOrFilesAreRefusedBeforeAnythingRuns() {
        for (String expr : List.of("''.class.forName('java.lang.Runtime')", "new('java.io.File', '/etc/passwd')",
                "java.lang.System.exit(1)", "inputs.getClass()", "x = 1", "for (i : [1]) { i }")) {
            List<String> p = problems("""
                    id: evil
                    name: Evil
                    tasks:
                      - id: a
                        type: log
                        when: "%s"
                        with: {message: x}
                    """.formatted(expr.replace("\"", "\\\"")));
            assertThat(p).as(expr).isNotEmpty().allMatch(s -> s.contains("tasks[0].when"));
        }
    }

    @Test
    void malformedYamlAnAliasBombAndAHugeFileAreRefusedWithAClearMessage() {
        assertThat(problems("id: x\nname: [unclosed\n")).singleElement().asString().contains("not valid YAML");
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 0; i < 30; i++) {
            bomb.append("l").append(i).append(": &l").append(i).append(" [*a, *a, *a, *a, *a, *a, *a, *a]\n");
        }
        assertThat(problems(bomb.toString())).singleElement().asString().contains("aliases");
        String huge = "id: x\nname: x\ndescription: " + "y".repeat(11 * 1024 * 1024) + "\ntasks: []\n";
        assertThat(problems(huge)).singleElement().asString().contains("may be at most");
    }

    @Test
    void unknownFieldsAndParametersAreNamed() {
        List<String> p = problems("""
                id: x
                name: X
                colour: red
                tasks:
                  - id: a
                    type: log
                    with: {mesage: hi}
                """);
        assertThat(p).anyMatch(s -> s.contains("colour: unknown field"));
        assertThat(p).anyMatch(s -> s.contains("tasks[0].with.mesage") && s.contains("not a parameter"));
        assertThat(p).anyMatch(s -> s.contains("tasks[0].with.message") && s.contains("required"));
    }
}
