package dev.switchboard.app.shell;

import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.AccountService;
import dev.switchboard.uikit.BackgroundTask;
import dev.switchboard.uikit.TaskRunner;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Lets the signed-in user change their own password; the current one must be given. */
public final class ChangePasswordDialog {

    private ChangePasswordDialog() {
    }

    /** Opens the dialog; {@code onChanged} runs on the FX thread after a successful change. */
    public static void show(Window owner, Account user, AccountService accounts, TaskRunner tasks, Runnable onChanged) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(text("app.password.title"));
        dialog.setHeaderText(text("app.password.header"));
        PasswordField current = new PasswordField();
        current.setId("password-current");
        PasswordField next = new PasswordField();
        next.setId("password-new");
        PasswordField confirm = new PasswordField();
        confirm.setId("password-confirm");
        Label error = new Label();
        error.getStyleClass().add("sb-error");
        error.setWrapText(true);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label(text("app.password.current")), current);
        grid.addRow(1, new Label(text("app.password.new")), next);
        grid.addRow(2, new Label(text("app.password.confirm")), confirm);
        grid.add(error, 0, 3, 2, 1);
        dialog.getDialogPane().setContent(grid);
        ButtonType save = new ButtonType(text("app.password.save"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        var saveButton = dialog.getDialogPane().lookupButton(save);
        saveButton.disableProperty().bind(current.textProperty().isEmpty().or(next.textProperty().isEmpty()));
        saveButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();
            if (!next.getText().equals(confirm.getText())) {
                error.setText(text("app.password.mismatch"));
                return;
            }
            char[] old = current.getText().toCharArray();
            char[] replacement = next.getText().toCharArray();
            current.clear();
            next.clear();
            confirm.clear();
            BackgroundTask.wrap(() -> accounts.changePassword(user, old, replacement))
                    .onSuccess(ignored -> {
                        dialog.close();
                        onChanged.run();
                    })
                    .onFailure(failure -> error.setText(ShellText.failure(failure)))
                    .executeWith(tasks);
        });
        current.requestFocus();
        dialog.show();
    }

    private static String text(String key) {
        return Fxml.MESSAGES.getString(key);
    }
}
