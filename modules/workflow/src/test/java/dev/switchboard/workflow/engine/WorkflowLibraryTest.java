package dev.switchboard.workflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.workflow.engine.tasks.BuiltInTasks;
import dev.switchboard.workflow.model.InputType;
import dev.switchboard.workflow.model.WorkflowDefinition;
import dev.switchboard.workflow.spi.TaskType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkflowLibraryTest {

    private final TaskTypes types = TaskTypes.standard(List.of());
    private final Expressions expressions = new Expressions();

    /** The repository's resources/workflows, found by walking up from the module. */
    static Path folder() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("resources/workflows"))) {
                return p.resolve("resources/workflows");
            }
        }
        throw new IllegalStateException("resources/workflows not found above " + Path.of("").toAbsolutePath());
    }

    @Test
    void theBundledExercisesLoadWithoutProblemsAndTheIndexListsEveryFile() throws IOException {
        WorkflowLibrary lib = WorkflowLibrary.load(List.of(), types, expressions);
        assertThat(lib.problems()).isEmpty();
        assertThat(lib.workflows()).extracting(WorkflowDefinition::id)
                .containsExactly("earthquake-shift", "gang-violence-escalation", "multi-call-surge");
        assertThat(lib.workflows()).allMatch(WorkflowDefinition::exercise);
        try (Stream<Path> files = Files.list(folder())) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml")))
                    .containsExactlyInAnyOrderElementsOf(WorkflowLibrary.bundledNames());
        }
    }

    @Test
    void aBrokenFileInTheFolderIsReportedAndTheRestStillLoads(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("broken.yaml"), "id: broken\nname: [\n");
        Files.writeString(dir.resolve("mine.yaml"), "id: mine\nname: Mine\ntasks:\n  - {id: a, type: noop}\n");
        WorkflowLibrary lib = WorkflowLibrary.load(List.of(dir), types, expressions);
        assertThat(lib.find("mine")).isPresent();
        assertThat(lib.find("earthquake-shift")).isPresent();
        assertThat(lib.problems()).singleElement().asString().contains("broken.yaml:");
    }

    @Test
    void theSchemaNamesExactlyTheFieldsTheReaderAccepts() throws IOException {
        JsonNode schema = new ObjectMapper().readTree(folder().resolve("workflow.schema.json").toFile());
        assertThat(names(schema.get("properties"))).containsExactlyElementsOf(WorkflowReader.TOP);
        assertThat(names(schema.at("/$defs/task/properties"))).containsExactlyElementsOf(WorkflowReader.TASK);
        assertThat(names(schema.at("/$defs/retry/properties"))).containsExactlyElementsOf(WorkflowReader.RETRY);
        assertThat(names(schema.at("/$defs/forEach/properties"))).containsExactlyElementsOf(WorkflowReader.FOR_EACH);
        assertThat(names(schema.at("/$defs/input/oneOf/1/properties"))).containsExactlyElementsOf(WorkflowReader.INPUT);
        assertThat(texts(schema.at("/$defs/input/oneOf/1/properties/type/enum")))
                .containsExactlyElementsOf(Arrays.stream(InputType.values()).map(InputType::word).toList());
        assertThat(texts(schema.at("/properties/kind/enum"))).containsExactlyElementsOf(WorkflowReader.KINDS);
        assertThat(texts(schema.at("/$defs/task/properties/type/examples")))
                .containsExactlyElementsOf(BuiltInTasks.all().stream().map(TaskType::name).toList());
    }

    private static List<String> names(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
