package dev.switchboard.uikit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.error.SwitchboardException;
import dev.switchboard.testkit.HeadlessFx;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(HeadlessFx.class)
class FxDialogServiceTest {

    private static final Path LOG_FILE = Path.of("/var/log/switchboard/switchboard.log");

    private final FxDialogService dialogs = new FxDialogService(() -> null, LOG_FILE);
    private final FxRobot robot = new FxRobot();

    @AfterEach
    void closeLeftoverDialogs() {
        HeadlessFx.runOnFx(() -> robot.lookup("." + FxDialogService.STYLE_CLASS).queryAll()
                .forEach(pane -> pane.getScene().getWindow().hide()));
    }

    @Test
    void showsASwitchboardExceptionInTheUsersWords() {
        dialogs.showError("Import scenario", new RuntimeException("wrapped",
                new SwitchboardException("fire.yaml line 12: caller.age must be a number", "Correct the file.")));

        DialogPane pane = shownDialog();
        assertThat(HeadlessFx.callOnFx(pane::getContentText))
                .isEqualTo("fire.yaml line 12: caller.age must be a number\nCorrect the file.");
        assertThat(HeadlessFx.callOnFx(pane::getHeaderText)).isEqualTo("Import scenario");
        assertThat(HeadlessFx.callOnFx(pane::getExpandableContent)).isNull();

        press(pane, ButtonData.OK_DONE);
        assertThat(openDialog()).isEmpty();
    }

    @Test
    void showsAnUnexpectedErrorBrieflyWithTheStackTraceFolded() {
        dialogs.showError("Start exercise", new IllegalStateException("index 3 out of bounds"));

        DialogPane pane = shownDialog();
        assertThat(HeadlessFx.callOnFx(pane::getContentText))
                .contains("index 3 out of bounds")
                .contains("Details were written to " + LOG_FILE);
        TextArea trace = HeadlessFx.callOnFx(() -> (TextArea) pane.getExpandableContent().lookup(".sb-stack-trace"));
        String traceText = HeadlessFx.callOnFx(trace::getText);
        assertThat(traceText)
                .startsWith("java.lang.IllegalStateException: index 3 out of bounds")
                .contains("FxDialogServiceTest");
        List<String> stylesheets = HeadlessFx.callOnFx(() -> List.copyOf(pane.getStylesheets()));
        assertThat(stylesheets).contains(Theme.stylesheet());

        press(pane, ButtonData.OK_DONE);
        assertThat(openDialog()).isEmpty();
    }

    @Test
    void confirmFromABackgroundThreadWaitsForTheAnswer() throws Exception {
        CompletableFuture<Boolean> answer = CompletableFuture.supplyAsync(
                () -> dialogs.confirm("End exercise", "End the exercise for all trainees?"));

        DialogPane pane = shownDialog();
        assertThat(answer).isNotDone();
        press(pane, ButtonData.OK_DONE);

        assertThat(answer.get(HeadlessFx.TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void cancellingAConfirmationAnswersNo() throws Exception {
        CompletableFuture<Boolean> answer = CompletableFuture.supplyAsync(
                () -> dialogs.confirm("Delete session", "Delete this session?"));

        press(shownDialog(), ButtonData.CANCEL_CLOSE);

        assertThat(answer.get(HeadlessFx.TIMEOUT_SECONDS, TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void askReturnsTheTypedText() throws Exception {
        CompletableFuture<Optional<String>> answer = CompletableFuture.supplyAsync(
                () -> dialogs.ask("New annotation", "Note for this moment:"));

        DialogPane pane = shownDialog();
        HeadlessFx.runOnFx(() -> ((TextField) pane.lookup(".text-field")).setText("  caller hesitated  "));
        press(pane, ButtonData.OK_DONE);

        assertThat(answer.get(HeadlessFx.TIMEOUT_SECONDS, TimeUnit.SECONDS)).contains("caller hesitated");
    }

    private Optional<DialogPane> openDialog() {
        return HeadlessFx.callOnFx(() -> robot.lookup("." + FxDialogService.STYLE_CLASS).<DialogPane>tryQuery()
                .filter(pane -> pane.getScene() != null && pane.getScene().getWindow().isShowing()));
    }

    /** The one dialog this service opened; waits for it because it is opened on the FX thread later. */
    private DialogPane shownDialog() {
        try {
            WaitForAsyncUtils.waitFor(HeadlessFx.TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> openDialog().isPresent());
        } catch (TimeoutException e) {
            throw new AssertionError("No dialog appeared", e);
        }
        return openDialog().orElseThrow();
    }

    private static void press(DialogPane pane, ButtonData data) {
        HeadlessFx.runOnFx(() -> {
            ButtonType type = pane.getButtonTypes().stream()
                    .filter(t -> t.getButtonData() == data).findFirst().orElseThrow();
            ((Button) pane.lookupButton(type)).fire();
        });
        HeadlessFx.waitForFx();
    }
}
