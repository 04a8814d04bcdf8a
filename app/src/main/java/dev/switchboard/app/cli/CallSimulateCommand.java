package dev.switchboard.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.app.Workstation;
import dev.switchboard.calltaking.engine.cad.CadField;
import dev.switchboard.calltaking.engine.caller.CallerEngine;
import dev.switchboard.calltaking.engine.caller.LlmCaller;
import dev.switchboard.calltaking.engine.caller.OfflineCaller;
import dev.switchboard.calltaking.engine.scenario.Scenario;
import dev.switchboard.calltaking.engine.scenario.ScenarioLibrary;
import dev.switchboard.calltaking.engine.scoring.CallHistory;
import dev.switchboard.calltaking.engine.session.CallConfig;
import dev.switchboard.calltaking.engine.session.CallSettings;
import dev.switchboard.calltaking.engine.session.CallSession;
import dev.switchboard.calltaking.engine.session.ManualCallClock;
import dev.switchboard.calltaking.engine.session.OperatorScript;
import dev.switchboard.calltaking.engine.session.ScriptedCall;
import dev.switchboard.city.engine.sim.CallResponder;
import dev.switchboard.calltaking.model.CallLog;
import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.AuditAction;
import dev.switchboard.core.account.AuditRecord;
import dev.switchboard.core.account.Role;
import dev.switchboard.core.error.InputException;
import dev.switchboard.core.error.SwitchboardException;
import dev.switchboard.speech.Speech;
import dev.switchboard.speech.SpeechToText;
import dev.switchboard.speech.TextToSpeech;
import dev.switchboard.store.session.RecordingInfo;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code switchboard call simulate}: one whole call with the trainee's side read from an operator script, on a
 * virtual clock, into the data dir's database as a real session (review opens it like any other).
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Run a whole call with scripted trainee lines on a virtual clock, store it as a session, and "
                + "print the transcript, entities, CAD form, dispatch and score with each item's evidence. "
                + "Script format: resources/scenarios/scripts/README.md.")
final class CallSimulateCommand implements Callable<Integer> {

    @ParentCommand
    CallCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--scenario", required = true, paramLabel = "ID", description = "Scenario id (call scenarios).")
    String scenarioId;

    @Option(names = "--operator-script", required = true, paramLabel = "FILE", description = "The trainee's lines.")
    Path scriptFile;

    @Option(names = "--voice", description = "Lines are WAV files, transcribed by Vosk; the caller speaks (TTS) "
            + "into the recording.")
    boolean voice;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the caller's randomness (default 42).")
    long seed;

    @Option(names = "--llm", description = "The caller's words come from the configured chat model (offline rules "
            + "when it fails).")
    boolean llm;

    @Option(names = "--scenarios-dir", paramLabel = "FOLDER", description = "An instructor's scenario folder "
            + "(besides <data dir>/scenarios, which is always read).")
    List<Path> scenarioDirs = List.of();

    @Mixin
    ReviewCommand.SignInMixin signIn;

    @Option(names = "--trainee", paramLabel = "USER", description = "The account the session is recorded under "
            + "(default: the one signed in with --as). Recording under someone else's name needs an instructor.")
    String trainee;

    @Option(names = "--max-length", paramLabel = "MINUTES", description = "The longest the call may run (default: "
            + "the setting call.maxLengthMinutes, 30); a script that would run longer is refused before it starts.")
    Integer maxLengthMinutes;

