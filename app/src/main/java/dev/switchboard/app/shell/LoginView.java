package dev.switchboard.app.shell;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;

/** The sign-in form; binds to {@link LoginViewModel} and nothing else. */
public final class LoginView extends StackPane {

    @FXML
    private ImageView logo;
    @FXML
    private TextField username;
    @FXML
    private PasswordField password;
    @FXML
    private Label error;
    @FXML
    private Button signIn;
    @FXML
    private ProgressIndicator progress;
    @FXML
    private Label waiting;
    @FXML
    private Label demoHint;
    @FXML
    private Label footer;

    /**
     * @param demoHint sign-in names for the demo accounts, or empty when not started with --demo
     * @param footer the data folder and version, so an instructor knows which database this is
     */
    public LoginView(LoginViewModel model, String demoHint, String footer) {
        Fxml.loadRoot(this, "Login.fxml");
        logo.setImage(AppIcon.image());
        username.textProperty().bindBidirectional(model.usernameProperty());
        password.textProperty().bindBidirectional(model.passwordProperty());
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        signIn.disableProperty().bind(model.canSignInProperty().not());
        signIn.setOnAction(e -> model.signIn());
        password.setOnAction(e -> model.signIn());
        username.setOnAction(e -> password.requestFocus());
        progress.visibleProperty().bind(model.busyProperty());
        waiting.textProperty().bind(model.waitingProperty());
        waiting.visibleProperty().bind(model.waitingProperty().isNotEmpty());
        waiting.managedProperty().bind(waiting.visibleProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        this.demoHint.setText(demoHint);
        this.demoHint.setVisible(!demoHint.isEmpty());
        this.demoHint.setManaged(!demoHint.isEmpty());
        this.footer.setText(footer);
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                (model.usernameProperty().get().isBlank() ? username : password).requestFocus();
            }
        });
    }
}
