package dev.switchboard.calltaking.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.calltaking.engine.caller.Intent;
import dev.switchboard.core.incident.ResponderType;
import java.util.ArrayList;
import java.util.Arrays;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioLibraryTest {

    private static final Set<String> WARDS = Set.of("chiyoda", "chuo", "minato", "shinjuku", "bunkyo", "taito",
            "sumida", "koto", "shinagawa", "meguro", "ota", "setagaya", "shibuya", "nakano", "suginami", "toshima",
            "kita", "arakawa", "itabashi", "nerima", "adachi", "katsushika", "edogawa");

    @TempDir
    Path dir;

    @Test
    void bundledLibraryLoadsWithoutProblems() {
        ScenarioLibrary library = ScenarioLibrary.bundled();

        assertThat(library.problems()).isEmpty();
        assertThat(library.scenarios()).hasSizeGreaterThanOrEqualTo(15);
        assertThat(library.scenarios()).extracting(Scenario::category).contains("police", "fire", "ems", "traffic",
                "other");
        assertThat(library.scenarios()).extracting(Scenario::source).allMatch(s -> s.startsWith("bundled:"));
    }

    @Test
    void bundledLibraryCoversTheTrainingCallsAskedFor() {
        Set<String> codes = ScenarioLibrary.bundled().scenarios().stream().map(s -> s.nature().code())
                .collect(Collectors.toSet());

        assertThat(codes).contains("FIRE-STRUCT", "MED-CARDIAC", "MED-CHOKING", "POL-DV", "TRF-EXPRESSWAY",
                "HAZ-GAS", "POL-SUICIDE", "POL-BURGLARY", "POL-MISSING-CHILD", "MED-FALL", "MED-OVERDOSE",
                "DIS-COLLAPSE", "HAZ-SPILL", "OPEN-LINE", "NON-EMERGENCY");
    }

    @Test
    void everyBundledScenarioIsSetInTokyoAndPlayable() {
        for (Scenario s : ScenarioLibrary.bundled().scenarios()) {
            String id = s.id();
            assertThat(WARDS).as(id + " ward").contains(s.location().wardId());
            assertThat(s.location().lat()).as(id + " lat").isBetween(35.50, 35.85);
            assertThat(s.location().lon()).as(id + " lon").isBetween(139.55, 139.95);
            assertThat(s.callback()).as(id + " callback").matches("0\\d{9,10}");
            assertThat(s.facts()).as(id + " opening").anyMatch(f -> f.reveal() == Reveal.ALWAYS_OPENING);
            assertThat(s.facts()).as(id + " location fact").anyMatch(f -> f.answers().contains(Intent.ASK_LOCATION));
            assertThat(s.expectedActions()).as(id + " actions").isNotEmpty();
            assertThat(s.facts().stream().map(Fact::id).distinct().count()).as(id + " fact ids")
                    .isEqualTo(s.facts().size());
            if (!"NON-EMERGENCY".equals(s.nature().code())) {
                assertThat(s.requiredUnits()).as(id + " units").isNotEmpty();
                assertThat(s.expectedActions()).as(id + " location is first")
                        .filteredOn(a -> a.order() == 1)
                        .anyMatch(a -> a.satisfiedBy().contains(Intent.ASK_LOCATION));
            }
        }
    }

    @Test
    void indexListsEveryBundledFile() throws IOException {
        Path folder = scenarioFolder();
        Set<String> onDisk;
        try (Stream<Path> files = Files.list(folder)) {
            onDisk = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .collect(Collectors.toSet());
        }
        List<String> index = Files.readAllLines(folder.resolve("index.txt")).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();

        assertThat(new HashSet<>(index)).isEqualTo(onDisk);
        assertThat(index).doesNotHaveDuplicates();
    }

    @Test
    void publishedSchemaAgreesWithTheLoader() throws IOException {
        JsonNode schema = new ObjectMapper().readTree(scenarioFolder().resolve("scenario.schema.json").toFile());
        JsonNode props = schema.get("properties");

        assertThat(names(props)).containsExactlyInAnyOrder("id", "title", "category", "summary", "caller",
                "location", "callback", "nature", "facts", "emotion", "expectedActions", "requiredUnits", "targets",
                "events");
        assertThat(texts(schema.at("/$defs/intent/enum")))
                .containsExactlyElementsOf(Arrays.stream(Intent.values()).map(Enum::name).toList());
        assertThat(texts(props.at("/category/enum"))).containsExactlyElementsOf(Scenario.CATEGORIES);
        assertThat(texts(props.at("/caller/properties/language/enum"))).containsExactlyElementsOf(Persona.LANGUAGES);
        assertThat(texts(props.at("/events/items/properties/kind/enum"))).containsExactlyElementsOf(
                ScriptedEvent.KINDS);
        assertThat(texts(props.at("/facts/items/properties/reveal/enum")))
                .containsExactlyElementsOf(Arrays.stream(Reveal.values()).map(Enum::name).toList());
        assertThat(texts(props.at("/requiredUnits/items/enum")))
                .containsExactlyElementsOf(Arrays.stream(ResponderType.values()).map(Enum::name).toList());
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

    @Test
    void badYamlSyntaxNamesTheLineAndTheRestStillLoads() throws IOException {
        String text = valid("broken").replace("  age: 70\n", "  age: [70\n");
        write("broken.yaml", text);
        write("fine.yaml", valid("fine"));

        ScenarioLibrary library = ScenarioLibrary.load(List.of(dir));

        ScenarioProblem p = only(library, "broken.yaml");
        assertThat(p.message()).startsWith("not valid YAML");
        assertThat(p.line()).isBetween(lineOf(text, "age: [70"), lineOf(text, "age: [70") + 2);
        assertThat(library.find("fine")).isPresent();
        assertThat(library.find("broken")).isEmpty();
        assertThat(library.scenarios()).hasSize(ScenarioLibrary.bundled().scenarios().size() + 1);
    }

    @Test
    void missingFieldNamesTheFieldAndTheLineOfItsParent() throws IOException {
        String text = valid("no-ward").replace("  ward: Nakano\n", "");
        write("no-ward.yaml", text);

        ScenarioProblem p = only(ScenarioLibrary.load(List.of(dir)), "no-ward.yaml");

        assertThat(p.field()).isEqualTo("location.ward");
        assertThat(p.message()).isEqualTo("is required");
        assertThat(p.line()).isEqualTo(lineOf(text, "wardId: nakano"));
    }

    @Test
    void badEnumGivesFileLineFieldAndTheAllowedValues() throws IOException {
        String text = valid("quake").replace("    reveal: WHEN_CALM\n", "    reveal: sometimes\n");
        write("earthquake.yaml", text);

        ScenarioProblem p = only(ScenarioLibrary.load(List.of(dir)), "earthquake.yaml");

        assertThat(p.field()).isEqualTo("facts[2].reveal");
        assertThat(p.line()).isEqualTo(lineOf(text, "reveal: sometimes"));
        assertThat(p.message()).isEqualTo("'sometimes' is not one of ALWAYS_OPENING, WHEN_ASKED, WHEN_CALM, "
                + "AFTER_EVENT");
        assertThat(p.toString()).isEqualTo(dir.resolve("earthquake.yaml") + ":" + p.line()
                + ": facts[2].reveal: " + p.message());
    }

    @Test
    void outOfRangeValuesAreReported() throws IOException {
        String text = valid("ranges").replace("  start: 0.4\n", "  start: 1.5\n")
                .replace("priority: 2}", "priority: 9}");
        write("ranges.yaml", text);

        List<ScenarioProblem> problems = problemsOf(ScenarioLibrary.load(List.of(dir)), "ranges.yaml");

        assertThat(problems).extracting(ScenarioProblem::field).containsExactlyInAnyOrder("emotion.start",
                "nature.priority");
        assertThat(problems).filteredOn(p -> p.field().equals("emotion.start")).singleElement()
                .satisfies(p -> {
                    assertThat(p.line()).isEqualTo(lineOf(text, "start: 1.5"));
                    assertThat(p.message()).isEqualTo("'1.5' is out of range 0..1");
                });
    }

    @Test
    void unknownIntentsUnitsAndFieldsAreReported() throws IOException {
        String text = valid("typos").replaceFirst("answers: \\[ASK_HAZARDS]", "answers: [ASK_HAZARD]")
                .replace("requiredUnits: [FIRE]", "requiredUnits: [FIRE, HELICOPTER]")
                .replace("summary:", "sumary:");
        write("typos.yaml", text);

        List<ScenarioProblem> problems = problemsOf(ScenarioLibrary.load(List.of(dir)), "typos.yaml");

        assertThat(problems).extracting(ScenarioProblem::field).containsExactlyInAnyOrder("facts[1].answers[0]",
                "requiredUnits[1]", "sumary");
        assertThat(problems).filteredOn(p -> p.field().equals("facts[1].answers[0]")).singleElement()
                .satisfies(p -> {
                    assertThat(p.line()).isEqualTo(lineOf(text, "answers: [ASK_HAZARD]"));
                    assertThat(p.message()).startsWith("'ASK_HAZARD' is not one of GREETING, ASK_LOCATION");
                });
    }

    @Test
    void afterEventFactNeedsAnEventThatNamesIt() throws IOException {
        String text = valid("orphan").replace("    fact: kettle\n", "");
        write("orphan.yaml", text);

        ScenarioProblem p = only(ScenarioLibrary.load(List.of(dir)), "orphan.yaml");

        assertThat(p.field()).isEqualTo("facts[3].reveal");
        assertThat(p.message()).contains("AFTER_EVENT but no event names it");
    }

    @Test
    void duplicateIdsAcrossInstructorFilesKeepTheFirst() throws IOException {
        write("a.yaml", valid("twin"));
        write("b.yaml", valid("twin").replace("title: Test call", "title: Second twin"));

        ScenarioLibrary library = ScenarioLibrary.load(List.of(dir));

        assertThat(library.find("twin")).get().extracting(Scenario::title).isEqualTo("Test call");
        ScenarioProblem p = only(library, "b.yaml");
        assertThat(p.field()).isEqualTo("id");
        assertThat(p.message()).contains("already used by " + dir.resolve("a.yaml"));
    }

    @Test
    void instructorFileReplacesABundledScenarioWithANote() throws IOException {
        write("my-gas.yaml", valid("fire-gas-leak").replace("title: Test call", "title: Our own gas call"));

        ScenarioLibrary library = ScenarioLibrary.load(List.of(dir, dir.resolve("missing-folder")));

        assertThat(library.find("fire-gas-leak")).get().extracting(Scenario::title).isEqualTo("Our own gas call");
        assertThat(library.scenarios()).hasSize(ScenarioLibrary.bundled().scenarios().size());
        assertThat(library.errors()).isEmpty();
        assertThat(only(library, "my-gas.yaml").message()).startsWith(ScenarioLibrary.NOTE + "replaces the bundled");
    }

    @Test
    void aValidFileReadsEveryField() {
        ScenarioLibrary checked = ScenarioLibrary.check("inline.yaml", valid("full"));

        assertThat(checked.problems()).isEmpty();
        Scenario s = checked.scenarios().getFirst();
        assertThat(s.callback()).isEqualTo("0312345678");
        assertThat(s.callbackSpoken()).isEqualTo("03-1234-5678");
        assertThat(s.caller().voice()).isEqualTo(new VoiceSettings(0.9, 0.9, 1.05));
        assertThat(s.facts()).extracting(Fact::reveal).containsExactly(Reveal.ALWAYS_OPENING, Reveal.WHEN_ASKED,
                Reveal.WHEN_CALM, Reveal.AFTER_EVENT);
        assertThat(s.facts().get(2).calmThreshold()).isEqualTo(0.3);
        assertThat(s.emotion().calms()).containsExactly("REASSURE", "thank you");
        assertThat(s.events().getFirst().facts()).containsExactly("kettle");
        assertThat(s.targets()).isEqualTo(new TimeTargets(15, 40, 90));
        assertThat(s.source()).isEqualTo("inline.yaml");
    }

    private static String valid(String id) {
        return """
                id: %s
                title: Test call
                category: fire
                summary: A small test call.
                caller:
                  name: Hideo Watanabe
                  age: 70
                  gender: male
                  voice: {rate: 0.9, pitch: 0.9, tract: 1.05}
                  language: fluent
                location:
                  wardId: nakano
                  ward: Nakano
                  address: 1-32-5 Nakano, Nakano-ku
                  lat: 35.7069
                  lon: 139.6646
                callback: 03-1234-5678
                nature: {code: HAZ-GAS, description: Gas leak, priority: 2}
                facts:
                  - id: opening
                    reveal: ALWAYS_OPENING
                    answer: "There's a smell of gas."
                  - id: hiss
                    answers: [ASK_HAZARDS]
                    answer: "I can hear a hiss."
                  - id: secret
                    answers: [ASK_WHAT_HAPPENED]
                    reveal: WHEN_CALM
                    calmThreshold: 0.3
                    answer: "I may have left the stove on."
                  - id: kettle
                    answers: [ASK_HAZARDS]
                    reveal: AFTER_EVENT
                    answer: "The kettle is boiling dry."
                emotion:
                  start: 0.4
                  calms: [REASSURE, "Thank you"]
                  drift: 0.03
                expectedActions:
                  - {id: location, label: Get the address, satisfiedBy: [ASK_LOCATION], weight: 3, order: 1}
                requiredUnits: [FIRE]
                targets: {answerSeconds: 15, locationSeconds: 40, dispatchSeconds: 90}
                events:
                  - atSecond: 30
                    kind: new-fact
                    text: "Now the kettle is screaming."
                    fact: kettle
                """.formatted(id);
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private ScenarioProblem only(ScenarioLibrary library, String name) {
        List<ScenarioProblem> problems = problemsOf(library, name);
        assertThat(problems).as("problems of " + name).hasSize(1);
        return problems.getFirst();
    }

    private List<ScenarioProblem> problemsOf(ScenarioLibrary library, String name) {
        return library.problems().stream().filter(p -> p.file().equals(dir.resolve(name).toString())).toList();
    }

    private static int lineOf(String text, String needle) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line contains " + needle);
    }

    /** The top-level resources/scenarios folder, found from the working directory (the module when Maven runs). */
    static Path scenarioFolder() {
        Path at = Path.of("").toAbsolutePath();
        while (at != null) {
            Path candidate = at.resolve("resources/scenarios");
            if (Files.isRegularFile(candidate.resolve("index.txt"))) {
                return candidate;
            }
            at = at.getParent();
        }
        throw new AssertionError("resources/scenarios not found above " + Path.of("").toAbsolutePath());
    }
}
