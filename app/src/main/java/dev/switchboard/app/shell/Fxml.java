package dev.switchboard.app.shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ResourceBundle;
import javafx.fxml.FXMLLoader;

/** Loads an {@code fx:root} FXML form whose controller is the view itself, with the app's messages. */
final class Fxml {

    static final ResourceBundle MESSAGES = ResourceBundle.getBundle("dev.switchboard.app.messages");

    private Fxml() {
    }

    static void loadRoot(Object view, String resource) {
        URL url = view.getClass().getResource(resource);
        if (url == null) {
            throw new IllegalStateException("FXML " + resource + " is missing beside " + view.getClass().getName());
        }
        FXMLLoader loader = new FXMLLoader(url, MESSAGES);
        loader.setRoot(view);
        loader.setController(view);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + url, e);
        }
    }
}
