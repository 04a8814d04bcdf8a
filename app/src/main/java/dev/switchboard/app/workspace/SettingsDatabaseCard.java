package dev.switchboard.app.workspace;

import dev.switchboard.store.DatabaseSetting.PasswordFrom;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/** Settings → Database, the instructors' card; binds to {@link SettingsDatabaseViewModel}. */
final class SettingsDatabaseCard {

    private final SettingsDatabaseViewModel model;
    private final Node node;

    SettingsDatabaseCard(SettingsDatabaseViewModel model) {
        this.model = model;
        Label inEffect = new Label(model.inEffect());
        inEffect.setId("db-in-effect");
        inEffect.setWrapText(true);
        Label override = Ui.muted(model.overrideNote());
        override.setId("db-override");
        override.setWrapText(true);
        override.setVisible(model.overridden());
        override.setManaged(model.overridden());

        ToggleGroup kind = new ToggleGroup();
        RadioButton seat = new RadioButton(Ui.text("app.settings.db.seat"));
        seat.setId("db-seat");
        seat.setToggleGroup(kind);
        RadioButton server = new RadioButton(Ui.text("app.settings.db.server"));
        server.setId("db-server");
        server.setToggleGroup(kind);
        kind.selectToggle(model.useServerProperty().get() ? server : seat);
        kind.selectedToggleProperty().addListener((obs, old, now) -> model.useServerProperty().set(now == server));

        VBox form = serverForm();
        form.disableProperty().bind(model.useServerProperty().not());

        Button test = new Button(Ui.text("app.settings.db.test"), new FontIcon(Material2OutlinedAL.COMPARE_ARROWS));
        test.setId("db-test");
        test.disableProperty().bind(model.busyProperty());
        test.setOnAction(e -> model.testConnection());
        Button save = new Button(Ui.text("app.settings.db.save"), new FontIcon(Material2OutlinedMZ.SAVE));
        save.setId("db-save");
        save.getStyleClass().add("accent");
        save.disableProperty().bind(model.busyProperty());
        save.setOnAction(e -> model.save());
        Label result = new Label();
        result.setId("db-result");
        result.setWrapText(true);
        result.textProperty().bind(model.resultProperty());
        result.visibleProperty().bind(model.resultProperty().isNotEmpty());
        result.managedProperty().bind(result.visibleProperty());
        model.resultOkProperty().addListener((obs, old, ok) -> {
            result.getStyleClass().removeAll("sb-ok", "sb-error");
            result.getStyleClass().add(ok ? "sb-ok" : "sb-error");
        });
        result.getStyleClass().add(model.resultOkProperty().get() ? "sb-ok" : "sb-error");
        HBox buttons = new HBox(8, test, save);
        buttons.setAlignment(Pos.CENTER_LEFT);
        Label hint = Ui.muted(Ui.text("app.settings.db.hint"));
        hint.setWrapText(true);
        node = Ui.card(Ui.text("app.settings.db.title"), Material2OutlinedMZ.STORAGE, inEffect, override,
                new HBox(18, seat, server), form, buttons, result, hint);
        node.setId("settings-database");
    }

    Node node() {
        return node;
    }

    private VBox serverForm() {
        TextField url = new TextField();
        url.setId("db-url");
        url.setPromptText(Ui.text("app.settings.db.urlPrompt"));
        url.textProperty().bindBidirectional(model.urlProperty());
        TextField user = new TextField();
        user.setId("db-user");
        user.setPromptText(Ui.text("app.settings.db.userPrompt"));
        user.textProperty().bindBidirectional(model.userProperty());

        ToggleGroup from = new ToggleGroup();
        RadioButton file = source(from, "db-from-file", "app.settings.db.fromFile", PasswordFrom.FILE);
        RadioButton variable = source(from, "db-from-environment", "app.settings.db.fromEnvironment",
                PasswordFrom.ENVIRONMENT);
        RadioButton keyring = source(from, "db-from-keyring", "app.settings.db.fromKeyring", PasswordFrom.KEYRING);
        keyring.setDisable(!model.keyringAvailable());
        RadioButton pgpass = source(from, "db-from-pgpass", "app.settings.db.fromPgpass", PasswordFrom.PGPASS);
        from.getToggles().stream().filter(t -> t.getUserData() == model.passwordFromProperty().get()).findFirst()
                .ifPresent(from::selectToggle);
        from.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.passwordFromProperty().set((PasswordFrom) now.getUserData());
            }
        });
        TextField filePath = new TextField();
        filePath.setId("db-password-file");
        filePath.setPromptText(Ui.text("app.settings.db.fromFilePrompt"));
        filePath.textProperty().bindBidirectional(model.passwordFileProperty());
        filePath.disableProperty().bind(file.selectedProperty().not());
        TextField variableName = new TextField();
        variableName.setId("db-password-variable");
        variableName.textProperty().bindBidirectional(model.passwordVariableProperty());
        variableName.disableProperty().bind(variable.selectedProperty().not());
        PasswordField secret = new PasswordField();
        secret.setId("db-password-keyring");
        secret.setPromptText(Ui.text("app.settings.db.fromKeyringPrompt"));
        secret.textProperty().bindBidirectional(model.keyringPasswordProperty());
        secret.disableProperty().bind(Bindings.createBooleanBinding(
                () -> !keyring.isSelected() || !model.keyringAvailable(), keyring.selectedProperty()));

        GridPane sources = new GridPane();
        sources.setHgap(12);
        sources.setVgap(8);
        ColumnConstraints choice = new ColumnConstraints();
        choice.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints where = new ColumnConstraints();
        where.setHgrow(Priority.ALWAYS);
        sources.getColumnConstraints().addAll(choice, where);
        sources.addRow(0, file, filePath);
        sources.addRow(1, variable, variableName);
        sources.addRow(2, keyring, secret);
        sources.addRow(3, pgpass);
        GridPane.setColumnSpan(pgpass, 2);

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        ColumnConstraints name = new ColumnConstraints();
        name.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints field = new ColumnConstraints();
        field.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(name, field);
        grid.addRow(0, new Label(Ui.text("app.settings.db.url")), url);
        Label urlHint = Ui.muted(Ui.text("app.settings.db.urlHint"));
        urlHint.setWrapText(true);
        grid.add(urlHint, 1, 1);
        grid.addRow(2, new Label(Ui.text("app.settings.db.user")), user);
        Label fromLabel = new Label(Ui.text("app.settings.db.passwordFrom"));
        grid.addRow(3, fromLabel, sources);
        GridPane.setValignment(fromLabel, javafx.geometry.VPos.TOP);
        VBox box = new VBox(8, grid);
        if (!model.keyringAvailable()) {
            Label missing = Ui.muted(model.keyringNote());
            missing.setId("db-keyring-missing");
            missing.setWrapText(true);
            box.getChildren().add(missing);
        }
        return box;
    }

    private static RadioButton source(ToggleGroup group, String id, String key, PasswordFrom from) {
        RadioButton button = new RadioButton(Ui.text(key));
        button.setId(id);
        button.setUserData(from);
        button.setToggleGroup(group);
        button.setMinWidth(Region.USE_PREF_SIZE);
        return button;
    }
}
