package dev.switchboard.app.shell;

import dev.switchboard.store.BackupInfo;
import dev.switchboard.store.DatabaseCorruptException;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/**
 * Shown instead of the login when the database cannot be read: names the file and what SQLite said,
 * and offers the ways out. Nothing is deleted: starting fresh moves the broken file aside.
 */
final class RecoveryView extends StackPane {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    RecoveryView(DatabaseCorruptException problem, List<BackupInfo> backups, Consumer<Path> restore,
                 Runnable startFresh, Runnable quit) {
        getStyleClass().add("sb-auth-backdrop");
        Label title = new Label(text("app.recovery.title"), new FontIcon(Material2OutlinedMZ.WARNING));
        title.getStyleClass().addAll("sb-page-title", "sb-error");
        Label file = new Label(MessageFormat.format(text("app.recovery.file"), problem.file()));
        file.setWrapText(true);
        file.setId("recovery-file");
        TextArea detail = new TextArea(problem.detail());
        detail.setEditable(false);
        detail.setWrapText(true);
        detail.setPrefRowCount(3);
        Label explain = new Label(text("app.recovery.explain"));
        explain.setWrapText(true);

        ComboBox<BackupInfo> choice = new ComboBox<>();
        choice.getItems().setAll(backups);
        choice.setCellFactory(list -> new BackupCell());
        choice.setButtonCell(new BackupCell());
        choice.setMaxWidth(Double.MAX_VALUE);
        choice.setId("recovery-backups");
        Button restoreButton = new Button(text("app.recovery.restore"), new FontIcon(Material2OutlinedMZ.RESTORE));
        restoreButton.setId("recovery-restore");
        restoreButton.getStyleClass().add("accent");
        restoreButton.setDefaultButton(true);
        if (backups.isEmpty()) {
            choice.setPromptText(text("app.recovery.noBackups"));
            choice.setDisable(true);
            restoreButton.setDisable(true);
        } else {
            choice.getSelectionModel().selectFirst();
        }
        restoreButton.setOnAction(e -> restore.accept(choice.getValue().file()));

        Button fresh = new Button(text("app.recovery.startFresh"), new FontIcon(Material2OutlinedAL.FOLDER_OPEN));
        fresh.setId("recovery-fresh");
        fresh.setOnAction(e -> startFresh.run());
        Button quitButton = new Button(text("app.recovery.quit"));
        quitButton.setOnAction(e -> quit.run());
        Label freshExplain = new Label(MessageFormat.format(text("app.recovery.freshExplain"),
                problem.file().resolveSibling("broken")));
        freshExplain.setWrapText(true);
        freshExplain.getStyleClass().addAll("sb-muted", "sb-small");

        HBox buttons = new HBox(10, restoreButton, fresh, quitButton);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox card = new VBox(12, title, file, detail, explain, choice, buttons, freshExplain);
        card.getStyleClass().add("sb-auth-card");
        card.setMaxWidth(620);
        card.setMaxHeight(USE_PREF_SIZE);
        getChildren().add(card);
    }

    private static String text(String key) {
        return Fxml.MESSAGES.getString(key);
    }

    private static final class BackupCell extends ListCell<BackupInfo> {
        @Override
        protected void updateItem(BackupInfo item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null
                    : WHEN.format(item.createdAt()) + "  ·  " + item.reason() + "  ·  " + item.file().getFileName());
        }
    }
}
