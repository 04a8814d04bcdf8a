package dev.switchboard.app.shell;

import dev.switchboard.app.Workstation;
import dev.switchboard.calltaking.engine.caller.OfflineCaller;
import dev.switchboard.calltaking.engine.scenario.Scenario;
import dev.switchboard.calltaking.engine.scenario.ScenarioLibrary;
import dev.switchboard.calltaking.engine.session.CallConfig;
import dev.switchboard.calltaking.engine.session.CallSession;
import dev.switchboard.calltaking.engine.session.ManualCallClock;
import dev.switchboard.calltaking.engine.session.OperatorScript;
import dev.switchboard.calltaking.engine.session.ScriptedCall;
import dev.switchboard.city.engine.sim.CallResponder;
import dev.switchboard.core.account.Account;
import dev.switchboard.speech.TextToSpeech;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recorded calls for an offline demo: the demo trainee takes a few bundled calls with their operator scripts, so a
 * supervisor opening Review on a fresh workstation has sessions to play, grade and sign off. The caller speaks
 * (MaryTTS) into the recording when the voice loads; otherwise the calls are recorded in text with a silent track.
 */
final class DemoCalls {

    /** The calls recorded: one each of EMS, fire and police. */
    static final List<String> SCENARIOS = List.of("ems-cardiac-arrest", "fire-structure-trapped",
            "police-burglary-in-progress");

    private static final Logger LOG = LoggerFactory.getLogger(DemoCalls.class);

    private DemoCalls() {
    }

    /** Records the demo calls as {@code trainee}; returns the sessions' ids. */
    static List<String> record(Workstation ws, Account trainee, boolean voice) {
        ScenarioLibrary library = ScenarioLibrary.bundled();
        TextToSpeech tts = voice && ws.speech().tts().available() ? ws.speech().tts() : null;
        List<String> ids = new ArrayList<>();
        long seed = 7;
        // A quiet city answers the dispatches, so the recordings hold the units' response for review's replay.
        try (CallResponder city = CallResponder.start(ws.bus(), seed)) {
            for (String id : SCENARIOS) {
                recordOne(ws, trainee, library, tts, id, seed++, city).ifPresent(ids::add);
            }
        }
        LOG.info("Recorded {} demo calls for {}", ids.size(), trainee.username());
        return ids;
    }

    private static Optional<String> recordOne(Workstation ws, Account trainee, ScenarioLibrary library,
                                              TextToSpeech tts, String id, long seed, CallResponder city) {
        Optional<Scenario> scenario = library.find(id);
        Optional<OperatorScript> script = script(id);
        if (scenario.isEmpty() || script.isEmpty()) {
            LOG.warn("Demo call {} skipped: scenario or script missing", id);
            return Optional.empty();
        }
        ManualCallClock clock = new ManualCallClock();
        CallConfig config = new CallConfig(scenario.get(), seed, trainee.id(), trainee.displayName(), false, false);
        CallSession call = ws.newCall(config, new OfflineCaller(scenario.get(), seed), clock, tts);
        long cityStart = city.elapsedMs();
        new ScriptedCall(script.get(), call, clock, null, null)
                .withTicker(ms -> city.advanceTo(cityStart + ms)).run();
        return Optional.of(call.session().value());
    }

    private static Optional<OperatorScript> script(String scenarioId) {
        String resource = "/scenarios/scripts/" + scenarioId + ".script";
        try (InputStream in = DemoCalls.class.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            return Optional.of(OperatorScript.parse(Path.of("bundled:" + scenarioId + ".script"), lines));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
