package dev.switchboard.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallExtractCommandTest {

    @TempDir
    Path temp;

    private CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void printsTheEntitiesAsJsonWithoutEchoingTheInput() throws IOException {
        String text = "zebra help a man with a knife at 2-21-1 Shibuya, Shibuya-ku, call 090 1234 5678";
        CliRun r = run("call", "extract", "--text", text);
        assertThat(r.code()).isZero();
        assertThat(r.out()).doesNotContain("zebra");
        JsonNode es = new ObjectMapper().readTree(r.out());
        assertThat(es.isArray()).isTrue();
        JsonNode phone = null;
        for (JsonNode e : es) {
            assertThat(e.fieldNames()).toIterable().containsExactly("type", "value", "text", "start", "end",
                    "confidence");
            assertThat(text.substring(e.get("start").asInt(), e.get("end").asInt())).isEqualTo(e.get("text")
                    .asText());
            if (e.get("type").asText().equals("PHONE")) {
                phone = e;
            }
        }
        assertThat(phone).isNotNull();
        assertThat(phone.get("value").asText()).isEqualTo("09012345678");
        assertThat(r.out()).contains("\"WARD\"").contains("\"Shibuya\"").contains("\"WEAPON\"")
                .contains("\"2-21-1 Shibuya\"");
    }

    @Test
    void nothingFoundIsAnEmptyArray() {
        CliRun r = run("call", "extract", "--text", "good morning");
        assertThat(r.code()).isZero();
        assertThat(r.out().strip()).isEqualTo("[]");
    }

    @Test
    void emptyTextIsAClearErrorAndANonZeroExit() {
        CliRun blank = run("call", "extract", "--text", "  ");
        assertThat(blank.code()).isNotZero();
        assertThat(blank.err()).contains("--text").doesNotContain("Exception");
        CliRun missing = run("call", "extract");
        assertThat(missing.code()).isNotZero();
        assertThat(missing.err()).contains("--text");
    }

    @Test
    void textOverTheLimitIsRefusedWithTheLimit() {
        CliRun r = run("call", "extract", "--text", "he has a knife ".repeat(7000));
        assertThat(r.code()).isNotZero();
        assertThat(r.err()).contains("--text").contains("105,000 characters").contains("100,000")
                .doesNotContain("Exception");
    }

    @Test
    void aShortAnswerReadsTheQuestionItAnswers() {
        CliRun r = run("call", "extract", "--after", "Is he breathing?", "--text", "No.");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("\"BREATHING\"").contains("\"no\"");
    }

    @Test
    void aCentreGazetteerAddsPlaces() throws IOException {
        Path extra = temp.resolve("centre.json");
        Files.writeString(extra, "{\"landmarks\": [{\"name\": \"Koto Training Centre\", \"ward\": \"koto\", "
                + "\"lat\": 35.66, \"lon\": 139.81}]}");
        CliRun r = run("call", "extract", "--gazetteer", extra.toString(), "--text", "at the koto training centre");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("\"LANDMARK\"").contains("Koto Training Centre");
    }

    @Test
    void benchPrintsTimePerUtterance() {
        CliRun r = run("bench", "entities", "--rounds", "1", "--runs", "1", "--long-input", "2000");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("entities:").containsPattern("run 1: mean [0-9.]+ us, p50 [0-9.]+ us, "
                + "p99 [0-9.]+ us").containsPattern("over 1 runs: p50 [0-9.]+/[0-9.]+/[0-9.]+ us")
                .contains("load average").contains("2,000 characters")
                .containsPattern("held-out proxy of real calls \\(A\\+B\\), 390 utterances: precision [0-9.]+, "
                        + "recall [0-9.]+ clean; [0-9.]+, [0-9.]+ noisy")
                .contains("part B").contains("development set").containsPattern("BREATHING +[0-9.]+");
    }
}
