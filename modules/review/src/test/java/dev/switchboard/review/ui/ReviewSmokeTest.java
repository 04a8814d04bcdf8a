package dev.switchboard.review.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.account.Account;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.core.id.UserId;
import dev.switchboard.review.engine.Fixture;
import dev.switchboard.review.engine.ReviewService;
import dev.switchboard.review.model.Note;
import dev.switchboard.review.model.SessionRow;
import dev.switchboard.review.model.Targets;
import dev.switchboard.store.session.SessionSummary;
import dev.switchboard.testkit.HeadlessFx;
import dev.switchboard.uikit.TaskRunner;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Clicks through the review headless: open a recorded session, play, click an utterance, add a note. */
@ExtendWith(HeadlessFx.class)
class ReviewSmokeTest {

    @TempDir
    Path temp;

    private final FxRobot robot = new FxRobot();
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private Fixture f;
    private Stage stage;
    private ReviewView view;

    @BeforeEach
    void data() throws Exception {
        f = new Fixture(temp).withCalls();
    }

    @AfterEach
    void close() {
        if (stage != null) {
            HeadlessFx.runOnFx(() -> {
                view.deactivate();
                stage.close();
            });
        }
        f.close();
    }

    private void show(Account user) {
        ReviewService service = f.as(user);
        HeadlessFx.runOnFx(() -> {
            view = new ReviewView(new ReviewViewModel(service, TaskRunner.direct(), dialogs),
                    new ProgressViewModel(service, Targets.DEFAULT, TaskRunner.direct(), dialogs));
            stage = new Stage();
            stage.setScene(new Scene((Parent) view.node(), 1280, 800));
            stage.show();
            view.activate();
        });
        HeadlessFx.waitForFx();
    }

    private <T extends Node> T find(String query) {
        return robot.lookup(query).query();
    }

    private void click(Node node) {
        robot.clickOn(node);
        HeadlessFx.waitForFx();
    }

    private ListCell<?> cell(String listQuery, String containing) {
        waitUntil(() -> robot.lookup(listQuery + " .list-cell").queryAll().stream()
                .anyMatch(n -> ((ListCell<?>) n).getText() != null
                        && ((ListCell<?>) n).getText().contains(containing)));
        return (ListCell<?>) robot.lookup(listQuery + " .list-cell").queryAll().stream()
                .filter(n -> ((ListCell<?>) n).getText() != null && ((ListCell<?>) n).getText().contains(containing))
                .findFirst().orElseThrow();
    }

    @Test
    void openARecordedSessionPlayClickAnUtteranceAndAddANote() {
        show(Fixture.SUPERVISOR);
        TableView<SessionRow> list = find("#review-list");
        assertThat(list.getItems()).hasSize(2);
        HeadlessFx.runOnFx(() -> list.getSelectionModel().select(list.getItems().stream()
                .filter(r -> r.id().equals(Fixture.CALL_A)).findFirst().orElseThrow()));
        click(find("#review-open"));
        waitUntil(() -> robot.lookup("#review-play").tryQuery().isPresent());

        Button play = find("#review-play");
        click(play);
        assertThat(play.getText()).isEqualTo("Pause");
        assertThat(f.recordingAccess()).extracting(r -> r.detail()).containsExactly("play", "open");
        click(play);
        assertThat(play.getText()).isEqualTo("Play");

        click(cell("#review-transcript", "Is anyone still inside"));
        Label position = find("#review-position");
        assertThat(position.getText()).startsWith("0:06 /");
        ListView<?> transcript = find("#review-transcript");
        assertThat(cell("#review-transcript", "Is anyone still inside").getPseudoClassStates())
                .anyMatch(p -> p.getPseudoClassName().equals("current"));

        TextField note = find("#review-note-text");
        click(note);
        robot.write("Ask about the exits here.");
        click(find("#review-note-add"));
        ListView<Note> notes = find("#review-notes");
        waitUntil(() -> notes.getItems().size() == 1);
        assertThat(notes.getItems().get(0).atMs()).isEqualTo(6_500);
        assertThat(f.as(Fixture.SUPERVISOR).notes(Fixture.CALL_A)).extracting(Note::text)
                .containsExactly("Ask about the exits here.");

        click(cell("#review-timeline", "Dispatched Structure fire"));
        assertThat(position.getText()).startsWith("0:06 /");
        assertThat(transcript.getItems()).hasSize(4);
        assertThat(((Label) find("#review-integrity")).getText()).contains("verified");
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void aTraineeSeesOnlyTheirOwnSessionAndCannotOpenAnothersOrWriteNotes() {
        show(Fixture.TRAINEE_A);
        TableView<SessionRow> list = find("#review-list");
        assertThat(list.getItems()).extracting(SessionRow::id).containsExactly(Fixture.CALL_A);
        HeadlessFx.runOnFx(() -> view.deactivate());
        // Even a crafted request for another trainee's session is refused by the service behind the view.
        HeadlessFx.runOnFx(() -> new ReviewViewModel(f.as(Fixture.TRAINEE_A), TaskRunner.direct(), dialogs)
                .open(Fixture.CALL_B));
        assertThat(dialogs.errors).singleElement().asString().contains("another trainee");

        HeadlessFx.runOnFx(() -> list.getSelectionModel().select(0));
        click(find("#review-open"));
        waitUntil(() -> robot.lookup("#review-note-add").tryQuery().isPresent());
        assertThat(((Button) find("#review-note-add")).isDisabled()).isTrue();
        assertThat(((Button) find("#review-play")).isDisabled()).isFalse();
    }

    @Test
    void progressOffersTheTraineesWithCallsAndStatesItsTargetsInFull() {
        // Someone whose name sorts first but who only ran a control-room exercise: no calls, so no progress to draw.
        f.sessions.insert(new SessionSummary(new SessionId("city-abe-1"), new UserId("u-abe"), "Abe Jiro",
                "control-room", "Control room, free run", Instant.parse("2025-02-21T09:00:00Z"), null, "running",
                null));
        show(Fixture.SUPERVISOR);
        TabPane tabs = find(".sb-review");
        HeadlessFx.runOnFx(() -> tabs.getSelectionModel().select(1));
        HeadlessFx.waitForFx();
        ComboBox<ProgressViewModel.Trainee> trainee = find("#review-progress-trainee");
        waitUntil(() -> !trainee.getItems().isEmpty());
        assertThat(trainee.getItems()).extracting(ProgressViewModel.Trainee::name)
                .containsExactly("Aiko Tanaka", "Ben Okada");
        assertThat(trainee.getValue().name()).isEqualTo("Aiko Tanaka");
        assertThat(robot.lookup(".label").queryAllAs(Label.class)).extracting(Label::getText)
                .anyMatch(t -> t.contains("its own scenario's time targets")
                        && t.matches("(?s).*Score target ≥ \\d+\\.$"));
    }

    private static void waitUntil(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            assertThat(condition.getAsBoolean()).as("condition within 20 s").isTrue();
        }
    }
}
