package dev.switchboard.app.shell;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/** Shown instead of the login when the training center's server cannot be used at start; binds only. */
final class ServerUnavailableView extends StackPane {

    ServerUnavailableView(ServerUnavailableViewModel model) {
        getStyleClass().add("sb-auth-backdrop");
        Label title = new Label(model.title(), new FontIcon(Material2OutlinedAL.CLOUD_OFF));
        title.getStyleClass().addAll("sb-page-title", "sb-error");
        title.setWrapText(true);
        title.setId("server-title");
        Label reason = new Label();
        // The reason reads on from "cannot be used: …"; standing alone it starts as a sentence.
        reason.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            String why = model.reasonProperty().get();
            return why.isEmpty() ? why : Character.toUpperCase(why.charAt(0)) + why.substring(1);
        }, model.reasonProperty()));
        reason.setWrapText(true);
        reason.setId("server-reason");
        Label explain = new Label(text("app.server.explain"));
        explain.setWrapText(true);

        Button retry = new Button(text("app.server.retry"), new FontIcon(Material2OutlinedMZ.REFRESH));
        retry.setId("server-retry");
        retry.getStyleClass().add("accent");
        retry.setDefaultButton(true);
        retry.setOnAction(e -> model.retry());
        retry.disableProperty().bind(model.busyProperty());
        Button offline = new Button(text("app.server.offline"), new FontIcon(Material2OutlinedAL.COMPUTER));
        offline.setId("server-offline");
        offline.setOnAction(e -> model.workOffline());
        offline.disableProperty().bind(model.busyProperty());
        Button quit = new Button(text("app.recovery.quit"));
        quit.setId("server-quit");
        quit.setOnAction(e -> model.quit());
        Label offlineExplain = new Label(text("app.server.offlineExplain"));
        offlineExplain.setWrapText(true);
        offlineExplain.getStyleClass().addAll("sb-muted", "sb-small");
        Label progress = new Label();
        progress.textProperty().bind(model.progressProperty());
        progress.getStyleClass().add("sb-muted");
        progress.setId("server-progress");

        HBox buttons = new HBox(10, retry, offline, quit);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox card = new VBox(12, title, reason, explain, buttons, offlineExplain, progress);
        card.getStyleClass().add("sb-auth-card");
        card.setMaxWidth(640);
        card.setMaxHeight(USE_PREF_SIZE);
        getChildren().add(card);
    }

    private static String text(String key) {
        return Fxml.MESSAGES.getString(key);
    }
}
