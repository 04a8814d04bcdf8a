package dev.switchboard.surveillance.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.Role;
import dev.switchboard.core.id.UserId;
import dev.switchboard.core.map.MapPinsRequested;
import dev.switchboard.surveillance.engine.Harness;
import dev.switchboard.testkit.HeadlessFx;
import dev.switchboard.uikit.DialogService;
import dev.switchboard.uikit.FxTaskRunner;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Clicks through the workspace headless: ask, see cited results, open a clip, follow a suggestion. */
@ExtendWith(HeadlessFx.class)
class SurveillanceSmokeTest {

    @TempDir
    Path temp;

    private final FxRobot robot = new FxRobot();
    private final List<String> errors = new ArrayList<>();
    private final List<MapPinsRequested> pinRequests = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final FxTaskRunner tasks = new FxTaskRunner();
    private Harness h;
    private Stage stage;
    private SurveillanceView view;

    @BeforeEach
    void open() {
        h = new Harness(temp).generated(2, 3_000);
        Account trainee = new Account(new UserId("u-1"), "trainee", "Yui Trainee", Role.TRAINEE, true, Instant.EPOCH,
                Instant.EPOCH, 0, null, null);
        SurveillanceViewModel model = new SurveillanceViewModel(() -> h.surveillance, trainee, tasks,
                new RecordingDialogs(errors), pinRequests::add);
        HeadlessFx.runOnFx(() -> {
            view = new SurveillanceView(model);
            stage = new Stage();
            stage.setScene(new Scene((Parent) view.node(), 1280, 800));
            stage.show();
        });
        // The engine work runs on the task runner's threads, as in the window; the FX thread only shows results.
        HeadlessFx.runOnFx(view::activate);
        HeadlessFx.waitForFx();
    }

    @AfterEach
    void close() {
        if (stage != null) {
            HeadlessFx.runOnFx(() -> {
                view.deactivate();
                stage.close();
            });
        }
        tasks.shutdown();
        h.close();
    }

    private <T extends Node> T find(String query) {
        return robot.lookup(query).query();
    }

    @Test
    void askSeeCitedResultsOpenAClipAndFollowASuggestion() {
        waitUntil(() -> !((Button) find("#surveillance-ask")).isDisabled());
        TextField question = find("#surveillance-question");
        robot.clickOn(question).write("any people loitering in Taito?");
        robot.clickOn((Node) find("#surveillance-ask"));
        ListView<SurveillanceViewModel.Row> results = find("#surveillance-results");
        waitUntil(() -> !results.getItems().isEmpty());
        assertThat(results.getItems()).allMatch(r -> r.hit().event().wardId().equals("taito"));
        assertThat(((Label) find("#surveillance-query")).getText()).contains("ward taito");

        // The results go to the control-room map as numbered pins, in the list's order.
        robot.clickOn((Node) find("#surveillance-on-control-room-map"));
        HeadlessFx.waitForFx();
        assertThat(pinRequests).hasSize(1);
        MapPinsRequested pins = pinRequests.get(0);
        assertThat(pins.title()).contains("ward taito");
        assertThat(pins.pins()).extracting(MapPinsRequested.Pin::reference)
                .containsExactlyElementsOf(results.getItems().stream().map(r -> r.hit().event().ref()).toList());
        assertThat(pins.pins().get(0).position()).isEqualTo(results.getItems().get(0).hit().event().position());

        // The answer cites the events; a citation opens its clip at the event's moment.
        waitUntil(() -> robot.lookup(".sb-citation").tryQuery().isPresent());
        Hyperlink citation = robot.lookup(".sb-citation").query();
        String ref = citation.getText();
        assertThat(results.getItems()).anyMatch(r -> r.hit().event().ref().equals(ref));
        robot.clickOn(citation);
        HeadlessFx.waitForFx();
        waitUntil(() -> "frame 17 of 40".equals(((Label) find("#surveillance-clip-frame")).getText()));
        HeadlessFx.waitForFx();
        assertThat(((Label) find("#surveillance-clip-caption")).getText()).startsWith(ref);
        robot.clickOn((Node) find("#surveillance-clip-forward"));
        HeadlessFx.waitForFx();
        assertThat(((Label) find("#surveillance-clip-frame")).getText()).isEqualTo("frame 18 of 40");

        // A suggestion continues the conversation.
        waitUntil(() -> robot.lookup("#surveillance-suggestions .button").tryQuery().isPresent());
        Button onlyAtNight = robot.lookup("#surveillance-suggestions .button").queryAll().stream()
                .map(n -> (Button) n).filter(b -> b.getText().equals("Only at night")).findFirst().orElseThrow();
        robot.clickOn(onlyAtNight);
        waitUntil(() -> ((Label) find("#surveillance-query")).getText().contains("22:00–06:00"));
        assertThat(((Label) find("#surveillance-query")).getText()).contains("ward taito");
        ListView<SurveillanceViewModel.Message> messages = find("#surveillance-messages");
        assertThat(messages.getItems()).hasSize(4);
        assertThat(errors).isEmpty();
    }

    @Test
    void theBadgeCountsInsightsNotSeenYet() {
        // A second view of the same engine, built but not shown, as the shell builds it at sign-in.
        SurveillanceViewModel hidden = new SurveillanceViewModel(() -> h.surveillance, new Account(new UserId("u-2"),
                "super", "Sora Supervisor", Role.SUPERVISOR, true, Instant.EPOCH, Instant.EPOCH, 0, null, null),
                tasks, new RecordingDialogs(errors));
        SurveillanceView hiddenView = HeadlessFx.callOnFx(() -> new SurveillanceView(hidden));
        HeadlessFx.runOnFx(() -> {
            hiddenView.watch();
            hidden.open();
        });
        waitUntil(() -> !hidden.insights().isEmpty());
        HeadlessFx.waitForFx();
        assertThat(hiddenView.badgeProperty().get()).isEqualTo(hidden.insights().size());

        // Shown: everything listed counts as seen, and stays seen once hidden again.
        HeadlessFx.runOnFx(hiddenView::activate);
        HeadlessFx.waitForFx();
        assertThat(hiddenView.badgeProperty().get()).isZero();
        HeadlessFx.runOnFx(() -> {
            hiddenView.deactivate();
            hidden.refreshSide();
        });
        HeadlessFx.waitForFx();
        waitUntil(() -> tasks.runningProperty().get() == 0);
        HeadlessFx.waitForFx();
        assertThat(hiddenView.badgeProperty().get()).isZero();
        HeadlessFx.runOnFx(hiddenView::dispose);
        assertThat(errors).isEmpty();
    }

    /** Errors shown to the user, as a list a test can check. */
    private record RecordingDialogs(List<String> errors) implements DialogService {
        @Override
        public void showError(String title, Throwable error) {
            errors.add(title + ": " + error);
        }

        @Override
        public void showError(String title, String message) {
            errors.add(title + ": " + message);
        }

        @Override
        public void showInfo(String title, String message) {
        }

        @Override
        public boolean confirm(String title, String message) {
            return true;
        }

        @Override
        public Optional<String> ask(String title, String prompt) {
            return Optional.empty();
        }
    }

    private static void waitUntil(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("condition not met in time", e);
        }
    }
}
