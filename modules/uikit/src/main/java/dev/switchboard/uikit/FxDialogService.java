package dev.switchboard.uikit;

import dev.switchboard.core.error.SwitchboardException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link DialogService} with JavaFX alerts in the current theme, owned by the main window. Safe to call
 * from any thread: work is moved onto the FX thread; {@link #confirm} and {@link #ask} called on another
 * thread block it until the user answers.
 *
 * <p>Unexpected errors are logged here with their stack trace; the dialog tells the user the log file
 * they went to and offers the stack trace in an expandable section.
 */
public final class FxDialogService implements DialogService {

    private static final Logger LOG = LoggerFactory.getLogger(FxDialogService.class);

    /** Style class of every dialog pane this service opens, for tests and the stylesheet. */
    public static final String STYLE_CLASS = "sb-dialog";

    private final Supplier<Window> owner;
    private final Path logFile;
    private final Messages messages;

    /**
     * @param owner   the window dialogs belong to; may supply {@code null} before the main window exists
     * @param logFile where the application's logging writes, named in error dialogs
     */
    public FxDialogService(Supplier<Window> owner, Path logFile) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.logFile = Objects.requireNonNull(logFile, "logFile");
        this.messages = Messages.load("dev.switchboard.uikit.messages");
    }

    @Override
    public void showError(String title, Throwable error) {
        Objects.requireNonNull(error, "error");
        Optional<SwitchboardException> known = userFacing(error);
        if (known.isPresent()) {
            LOG.info("{}: {}", title, known.get().getMessage());
            showError(title, known.get().userText());
            return;
        }
        LOG.error("{}: unexpected failure", title, error);
        String summary = error.getMessage() == null || error.getMessage().isBlank()
                ? error.getClass().getSimpleName()
                : error.getMessage();
        String text = messages.get("uikit.error.unexpected", summary) + "\n\n"
                + messages.get("uikit.error.details", logFile);
        String trace = stackTrace(error);
        later(() -> {
            Alert alert = alert(Alert.AlertType.ERROR, title, text);
            TextArea area = new TextArea(trace);
            area.setEditable(false);
            area.setWrapText(false);
            area.getStyleClass().add("sb-stack-trace");
            area.setPrefRowCount(14);
            VBox details = new VBox(6, new Label(messages.get("uikit.error.technicalDetails")), area);
            alert.getDialogPane().setExpandableContent(details);
            alert.show();
        });
    }

    @Override
    public void showError(String title, String message) {
        later(() -> alert(Alert.AlertType.ERROR, title, message).show());
    }

    @Override
    public void showInfo(String title, String message) {
        later(() -> alert(Alert.AlertType.INFORMATION, title, message).show());
    }

    @Override
    public boolean confirm(String title, String message) {
        return answer(() -> {
            ButtonType yes = new ButtonType(messages.get("uikit.dialog.ok"), ButtonData.OK_DONE);
            ButtonType no = new ButtonType(messages.get("uikit.dialog.cancel"), ButtonData.CANCEL_CLOSE);
            Alert alert = alert(Alert.AlertType.CONFIRMATION, title, message);
            alert.getButtonTypes().setAll(yes, no);
            return alert;
        }, button -> button == null ? null : button.getButtonData() == ButtonData.OK_DONE).orElse(false);
    }

    @Override
    public Optional<String> ask(String title, String prompt) {
        return answer(() -> {
            TextInputDialog dialog = new TextInputDialog();
            prepare(dialog, title);
            dialog.setContentText(prompt);
            ButtonType ok = new ButtonType(messages.get("uikit.dialog.ok"), ButtonData.OK_DONE);
            ButtonType cancel = new ButtonType(messages.get("uikit.dialog.cancel"), ButtonData.CANCEL_CLOSE);
            dialog.getDialogPane().getButtonTypes().setAll(ok, cancel);
            return dialog;
        }, text -> text == null || text.isBlank() ? null : text.strip());
    }

    /** The first {@link SwitchboardException} in {@code error}'s cause chain, e.g. behind an ExecutionException. */
    static Optional<SwitchboardException> userFacing(Throwable error) {
        Throwable current = error;
        for (int depth = 0; current != null && depth < 10; depth++) {
            if (current instanceof SwitchboardException known) {
                return Optional.of(known);
            }
            current = current.getCause();
        }
        return Optional.empty();
    }

    private Alert alert(Alert.AlertType type, String title, String message) {
        Alert alert = new Alert(type);
        prepare(alert, title);
        alert.setContentText(message);
        if (type != Alert.AlertType.CONFIRMATION) {
            alert.getButtonTypes().setAll(new ButtonType(messages.get("uikit.dialog.ok"), ButtonData.OK_DONE));
        }
        return alert;
    }

    private void prepare(Dialog<?> dialog, String title) {
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        Window window = owner.get();
        if (window != null) {
            dialog.initOwner(window);
            dialog.initModality(Modality.WINDOW_MODAL);
        }
        dialog.getDialogPane().getStyleClass().add(STYLE_CLASS);
        Theme.style(dialog.getDialogPane());
        dialog.setResizable(true);
    }

    /** Opens on the FX thread without waiting, so that a caller in a layout pass or animation cannot break. */
    private static void later(Runnable show) {
        if (Platform.isFxApplicationThread()) {
            show.run();
        } else {
            Platform.runLater(show);
        }
    }

    /**
     * Shows the dialog built by {@code build} and waits for its result, mapped by {@code toAnswer}.
     * Off the FX thread this blocks the caller; if it is interrupted, the dialog is closed unanswered.
     */
    private static <R, A> Optional<A> answer(Supplier<Dialog<R>> build, Function<R, A> toAnswer) {
        if (Platform.isFxApplicationThread()) {
            return build.get().showAndWait().map(toAnswer);
        }
        CompletableFuture<Optional<A>> result = new CompletableFuture<>();
        AtomicReference<Dialog<R>> shown = new AtomicReference<>();
        Platform.runLater(() -> {
            try {
                Dialog<R> dialog = build.get();
                shown.set(dialog);
                result.complete(dialog.showAndWait().map(toAnswer));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Platform.runLater(() -> {
                Dialog<R> dialog = shown.get();
                if (dialog != null) {
                    dialog.close();
                }
            });
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException("The dialog could not be shown", e.getCause());
        }
    }

    private static String stackTrace(Throwable error) {
        StringWriter text = new StringWriter();
        error.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