    @Override
    public Integer call() {
        ScenarioLibrary library = ScenarioLibrary.load(CallScenariosCommand.folders(parent.dataDir(), scenarioDirs));
        Scenario scenario = library.find(scenarioId).orElseThrow(() -> InputException.field("--scenario", "no "
                + "scenario '" + scenarioId + "'; known: " + library.scenarios().stream().map(Scenario::id)
                .collect(Collectors.joining(", "))));
        OperatorScript script = OperatorScript.read(scriptFile);
        try (Workstation ws = parent.openWorkstation(); Speech speech = voice ? Speech.offline(
                ws.dataDir().cache().resolve("speech")) : null) {
            long maxLengthMs = maxLength(ws);
            script.requireWithin(maxLengthMs);
            Account recordedAs = recordedAs(ws);
            TextToSpeech tts = null;
            SpeechToText stt = null;
            if (voice) {
                stt = speech.stt();
                if (!stt.available()) {
                    throw new SwitchboardException("--voice needs speech recognition, which is not available: "
                            + speech.status(), "Run without --voice, or check the speech models.");
                }
                tts = speech.tts();
            }
            CallerEngine offline = new OfflineCaller(scenario, seed);
            CallerEngine caller = llm ? new LlmCaller(scenario, seed, ws.ai(), offline) : offline;
            ManualCallClock clock = new ManualCallClock();
            CallConfig config = new CallConfig(scenario, seed, recordedAs.id(), recordedAs.displayName(), llm, voice,
                    maxLengthMs);
            CallSession call = ws.newCall(config, caller, clock, tts);
            ws.auditLog().record(new AuditRecord(ws.wallClock().instant(), signedIn.username(),
                    AuditAction.SESSION_RECORDING, recordedAs.username(), AuditRecord.Outcome.SUCCESS,
                    "call simulate " + scenario.id() + ", session " + call.session()));
            List<String> notes;
            // A quiet headless city answers the dispatch, so the session records the units' response.
            try (CallResponder city = CallResponder.start(ws.bus(), seed)) {
                notes = new ScriptedCall(script, call, clock, stt, null).withTicker(city::advanceTo).run();
            }
            CallHistory history = CallHistory.read(ws.eventLog(), call.session());
            List<RecordingInfo> recordings = ws.recordings().of(call.session());
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(toJson(call, scenario, history, notes, recordings, ws.dataDir().recordings()));
            } else {
                printText(out, call, scenario, history, notes, recordings, ws.dataDir().recordings());
            }
            out.flush();
        }
        return 0;
    }

    /** The signed-in account, set by {@link #recordedAs}. */
    private Account signedIn;

    /**
     * Whose session this is: the signed-in account's, or, for an instructor, the trainee named. Anyone else asking to
     * record under another person's name is refused, and the refusal audited.
     */
    private Account recordedAs(Workstation ws) {
        signedIn = Passwords.signIn(ws, signIn.username, signIn.passwordFile, "--password-file");
        if (trainee == null || trainee.isBlank() || trainee.trim().equalsIgnoreCase(signedIn.username())) {
            return signedIn;
        }
        Account person = ws.accounts().byUsername(trainee).orElseThrow(() -> InputException.field("--trainee",
                "no account '" + trainee + "'; a session is recorded under a real account (see 'switchboard "
                        + "accounts list')"));
        if (signedIn.role() != Role.INSTRUCTOR) {
            ws.auditLog().record(new AuditRecord(ws.wallClock().instant(), signedIn.username(),
                    AuditAction.SESSION_RECORDING, person.username(), AuditRecord.Outcome.DENIED,
                    "call simulate as another person needs an instructor"));
            throw new SwitchboardException("Only " + person.username() + " or an instructor can record a session "
                    + "under " + person.username() + "'s name.", "Sign in as " + person.username()
                    + ", or as an instructor.");
        }
        return person;
    }

    private long maxLength(Workstation ws) {
        int minutes = maxLengthMinutes != null ? maxLengthMinutes : ws.settings().get(CallSettings.MAX_LENGTH_MINUTES);
        try {
            CallSettings.MAX_LENGTH_MINUTES.check().accept(minutes);
        } catch (IllegalArgumentException e) {
            throw InputException.field("--max-length", e.getMessage());
        }
        return minutes * 60_000L;
    }

    // ---- text

    private void printText(PrintWriter out, CallSession call, Scenario scenario, CallHistory history,
                           List<String> notes, List<RecordingInfo> recordings, Path recordingsDir) {
        out.println("Call " + call.session() + ": " + scenario.id() + " \"" + scenario.title() + "\" (seed " + seed
                + ", " + (llm ? "llm" : "offline") + " caller" + (voice ? ", voice" : "") + ")");
        out.println();
        out.println("Transcript");
        for (CallLog.Utterance u : history.all(CallLog.Utterance.class)) {
            out.printf("  %s  %-7s  %s%s%n", clock(u.startMs()), u.speaker(), u.text(),
                    u.intents().isEmpty() ? "" : "   [" + String.join(", ", u.intents()) + "]");
        }
        for (CallLog.Control c : history.all(CallLog.Control.class)) {
            out.printf("  %s  %-7s  %s %s%n", clock(c.atMs()), "control", c.action(), c.detail());
        }
        out.println();
        out.println("Entities");
        for (CallLog.Entity e : history.all(CallLog.Entity.class)) {
            out.printf(Locale.ROOT, "  %s  %-7s  %-12s %-28s \"%s\" (%.2f)%n", clock(e.atMs()), e.speaker(),
                    e.type(), e.value(), e.text(), e.confidence());
        }
        out.println();
        out.println("CAD form");
        cadFields(history).forEach((field, edit) -> out.printf("  %-12s %-40s (%s, %s)%n", field, edit.newValue(),
                edit.by(), clock(edit.atMs())));
        out.println();
        out.println("Dispatch");
        history.first(CallLog.Dispatch.class).ifPresentOrElse(d -> out.printf(Locale.ROOT,
                        "  %s  %s P%d %s at %s (%s) %.5f,%.5f units %s%n", clock(d.atMs()), d.natureCode(),
                        d.priority(), d.nature(), d.address(), d.ward(), d.lat(), d.lon(),
                        String.join(", ", d.units())),
                () -> out.println("  not dispatched"));
        history.first(CallLog.Ended.class).ifPresent(e -> out.println("  ended " + clock(e.atMs()) + " "
                + e.reason()));
        out.println();
        history.first(CallLog.Score.class).ifPresent(s -> {
            out.printf(Locale.ROOT, "Score %.1f / 100%n", s.total());
            for (CallLog.ScoreItem i : s.items()) {
                out.printf(Locale.ROOT, "  %-18s %4.2f x %-3s %s: %s%s%n", i.id(), i.earned(), fmt(i.weight()),
                        i.label(), i.evidence(), i.atMs() < 0 ? "" : " @" + clock(i.atMs()));
            }
        });
        for (RecordingInfo r : recordings) {
            out.println("Recording " + recordingsDir.resolve(r.file()) + " (" + (r.durationMs() == null ? "?"
                    : clock(r.durationMs())) + ", " + r.status() + ")");
        }
        if (!notes.isEmpty()) {
            out.println();
            out.println("Notes");
            notes.forEach(n -> out.println("  " + n));
        }
    }

    // ---- JSON

    private String toJson(CallSession call, Scenario scenario, CallHistory history, List<String> notes,
                          List<RecordingInfo> recordings, Path recordingsDir) {
        ObjectMapper mapper = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        ObjectNode root = mapper.createObjectNode();
        root.put("session", call.session().value());
        root.put("scenario", scenario.id());
        root.put("title", scenario.title());
        root.put("seed", seed);
        root.put("callerMode", llm ? "llm" : "offline");
        root.set("transcript", mapper.valueToTree(history.all(CallLog.Utterance.class)));
        root.set("controls", mapper.valueToTree(history.all(CallLog.Control.class)));
        root.set("entities", mapper.valueToTree(history.all(CallLog.Entity.class)));
        ObjectNode cad = root.putObject("cad");
        cadFields(history).forEach((field, edit) -> cad.set(field, mapper.valueToTree(edit)));
        root.set("dispatch", history.first(CallLog.Dispatch.class).<com.fasterxml.jackson.databind.JsonNode>map(
                mapper::valueToTree).orElse(mapper.nullNode()));
        root.set("emotions", mapper.valueToTree(history.all(CallLog.Emotion.class)));
        root.set("ended", history.first(CallLog.Ended.class).<com.fasterxml.jackson.databind.JsonNode>map(
                mapper::valueToTree).orElse(mapper.nullNode()));
        root.set("score", history.first(CallLog.Score.class).<com.fasterxml.jackson.databind.JsonNode>map(
                mapper::valueToTree).orElse(mapper.nullNode()));
        ArrayNode recs = root.putArray("recordings");
        for (RecordingInfo r : recordings) {
            ObjectNode n = recs.addObject();
            n.put("file", recordingsDir.resolve(r.file()).toString());
            n.put("durationMs", r.durationMs());
            n.put("sha256", r.sha256());
            n.put("status", r.status());
        }
        root.set("notes", mapper.valueToTree(notes));
        return root.toString();
    }

    /** Each CAD field's last edit, in the form's order; the verified location last. */
    private static Map<String, CallLog.CadEdit> cadFields(CallHistory history) {
        Map<String, Integer> order = new java.util.HashMap<>();
        for (CadField f : CadField.values()) {
            order.put(f.name(), f.ordinal());
        }
        Map<String, CallLog.CadEdit> last = new TreeMap<>((a, b) -> Integer.compare(
                order.getOrDefault(a, Integer.MAX_VALUE), order.getOrDefault(b, Integer.MAX_VALUE)) != 0
                ? Integer.compare(order.getOrDefault(a, Integer.MAX_VALUE), order.getOrDefault(b, Integer.MAX_VALUE))
                : a.compareTo(b));
        for (CallLog.CadEdit e : history.all(CallLog.CadEdit.class)) {
            last.put(e.field(), e);
        }
        return last;
    }

    private static String clock(long ms) {
        return String.format(Locale.ROOT, "%02d:%04.1f", ms / 60_000, (ms % 60_000) / 1000.0);
    }

    private static String fmt(double weight) {
        return weight == Math.rint(weight) ? String.valueOf((long) weight) : String.valueOf(weight);
    }
}
