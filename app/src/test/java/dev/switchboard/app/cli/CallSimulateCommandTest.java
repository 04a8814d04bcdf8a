package dev.switchboard.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.app.Workstation;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.speech.WavAudio;
import dev.switchboard.speech.WavFiles;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.session.RecordingInfo;
import dev.switchboard.store.session.SessionSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code call simulate} and {@code call scenarios} end to end, with the bundled scenarios and scripts. */
class CallSimulateCommandTest {

    /** The repository's scripts folder; the tests run with the app module as working directory. */
    private static final Path SCRIPTS = Path.of("..", "resources", "scenarios", "scripts");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private Path password;

    private CliRun run(String... args) {
        return CliRun.of(args);
    }

    /** {@code call simulate} as the trainee yui (signed in); other commands as given. */
    private CliRun simulate(String... args) {
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of("--data-dir", data().toString(),
                "call", "simulate", "--as", "yui", "--password-file", password.toString()));
        all.addAll(java.util.List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    @org.junit.jupiter.api.BeforeEach
    void accounts() throws IOException {
        password = Files.writeString(temp.resolve("pw.txt"), "correct-horse-1\n");
        try (Workstation ws = Workstation.open(DataDir.of(data()), Clock.systemUTC())) {
            dev.switchboard.core.account.Account boss = ws.accounts().createFirstInstructor("ito", "Ito Mei",
                    "correct-horse-1".toCharArray());
            ws.accounts().createAccount(boss, "yui", "Yui Trainee", dev.switchboard.core.account.Role.TRAINEE,
                    "correct-horse-1".toCharArray());
            ws.accounts().createAccount(boss, "ken", "Ken Trainee", dev.switchboard.core.account.Role.TRAINEE,
                    "correct-horse-1".toCharArray());
        }
    }

    private Path data() {
        return temp.resolve("data");
    }

    /** One full call per category: stored, dispatched with the right units, scored with evidence, recorded. */
    @ParameterizedTest
    @ValueSource(strings = {"police-burglary-in-progress", "fire-structure-trapped", "ems-cardiac-arrest",
        "traffic-pedestrian-hit-and-run", "other-open-line"})
    void aBundledScriptRunsAWholeCallIntoTheDatabase(String scenario) throws IOException {
        CliRun r = simulate("--scenario", scenario,
                "--operator-script", SCRIPTS.resolve(scenario + ".script").toString(), "--json");

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode call = JSON.readTree(r.out());
        assertThat(call.get("scenario").asText()).isEqualTo(scenario);
        assertThat(call.get("transcript").size()).isGreaterThan(6);
        assertThat(call.get("notes")).as("every scripted step was accepted").isEmpty();
        JsonNode dispatch = call.get("dispatch");
        assertThat(dispatch.isNull()).as("dispatched").isFalse();
        assertThat(call.get("cad").has("LOCATION")).as("location verified").isTrue();
        JsonNode score = call.get("score");
        assertThat(score.get("total").asDouble()).isBetween(50.0, 100.0);
        Map<String, JsonNode> items = new HashMap<>();
        score.get("items").forEach(i -> items.put(i.get("id").asText(), i));
        assertThat(items.get("location-verified").get("earned").asDouble()).isPositive();
        assertThat(items.get("dispatch-time").get("earned").asDouble()).isPositive();
        assertThat(items.get("callback").get("earned").asDouble()).isEqualTo(1.0);
        assertThat(items.get("callback").get("atMs").asLong()).isPositive();
        assertThat(items.get("answer-time").get("evidence").asText()).startsWith("Answer ")
                .contains("answer: from first ring").endsWith(": met");

        SessionId session = new SessionId(call.get("session").asText());
        try (Workstation ws = Workstation.open(DataDir.of(data()), Clock.systemUTC())) {
            SessionSummary s = ws.sessions().find(session).orElseThrow();
            assertThat(s.status()).isEqualTo("complete");
            assertThat(s.kind()).isEqualTo("call");
            assertThat(s.score()).isEqualTo(score.get("total").asDouble());
            assertThat(ws.eventLog().verify(Optional.of(session)).firstBreak()).isEmpty();
            RecordingInfo rec = ws.recordings().of(session).get(0);
            assertThat(rec.status()).isEqualTo("complete");
            WavAudio wav = WavFiles.read(ws.dataDir().recordings().resolve(rec.file()));
            assertThat(wav.channels()).isEqualTo(2);
            assertThat(wav.durationMs()).isEqualTo(rec.durationMs());
        }
    }

    @Test
    void theTextReportShowsTranscriptCadDispatchAndEachScoreItem() {
        CliRun r = simulate("--scenario", "fire-structure-trapped",
                "--operator-script", SCRIPTS.resolve("fire-structure-trapped.script").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Transcript", "trainee  Fire and ambulance, what is the address",
                "Entities", "CAD form", "NATURE_CODE  FIRE-STRUCT", "Dispatch", "Score ", "answer-time",
                "location-verified", "Recording ");
    }

    @Test
    void aBadScriptLineNamesTheFileAndLine() throws IOException {
        Path script = temp.resolve("bad.script");
        Files.writeString(script, "# opening\nHello, what is the address?\n/hold soon\n");
        CliRun r = simulate("--scenario", "fire-structure-trapped",
                "--operator-script", script.toString());
        assertThat(r.code()).isNotZero();
        assertThat(r.err()).contains(script + ":3: ").contains("'soon' is not a number");
    }

    @Test
    void anUnknownScenarioListsTheKnownOnes() {
        CliRun r = simulate("--scenario", "nope",
                "--operator-script", SCRIPTS.resolve("fire-structure-trapped.script").toString());
        assertThat(r.code()).isNotZero();
        assertThat(r.err()).contains("no scenario 'nope'").contains("fire-structure-trapped");
    }

    @Test
    void scenariosListsTheLibrary() {
        CliRun r = run("call", "scenarios");
        assertThat(r.out()).contains("fire-structure-trapped").contains("FIRE-STRUCT").contains("16 scenarios");
    }

    /**
     * {@code --voice}: each trainee line is a WAV (made here with {@code speech say}), Vosk transcribes it, the audio
     * goes to the trainee's channel and the caller speaks into the caller's.
     */
    @Test
    void aVoiceScriptIsTranscribedAndBothSidesAreRecorded() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("voice"));
        String[] lines = {"Ambulance, what is the address of your emergency?", "What number are you calling from?",
            "Is she breathing?"};
        StringBuilder script = new StringBuilder("@4\n");
        for (int i = 0; i < lines.length; i++) {
            CliRun say = run("--data-dir", data().toString(), "speech", "say", lines[i], "--out",
                    dir.resolve("line" + i + ".wav").toString());
            assertThat(say.code()).as(say.err()).isZero();
            script.append("line").append(i).append(".wav\n");
        }
        script.append("/end\n");
        Files.writeString(dir.resolve("call.script"), script);

