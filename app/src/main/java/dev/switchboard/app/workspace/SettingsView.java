package dev.switchboard.app.workspace;

import dev.switchboard.places.CityPackCatalog;
import dev.switchboard.app.shell.ChangePasswordDialog;
import dev.switchboard.calltaking.engine.session.CallSettings;
import dev.switchboard.core.account.AccountService;
import dev.switchboard.core.settings.CoreSettings.ThemeChoice;
import dev.switchboard.app.shell.DatabaseInUse;
import dev.switchboard.store.BackupInfo;
import dev.switchboard.store.ServerProbe;
import dev.switchboard.uikit.Tables;
import dev.switchboard.uikit.WorkspaceContext;
import dev.switchboard.uikit.WorkspaceView;
import java.io.IOException;
import java.nio.file.Path;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;
import org.slf4j.LoggerFactory;

/** The Settings page; binds to {@link SettingsViewModel}. */
final class SettingsView implements WorkspaceView {

    private final SettingsViewModel model;
    private final WorkspaceContext ctx;
    private final ScrollPane page;
    private final TableView<BackupInfo> backups = new TableView<>();

    SettingsView(SettingsViewModel model, WorkspaceContext ctx) {
        this.model = model;
        this.ctx = ctx;
        VBox content = new VBox(18, appearance(), security(), calls(), city(), workflows(), data(), backupsCard());
        if (model.isInstructor()) {
            // Which database the seat works on is the instructors' choice, as the other seat-wide settings.
            content.getChildren().add(content.getChildren().size() - 1, new SettingsDatabaseCard(
                    new SettingsDatabaseViewModel(ctx.service(DatabaseInUse.class), ctx.tasks(), System.getenv(),
                            ServerProbe::of, model::auditDatabaseChoice)).node());
        }
        page = Ui.page(content);
    }

    @Override
    public Node node() {
        return page;
    }

    @Override
    public void activate() {
        model.refreshBackups();
        model.checkWorkflowEngine();
    }

    @Override
    public void deactivate() {
        // The backup list is read on each visit; nothing keeps running.
    }

