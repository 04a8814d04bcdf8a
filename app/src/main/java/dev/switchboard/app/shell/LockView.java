package dev.switchboard.app.shell;

import java.text.MessageFormat;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;

/** Covers the whole window while it is locked; binds to {@link LockViewModel}. */
public final class LockView extends StackPane {

    @FXML
    private ImageView logo;
    @FXML
    private Label who;
    @FXML
    private PasswordField password;
    @FXML
    private Label error;
    @FXML
    private Button unlock;
    @FXML
    private ProgressIndicator progress;
    @FXML
    private Hyperlink signOut;

    public LockView(LockViewModel model, Runnable onSignOut) {
        Fxml.loadRoot(this, "Lock.fxml");
        logo.setImage(AppIcon.image());
        who.setText(MessageFormat.format(Fxml.MESSAGES.getString("app.lock.who"), model.user().displayName(),
                model.user().username(), model.user().role().label()));
        password.textProperty().bindBidirectional(model.passwordProperty());
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        unlock.disableProperty().bind(model.canUnlockProperty().not());
        unlock.setOnAction(e -> model.unlock());
        password.setOnAction(e -> model.unlock());
        progress.visibleProperty().bind(model.busyProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        signOut.setOnAction(e -> onSignOut.run());
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                password.requestFocus();
            }
        });
    }
}