        CliRun r = simulate("--scenario", "ems-elderly-fall",
                "--operator-script", dir.resolve("call.script").toString(), "--voice", "--json");

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode call = JSON.readTree(r.out());
        java.util.List<JsonNode> trainee = new java.util.ArrayList<>();
        call.get("transcript").forEach(u -> {
            if (u.get("speaker").asText().equals("trainee")) {
                trainee.add(u);
            }
        });
        assertThat(trainee).hasSize(3);
        assertThat(trainee).allSatisfy(u -> {
            assertThat(u.get("source").asText()).isEqualTo("voice");
            assertThat(u.get("words").size()).isPositive();
        });
        assertThat(trainee.get(0).get("text").asText()).contains("address");
        assertThat(trainee.get(1).get("text").asText()).contains("number");
        assertThat(trainee.get(0).get("intents").toString()).contains("ASK_LOCATION");
        JsonNode recording = call.get("recordings").get(0);
        WavAudio wav = WavFiles.read(Path.of(recording.get("file").asText()));
        assertThat(wav.channels()).isEqualTo(2);
        assertThat(peak(wav.channel(0))).as("the caller spoke").isGreaterThan(1000);
        assertThat(peak(wav.channel(1))).as("the trainee's lines are recorded").isGreaterThan(1000);
    }

    private static int peak(dev.switchboard.speech.Pcm pcm) {
        int max = 0;
        for (short v : pcm.samples()) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }
}