    private Node appearance() {
        ToggleGroup group = new ToggleGroup();
        RadioButton dark = new RadioButton(Ui.text("app.settings.themeDark"));
        dark.setId("theme-dark");
        dark.setUserData(ThemeChoice.DARK);
        RadioButton light = new RadioButton(Ui.text("app.settings.themeLight"));
        light.setId("theme-light");
        light.setUserData(ThemeChoice.LIGHT);
        dark.setToggleGroup(group);
        light.setToggleGroup(group);
        group.selectToggle(model.themeProperty().get() == ThemeChoice.LIGHT ? light : dark);
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.themeProperty().set((ThemeChoice) now.getUserData());
            }
        });
        return Ui.card(Ui.text("app.settings.appearance"), Material2OutlinedAL.BRIGHTNESS_6,
                new HBox(18, dark, light), Ui.muted(Ui.text("app.settings.themeHint")));
    }

    private Node security() {
        Spinner<Integer> idle = minutesSpinner("idle-minutes", 1, 480, model.idleLockMinutesProperty().get());
        idle.valueProperty().addListener((obs, old, now) -> model.idleLockMinutesProperty().set(now));
        Button change = new Button(Ui.text("app.settings.changePassword"), new FontIcon(Material2OutlinedMZ.VPN_KEY));
        change.setId("settings-change-password");
        change.setOnAction(e -> ChangePasswordDialog.show(page.getScene().getWindow(), model.user(),
                ctx.service(AccountService.class), ctx.tasks(),
                () -> ctx.dialogs().showInfo(Ui.text("app.settings.changePassword"),
                        Ui.text("app.settings.passwordChanged"))));
        GridPane grid = nameControlHintGrid();
        grid.addRow(0, new Label(Ui.text("app.settings.idleLock")), idle,
                Ui.muted(model.isInstructor() ? Ui.text("app.settings.idleLockHint")
                        : Ui.text("app.settings.idleLockInstructorOnly")));
        CheckBox online = new CheckBox(Ui.text("app.settings.onlineTilesAllow"));
        online.setId("online-tiles");
        online.setDisable(!model.isInstructor());
        online.selectedProperty().bindBidirectional(model.onlineTilesProperty());
        grid.addRow(1, new Label(Ui.text("app.settings.onlineTiles")), online,
                Ui.muted(Ui.text("app.settings.onlineTilesHint")));
        CheckBox metrics = new CheckBox(Ui.text("app.settings.metricsServe"));
        metrics.setId("metrics-endpoint");
        metrics.setDisable(!model.isInstructor());
        metrics.selectedProperty().bindBidirectional(model.metricsEndpointProperty());
        Spinner<Integer> port = new Spinner<>(1024, 65535, model.metricsPortProperty().get());
        port.setId("metrics-port");
        port.setEditable(true);
        port.setPrefWidth(110);
        port.setDisable(!model.isInstructor());
        port.valueProperty().addListener((obs, old, now) -> model.metricsPortProperty().set(now));
        grid.addRow(2, new Label(Ui.text("app.settings.metrics")), new HBox(8, metrics, port),
                Ui.muted(Ui.text("app.settings.metricsHint")));
        grid.addRow(3, new Label(Ui.text("app.settings.password")), change);
        return Ui.card(Ui.text("app.settings.security"), Material2OutlinedMZ.SECURITY, grid);
    }

    private Node calls() {
        Spinner<Integer> minutes = minutesSpinner("max-call-minutes", CallSettings.SHORTEST_LIMIT_MINUTES,
                CallSettings.LONGEST_LIMIT_MINUTES, model.maxCallMinutesProperty().get());
        // What is typed goes to the model, which refuses anything but whole minutes in range with a message (the
        // spinner would otherwise clamp 500 to 240 silently, or throw on letters); the field then shows the stored
        // value again.
        minutes.getValueFactory().setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer value) {
                return value == null ? "" : value.toString();
            }

            @Override
            public Integer fromString(String text) {
                if (!model.setMaxCallMinutes(text)) {
                    minutes.getEditor().setText(toString(model.maxCallMinutesProperty().get()));
                }
                return model.maxCallMinutesProperty().get();
            }
        });
        minutes.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.setMaxCallMinutes(now.toString());
            }
        });
        GridPane grid = nameControlHintGrid();
        Label label = new Label(Ui.text("app.settings.maxCall"));
        label.setLabelFor(minutes);
        Label help = Ui.muted(model.isInstructor() ? Ui.text("app.settings.maxCallHint")
                : Ui.text("app.settings.maxCallInstructorOnly"));
        help.setWrapText(true);
        grid.addRow(0, label, minutes, help);
        return Ui.card(Ui.text("app.settings.calls"), Material2OutlinedMZ.PHONE_IN_TALK, grid);
    }

    /** An editable minutes spinner of the settings' width, which only instructors can change. */
    private Spinner<Integer> minutesSpinner(String id, int min, int max, int value) {
        Spinner<Integer> spinner = new Spinner<>(min, max, value);
        spinner.setId(id);
        spinner.setEditable(true);
        spinner.setPrefWidth(110);
        spinner.setMinWidth(Region.USE_PREF_SIZE);
        spinner.setDisable(!model.isInstructor());
        return spinner;
    }

    /** Rows of name, control and hint: names and controls keep their width; only the hints wrap. */
    private static GridPane nameControlHintGrid() {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        ColumnConstraints name = new ColumnConstraints();
        name.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints control = new ColumnConstraints();
        control.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints hint = new ColumnConstraints();
        hint.setHgrow(Priority.ALWAYS);
        hint.setMinWidth(120);
        grid.getColumnConstraints().addAll(name, control, hint);
        return grid;
    }

    private Node city() {
        ComboBox<CityPackCatalog.Entry> choice = new ComboBox<>(model.packs());
        choice.setId("city-pack");
        choice.setDisable(!model.isInstructor());
        choice.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(CityPackCatalog.Entry e) {
                return e == null ? "" : e.bundled() ? Ui.text("app.settings.packBundled", e.name())
                        : Ui.text("app.settings.packImported", e.name(), e.folder());
            }

            @Override
            public CityPackCatalog.Entry fromString(String s) {
                return null;
            }
        });
        choice.valueProperty().bindBidirectional(model.packProperty());
        choice.setMaxWidth(Double.MAX_VALUE);
        Button add = new Button(Ui.text("app.settings.packAdd"), new FontIcon(Material2OutlinedAL.FOLDER_OPEN));
        add.setId("city-pack-add");
        add.setDisable(!model.isInstructor());
        add.setOnAction(e -> {
            javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
            chooser.setTitle(Ui.text("app.settings.packAdd"));
            java.io.File folder = chooser.showDialog(page.getScene().getWindow());
            if (folder != null) {
                model.addPackFolder(folder.toPath());
            }
        });
        Label credits = Ui.muted("");
        credits.setWrapText(true);
        credits.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            CityPackCatalog.Entry e = model.packProperty().get();
            return e == null ? "" : e.bundled() ? Ui.text("app.settings.packBundledCredits")
                    : Ui.text("app.settings.packCredits", e.credits());
        }, model.packProperty()));
        HBox row = new HBox(8, choice, add);
        HBox.setHgrow(choice, javafx.scene.layout.Priority.ALWAYS);
        return Ui.card(Ui.text("app.settings.city"), Material2OutlinedMZ.MAP, row, credits,
                Ui.muted(model.isInstructor() ? Ui.text("app.settings.packHint")
                        : Ui.text("app.settings.packInstructorOnly")));
    }

    private Node workflows() {
        TextField address = new TextField(model.temporalAddressProperty().get());
        address.setId("temporal-address");
        address.setPromptText(Ui.text("app.settings.temporalPrompt"));
        address.setPrefColumnCount(22);
        address.setDisable(!model.isInstructor());
        Button apply = new Button(Ui.text("app.settings.temporalApply"));
        apply.setId("temporal-apply");
        apply.setDisable(!model.isInstructor());
        apply.setOnAction(e -> {
            if (!model.setTemporalAddress(address.getText())) {
                address.setText(model.temporalAddressProperty().get());
            }
        });
        address.setOnAction(apply.getOnAction());
        Label status = new Label();
        status.setId("temporal-status");
        status.setWrapText(true);
        status.textProperty().bind(model.workflowEngineProperty());
        Label label = new Label(Ui.text("app.settings.temporal"));
        label.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(12, label, address, apply);
        row.setAlignment(Pos.CENTER_LEFT);
        return Ui.card(Ui.text("app.settings.workflows"), Material2OutlinedAL.ACCOUNT_TREE, row, status,
                Ui.muted(Ui.text("app.settings.temporalHint")));
    }

    private Node data() {
        TextField path = new TextField(model.dataDir().toString());
        path.setEditable(false);
        path.setId("data-dir");
        HBox.setHgrow(path, Priority.ALWAYS);
        Button open = new Button(Ui.text("app.settings.openFolder"), new FontIcon(Material2OutlinedAL.FOLDER_OPEN));
        open.setId("open-data-dir");
        open.setOnAction(e -> openFolder(model.dataDir()));
        Button copy = new Button(Ui.text("app.settings.copyPath"), new FontIcon(Material2OutlinedAL.CONTENT_COPY));
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(model.dataDir().toString());
            Clipboard.getSystemClipboard().setContent(content);
        });
        HBox row = new HBox(8, path, open, copy);
        return Ui.card(Ui.text("app.settings.data"), Material2OutlinedMZ.STORAGE, row,
                Ui.muted(Ui.text("app.settings.dataHint", model.databaseLocation(), model.logDir())));
    }

    private Node backupsCard() {
        TableColumn<BackupInfo, String> when = Tables.column(Ui.text("app.settings.col.created"),
                b -> Ui.when(b.createdAt()));
        TableColumn<BackupInfo, String> reason = Tables.column(Ui.text("app.settings.col.reason"), BackupInfo::reason);
        TableColumn<BackupInfo, String> size = Tables.column(Ui.text("app.settings.col.size"),
                b -> Ui.size(b.sizeBytes()));
        TableColumn<BackupInfo, String> file = Tables.column(Ui.text("app.settings.col.file"),
                b -> b.file().getFileName().toString());
        // A backup's file name is one long word: the column keeps room for it rather than break it mid-name.
        Tables.fitWords(file, "switchboard-20261231-235959-2-before-restore.db");
        Tables.fitWords(when, Ui.WIDEST_WHEN);
        backups.getColumns().add(when);
        backups.getColumns().add(reason);
        backups.getColumns().add(size);
        backups.getColumns().add(file);
        backups.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        backups.setItems(model.backups());
        backups.setPrefHeight(240);
        backups.setId("backups-table");
        backups.setPlaceholder(Ui.muted(Ui.text("app.settings.noBackups")));

        Button now = new Button(Ui.text("app.settings.backupNow"), new FontIcon(Material2OutlinedAL.BACKUP));
        now.setId("backup-now");
        now.disableProperty().bind(model.busyProperty()
                .or(javafx.beans.binding.Bindings.createBooleanBinding(model::onServer)));
        now.setOnAction(e -> model.backupNow());
        Button restore = new Button(Ui.text("app.settings.restore"), new FontIcon(Material2OutlinedMZ.RESTORE));
        restore.setId("backup-restore");
        restore.setVisible(model.isInstructor());
        restore.setManaged(model.isInstructor());
        restore.disableProperty().bind(backups.getSelectionModel().selectedItemProperty().isNull()
                .or(javafx.beans.binding.Bindings.createBooleanBinding(model::onServer)));
        restore.setOnAction(e -> model.restore(backups.getSelectionModel().getSelectedItem()));
        Label hint = Ui.muted(Ui.text(model.onServer() ? "app.settings.backupsServer" : "app.settings.backupsHint"));
        hint.setWrapText(true);
        return Ui.card(Ui.text("app.settings.backups"), Material2OutlinedAL.BACKUP, backups, new HBox(8, now, restore),
                hint);
    }

    /** Opens the folder in the desktop's file manager; says where it is when that is not possible. */
    private void openFolder(Path folder) {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        String[] command = os.contains("win") ? new String[] {"explorer", folder.toString()}
                : os.contains("mac") ? new String[] {"open", folder.toString()}
                : new String[] {"xdg-open", folder.toString()};
        try {
            new ProcessBuilder(command).inheritIO().start();
        } catch (IOException e) {
            LoggerFactory.getLogger(SettingsView.class).warn("Cannot open {} with {}", folder, command[0], e);
            ctx.dialogs().showInfo(Ui.text("app.settings.openFolder"), Ui.text("app.settings.openFailed", folder));
        }
    }
}
