package dev.switchboard.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StrictJsonTest {

    enum Kind { FIRE, MEDICAL, POLICE }

    record Extracted(String address, Kind kind, int injured, List<String> hazards) {
    }

    record Checked(int units) {
        Checked {
            if (units < 1) {
                throw new IllegalArgumentException("units must be at least 1");
            }
        }
    }

    private static final String GOOD =
            "{\"address\":\"2-1 Dogenzaka\",\"kind\":\"FIRE\",\"injured\":2,\"hazards\":[\"gas\"]}";

    @Test
    void readsAWellFormedObject() {
        assertThat(StrictJson.parse("  " + GOOD + "\n", Extracted.class))
                .contains(new Extracted("2-1 Dogenzaka", Kind.FIRE, 2, List.of("gas")));
    }

    @Test
    void refusesUnknownFields() {
        StrictJson.Parsed<Extracted> p = StrictJson.read(GOOD.replace("}", ",\"command\":\"rm -rf\"}"),
                Extracted.class, false);

        assertThat(p.ok()).isFalse();
        assertThat(p.problem()).contains("command");
    }

    @Test
    void refusesMissingAndNullFields() {
        assertThat(StrictJson.read("{\"address\":\"x\",\"kind\":\"FIRE\",\"hazards\":[]}", Extracted.class, false)
                .problem()).contains("injured");
        assertThat(StrictJson.parse("{\"address\":null,\"kind\":\"FIRE\",\"injured\":0,\"hazards\":[]}",
                Extracted.class)).isEmpty();
    }

    @Test
    void refusesUnknownEnumsAndLooseTypes() {
        assertThat(StrictJson.parse(GOOD.replace("FIRE", "ARSON"), Extracted.class)).isEmpty();
        assertThat(StrictJson.parse(GOOD.replace("FIRE", "fire"), Extracted.class)).isEmpty();
        assertThat(StrictJson.parse(GOOD.replace("\"kind\":\"FIRE\"", "\"kind\":0"), Extracted.class)).isEmpty();
        assertThat(StrictJson.parse(GOOD.replace("\"injured\":2", "\"injured\":\"2\""), Extracted.class)).isEmpty();
        assertThat(StrictJson.parse(GOOD.replace("\"injured\":2", "\"injured\":2.5"), Extracted.class)).isEmpty();
        assertThat(StrictJson.parse(GOOD.replace("\"2-1 Dogenzaka\"", "21"), Extracted.class)).isEmpty();
        assertThat(StrictJson.parse(GOOD.replace("[\"gas\"]", "\"gas\""), Extracted.class)).isEmpty();
    }

    @Test
    void refusesGarbageDuplicatesAndTrailingText() {
        assertThat(StrictJson.read("I think the address is Dogenzaka.", Extracted.class, false).problem())
                .isEqualTo("not a JSON object");
        assertThat(StrictJson.parse("", Extracted.class)).isEmpty();
        assertThat(StrictJson.parse(null, Extracted.class)).isEmpty();
        assertThat(StrictJson.parse("{\"address\":", Extracted.class)).isEmpty();
        assertThat(StrictJson.parse("[" + GOOD + "]", Extracted.class)).isEmpty();
        assertThat(StrictJson.parse(GOOD + " and more", Extracted.class)).isEmpty();
        assertThat(StrictJson.parse(GOOD.replace("{", "{\"injured\":1,"), Extracted.class)).isEmpty();
        assertThat(StrictJson.parse("```json\n" + GOOD + "\n```", Extracted.class)).as("strict mode").isEmpty();
    }

    @Test
    void theRecordsOwnRulesApply() {
        assertThat(StrictJson.parse("{\"units\":3}", Checked.class)).contains(new Checked(3));
        assertThat(StrictJson.read("{\"units\":0}", Checked.class, false).problem()).contains("units must be");
    }

    @Test
    void embeddedModeTakesTheFirstObjectFromAFenceOrSentence() {
        assertThat(StrictJson.parseEmbedded("```json\n" + GOOD + "\n```", Extracted.class)).isPresent();
        assertThat(StrictJson.parseEmbedded("Sure! Here it is: " + GOOD + " Anything else?", Extracted.class))
                .isPresent();
        String braces = "{\"address\":\"a } { b\",\"kind\":\"POLICE\",\"injured\":0,\"hazards\":[\"\\\"}\"]}";
        assertThat(StrictJson.parseEmbedded("x " + braces + " {\"other\":1}", Extracted.class))
                .contains(new Extracted("a } { b", Kind.POLICE, 0, List.of("\"}")));
        assertThat(StrictJson.read("no json here", Extracted.class, true).problem()).isEqualTo("no JSON object found");
        assertThat(StrictJson.parseEmbedded("```json\n{\"address\": \n```", Extracted.class)).isEmpty();
    }

    @Test
    void refusesOversizedOutput() {
        String huge = "{\"address\":\"" + "x".repeat(StrictJson.MAX_CHARS) + "\"}";
        assertThat(StrictJson.read(huge, Extracted.class, false).problem()).startsWith("output longer than");
    }
}
