package dev.switchboard.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.calltaking.engine.scenario.Scenario;
import dev.switchboard.calltaking.model.CallLog;
import dev.switchboard.store.eventlog.EventLogEntry;
import dev.switchboard.store.session.SessionSummary;
import dev.switchboard.testkit.HeadlessFx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A trainee takes a whole call on the real console by keyboard: answer, ask, confirm, dispatch, hang up. */
@ExtendWith(HeadlessFx.class)
class CallConsoleSmokeTest {

    @TempDir
    Path temp;

    private WindowHarness ui;

    @AfterEach
    void close() {
        if (ui != null) {
            ui.close();
        }
    }

    private static List<SessionSummary> calls(WindowHarness ui) {
        return ui.workstation().sessions().recent(10).stream().filter(s -> s.kind().equals("call")).toList();
    }

    @Test
    void aVoiceModeThatCannotStartSaysSoAndKeepsSayingIt() {
        ui = new WindowHarness(temp.resolve("data")).start(true);
        ui.signIn("trainee", "trainee-demo");
        ui.await("#home-greeting");
        ui.click("#nav-call-console");
        ComboBox<Object> mode = ui.await("#call-input-mode");
        // This machine has no microphone (or, in a test, no speech engine): the mode cannot start.
        HeadlessFx.runOnFx(() -> mode.getSelectionModel().select(1));
        Label message = ui.await("#call-message");
        WindowHarness.waitUntil(() -> HeadlessFx.callOnFx(message::getText).matches(
                "(No microphone|Speech engine not available|The microphone could not start).*"));
        HeadlessFx.waitForFx();
        assertThat(HeadlessFx.callOnFx(() -> mode.getSelectionModel().getSelectedIndex())).isZero();
        Label status = ui.await("#call-voice-status");
        assertThat(HeadlessFx.callOnFx(status::getText)).isEqualTo(HeadlessFx.callOnFx(message::getText));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aTraineeTakesACallByKeyboardDispatchesItAndGetsAScore() {
        ui = new WindowHarness(temp.resolve("data")).start(true);
        ui.signIn("trainee", "trainee-demo");
        ui.await("#home-greeting");
        ui.click("#nav-call-console");

        CheckBox voice = ui.await("#call-caller-voice");
        HeadlessFx.runOnFx(() -> voice.setSelected(false));
        ComboBox<Scenario> scenario = ui.await("#call-scenario");
        HeadlessFx.runOnFx(() -> scenario.getItems().stream().filter(s -> s.id().equals("ems-elderly-fall"))
                .findFirst().ifPresent(scenario::setValue));
        // Two calls ring; the trainee answers the one that rang first, the other keeps ringing.
        ui.click("#call-next");
        ui.click("#call-next");
        javafx.scene.layout.HBox queue = ui.await("#call-queue");
        WindowHarness.waitUntil(() -> HeadlessFx.callOnFx(() -> queue.getChildren().size()) == 2);
        Label empty = ui.await("#call-transcript-empty");
        assertThat(HeadlessFx.callOnFx(empty::getText)).as("while it rings the console says to answer")
                .startsWith("The line is ringing");
        ui.await("#call-answer");
        ui.click("#call-answer");
        WindowHarness.waitUntil(() -> HeadlessFx.callOnFx(() -> queue.getChildren().size()) == 1);

        ListView<?> transcript = ui.await("#call-transcript");
        WindowHarness.waitUntil(() -> HeadlessFx.callOnFx(() -> transcript.getItems().size()) >= 1);
        ui.type("#call-input", "Ambulance, what is the address of your emergency?");
        ui.click("#call-send");

        // The caller gives the address; extraction puts it in the CAD form; the trainee confirms it.
        TextField address = ui.await("#cad-address");
        WindowHarness.waitUntil(() -> HeadlessFx.callOnFx(address::getText).contains("2-3-8"));
        assertThat(HeadlessFx.callOnFx(() -> transcript.getItems().size())).isGreaterThanOrEqualTo(3);
        ui.click("#cad-confirm-address");
        Label location = ui.await("#cad-location");
        WindowHarness.waitUntil(() -> HeadlessFx.callOnFx(location::getText).startsWith("Verified"));
        assertThat(HeadlessFx.callOnFx(location::getText)).contains("Sumida");
        ui.await("#cad-map");

        Button dispatch = ui.await("#call-dispatch");
        WindowHarness.waitUntil(() -> !HeadlessFx.callOnFx(dispatch::isDisabled));
        ui.click("#call-dispatch");
        Label message = ui.await("#call-message");
        WindowHarness.waitUntil(() -> HeadlessFx.callOnFx(message::getText).startsWith("Dispatched"));
        // The control room, built at sign-in, hears the dispatch and reports the ambulance back to the call.
        ListView<?> units = ui.await("#call-units");
        WindowHarness.waitUntil(() -> HeadlessFx.callOnFx(() -> units.getItems().size()) >= 1);

        // Responding units read as a state and minutes to the scene, never as coordinates.
        WindowHarness.waitUntil(() -> HeadlessFx.callOnFx(() -> units.getItems().stream()
                .map(u -> ((dev.switchboard.calltaking.model.CallLog.UnitUpdate) u).etaSeconds())
                .anyMatch(java.util.Objects::nonNull)));
        java.util.function.Supplier<List<String>> unitTexts = () -> HeadlessFx.callOnFx(() -> {
            units.layout();
            return units.lookupAll(".label").stream().filter(WindowHarness::showing)
                    .map(n -> ((Label) n).getText()).filter(java.util.Objects::nonNull).toList();
        });
        WindowHarness.waitUntil(() -> unitTexts.get().stream().anyMatch(t -> t.matches("ETA (\\d+ min|under a minute)"
                + "|on scene")));
        assertThat(unitTexts.get()).noneMatch(t -> t.matches(".*\\d+\\.\\d{4}.*"));
        for (SessionSummary call : calls(ui)) {
            assertThat(HeadlessFx.callOnFx(message::getText)).as("no session id on screen")
                    .doesNotContain(call.id().value());
        }

        // "Show on the control-room map" opens the control room on the call's incident.
        Button showMap = ui.await("#call-show-map");
        WindowHarness.waitUntil(() -> !HeadlessFx.callOnFx(showMap::isDisabled));
        // The side panel may be scrolled while units report in; fire it as a click on it would.
        HeadlessFx.runOnFx(showMap::fire);
        ListView<dev.switchboard.city.model.IncidentView> incidents = ui.await("#city-incidents");
        WindowHarness.waitUntil(() -> HeadlessFx.callOnFx(() -> {
            var shown = incidents.getSelectionModel().getSelectedItem();
            return shown != null && shown.reference() != null && shown.title().contains("2-3-8");
        }));
        Label details = ui.await("#city-details");
        assertThat(HeadlessFx.callOnFx(details::getText)).contains("2-3-8");
        ui.click("#nav-call-console");

        ui.click("#call-end");
        Label total = ui.await("#call-score-total");
        assertThat(HeadlessFx.callOnFx(total::getText)).matches("Score \\d+ / 100");
        VBox score = ui.await("#call-score");
        assertThat(HeadlessFx.callOnFx(() -> score.getChildren().size())).isGreaterThan(3);

        // The second call is still ringing and can be answered now.
        ui.await("#call-answer");

        // Recorded: the session, its log and its audio; the unanswered call is a session still running.
        List<SessionSummary> calls = ui.workstation().sessions().recent(10).stream()
                .filter(s -> s.kind().equals("call")).toList();
        assertThat(calls).extracting(SessionSummary::status).containsExactlyInAnyOrder("complete", "running");
        SessionSummary call = calls.stream().filter(s -> s.status().equals("complete")).findFirst().orElseThrow();
        assertThat(call.score()).isNotNull();
        assertThat(call.traineeName()).isEqualTo("Yui Trainee");
        List<EventLogEntry> log = ui.workstation().eventLog().read(call.id(), 1, 10_000);
        assertThat(log).extracting(EventLogEntry::type).contains(CallLog.STARTED, CallLog.ANSWERED,
                CallLog.UTTERANCE, CallLog.ENTITY, CallLog.CAD_EDIT, CallLog.DISPATCHED, CallLog.UNIT,
                CallLog.ENDED, CallLog.SCORED);
        assertThat(ui.workstation().recordings().of(call.id())).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo("complete");
            assertThat(r.sha256()).hasSize(64);
            assertThat(Files.exists(ui.workstation().dataDir().recordings().resolve(r.file()))).isTrue();
        });
    }
}
