package dev.switchboard.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.Workstation;
import dev.switchboard.calltaking.engine.scenario.Scenario;
import dev.switchboard.core.account.Account;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.review.engine.ReviewService;
import dev.switchboard.review.model.Grade;
import dev.switchboard.review.model.SessionRow;
import dev.switchboard.store.session.SessionSummary;
import dev.switchboard.testkit.HeadlessFx;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every workspace fits the window at the sizes training centres use, in the states a trainee reaches: nothing
 * lies outside the window and no label is shown cut short. Walks the real window headless.
 */
@ExtendWith(HeadlessFx.class)
class LayoutTest {

    @TempDir
    Path temp;

    private WindowHarness ui;

    @AfterEach
    void close() {
        if (ui != null) {
            ui.close();
        }
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1280, 800", "1366, 768", "1920, 1080"})
    @SuppressWarnings("unchecked")
    void everyWorkspaceFitsTheWindowInEveryStateATraineeReaches(int width, int height) {
        ui = new WindowHarness(temp.resolve("data")).start(true);
        HeadlessFx.runOnFx(() -> {
            ui.stage.setX(0);
            ui.stage.setY(0);
            ui.stage.setWidth(width);
            ui.stage.setHeight(height);
        });
        ui.signIn("trainee", "trainee-demo");
        ui.await("#home-greeting");
        fits("Home");

        ui.click("#nav-settings");
        Spinner<Integer> idle = ui.await("#idle-minutes");
        fits("Settings");
        assertThat(HeadlessFx.callOnFx(() -> idle.getEditor().getText())).isEqualTo("15");
        assertThat(HeadlessFx.callOnFx(() -> idle.getWidth() >= idle.prefWidth(-1) - 1)).as("idle spinner squeezed")
                .isTrue();
        Spinner<Integer> longestCall = ui.await("#max-call-minutes");
        assertThat(HeadlessFx.callOnFx(() -> longestCall.getEditor().getText())).isEqualTo("30");
        assertThat(HeadlessFx.callOnFx(() -> longestCall.getWidth() >= longestCall.prefWidth(-1) - 1))
                .as("longest-call spinner squeezed").isTrue();

        ui.click("#nav-call-console");
        CheckBox voice = ui.await("#call-caller-voice");
        HeadlessFx.runOnFx(() -> voice.setSelected(false));
        ComboBox<Scenario> scenario = ui.await("#call-scenario");
        HeadlessFx.runOnFx(() -> scenario.getItems().stream().filter(s -> s.id().equals("ems-elderly-fall"))
                .findFirst().ifPresent(scenario::setValue));
        fits("Call console, no call");
        ui.click("#call-next");
        ui.await("#call-answer");
        fits("Call console, ringing");
        ui.click("#call-answer");
        ListView<?> transcript = ui.await("#call-transcript");
        WindowHarness.waitUntil(() -> HeadlessFx.callOnFx(() -> transcript.getItems().size()) >= 1);
        ui.type("#call-input", "Ambulance, what is the address of your emergency?");
        ui.click("#call-send");
        WindowHarness.waitUntil(() -> HeadlessFx.callOnFx(() -> transcript.getItems().size()) >= 3);
        fits("Call console, connected");
        ui.click("#call-hold");
        Label state = ui.await("#call-state");
        WindowHarness.waitUntil(() -> HeadlessFx.callOnFx(state::getText).equals("On hold"));
        fits("Call console, on hold");
        ui.click("#call-hold");
        WindowHarness.waitUntil(() -> HeadlessFx.callOnFx(state::getText).equals("Connected"));
        ui.click("#call-end");
        Label total = ui.await("#call-score-total");
        fits("Call console, ended");
        VBox score = ui.await("#call-score");
        WindowHarness.scrollTo(score);
        assertThat(HeadlessFx.callOnFx(total::getText)).startsWith("Score");
        fits("Call console, score shown");

        ui.click("#nav-control-room");
        ui.await("#city-map");
        javafx.scene.control.ToggleButton play = ui.await("#city-play");
        WindowHarness.waitUntil(() -> !HeadlessFx.callOnFx(play::isDisabled));
        ui.click("#city-play");
        Label message = ui.await("#city-message");
        WindowHarness.waitUntil(() -> !HeadlessFx.callOnFx(message::getText).isBlank());
        fits("Control room, running");
        ui.click("#city-play");

        SessionId call = gradedTwice(ui.workstation());
        ui.click("#nav-review");
        TableView<SessionRow> list = ui.await("#review-list");
        WindowHarness.waitUntil(() -> HeadlessFx.callOnFx(() -> list.getItems().size()) >= 1);
        fits("Review, list");
        javafx.scene.control.TabPane reviewTabs = ui.await(".sb-review");
        HeadlessFx.runOnFx(() -> reviewTabs.getSelectionModel().select(1));
        WindowHarness.waitUntil(() -> HeadlessFx.callOnFx(() -> !reviewTabs.lookupAll(".chart").isEmpty()));
        fits("Review, progress");
        HeadlessFx.runOnFx(() -> reviewTabs.getSelectionModel().select(0));
        HeadlessFx.runOnFx(() -> list.getItems().stream().filter(r -> r.id().equals(call)).findFirst()
                .ifPresent(r -> list.getSelectionModel().select(r)));
        ui.click("#review-open");
        VBox history = ui.await("#review-history");
        WindowHarness.waitUntil(() -> HeadlessFx.callOnFx(() -> history.getChildren().size()) >= 2);
        assertThat(call).isNotNull();
        fits("Review, session with grading history");
        ScrollPane reviewSide = ui.await("#review-side");
        assertThat(HeadlessFx.callOnFx(() -> reviewSide.getContent().getBoundsInLocal().getHeight()
                <= reviewSide.getViewportBounds().getHeight() + 1 || reviewSide.getVbarPolicy()
                != ScrollPane.ScrollBarPolicy.NEVER)).as("the history can be scrolled to").isTrue();

        // Home again, now listing the control-room exercise: "Control-room exercise" must wrap between words.
        ui.click("#nav-home");
        TableView<dev.switchboard.store.session.SessionSummary> recent = ui.await("#home-sessions");
        WindowHarness.waitUntil(() -> HeadlessFx.callOnFx(() -> recent.getItems().stream()
                .anyMatch(r -> r.kind().equals("control-room"))));
        fits("Home, with a control-room exercise");
    }

    private void fits(String where) {
        HeadlessFx.waitForFx();
        List<String> problems = HeadlessFx.callOnFx(() -> LayoutCheck.problems(ui.stage.getScene()));
        assertThat(problems).as(where + " at " + Math.round(HeadlessFx.callOnFx(ui.stage::getWidth)) + "x"
                + Math.round(HeadlessFx.callOnFx(ui.stage::getHeight))).isEmpty();
    }

    /** A supervisor grades the trainee's call and changes the grade, so review shows a history. */
    private static SessionId gradedTwice(Workstation ws) {
        SessionSummary call = ws.sessions().recent(10).stream().filter(s -> s.kind().equals("call")
                && s.endedAt() != null).findFirst().orElseThrow();
        Account supervisor = ((dev.switchboard.core.account.LogonResult.Accepted) ws.accounts()
                .logon("supervisor", "supervisor-demo".toCharArray())).account();
        ReviewService review = new ReviewService(ws.eventLog(), ws.auditLog(), ws.dataDir().recordings(),
                java.time.Clock.systemUTC(), supervisor);
        review.indexPending();
        review.assess(call.id(), Grade.NEEDS_PRACTICE, "Location first next time.");
        review.assess(call.id(), Grade.COMPETENT, "Location first next time; good instructions.");
        return call.id();
    }
}
