package dev.switchboard.app.shell;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;

/** The first-start form that creates the instructor account; binds to {@link FirstRunViewModel}. */
public final class FirstRunView extends StackPane {

    @FXML
    private ImageView logo;
    @FXML
    private TextField username;
    @FXML
    private TextField displayName;
    @FXML
    private PasswordField password;
    @FXML
    private PasswordField confirmation;
    @FXML
    private Label error;
    @FXML
    private Button create;
    @FXML
    private ProgressIndicator progress;
    @FXML
    private Label footer;

    public FirstRunView(FirstRunViewModel model, String footer) {
        Fxml.loadRoot(this, "FirstRun.fxml");
        logo.setImage(AppIcon.image());
        username.textProperty().bindBidirectional(model.usernameProperty());
        displayName.textProperty().bindBidirectional(model.displayNameProperty());
        password.textProperty().bindBidirectional(model.passwordProperty());
        confirmation.textProperty().bindBidirectional(model.confirmationProperty());
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        create.disableProperty().bind(model.canCreateProperty().not());
        create.setOnAction(e -> model.create());
        confirmation.setOnAction(e -> model.create());
        progress.visibleProperty().bind(model.busyProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        this.footer.setText(footer);
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                username.requestFocus();
            }
        });
    }
}
