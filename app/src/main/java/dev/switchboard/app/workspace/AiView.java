package dev.switchboard.app.workspace;

import dev.switchboard.ai.AiUse;
import dev.switchboard.ai.Provenance;
import dev.switchboard.ai.engine.AiStatus;
import dev.switchboard.ai.engine.chat.UsageRow;
import dev.switchboard.ai.engine.provider.ConnectionTest;
import dev.switchboard.ai.engine.provider.ProviderConfig;
import dev.switchboard.ai.engine.provider.ProviderKind;
import dev.switchboard.ai.engine.provider.SecretResolver;
import dev.switchboard.ai.engine.worker.ApiFlavour;
import dev.switchboard.ai.engine.worker.Worker;
import dev.switchboard.ai.engine.worker.WorkerKind;
import dev.switchboard.uikit.Tables;
import dev.switchboard.uikit.WorkspaceView;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/** The AI page; binds to {@link AiViewModel}. */
final class AiView implements WorkspaceView {

    private final AiViewModel model;
    private final ScrollPane page;
    private final TableView<ProviderConfig> providers = new TableView<>();
    private final GridPane uses = new GridPane();
    private final Map<AiUse, ComboBox<String>> useChoices = new EnumMap<>(AiUse.class);
    private final Map<AiUse, Label> useStates = new EnumMap<>(AiUse.class);
    private final TableView<AiViewModel.WorkerRow> workers = new TableView<>();

    AiView(AiViewModel model) {
        this.model = model;
        Label message = new Label();
        message.getStyleClass().add("sb-ok");
        message.textProperty().bind(model.messageProperty());
        message.setId("ai-message");
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        page = Ui.page(new VBox(18, message, providersCard(), usesCard(), usageCard(), workersCard()));
        model.providers().addListener((javafx.collections.ListChangeListener<ProviderConfig>) c -> showUses());
        model.statusProperty().addListener((obs, old, now) -> showUses());
    }

    @Override
    public Node node() {
        return page;
    }

    @Override
    public void activate() {
        model.refresh();
    }

    @Override
    public void deactivate() {
        // Reads are one-shot; nothing keeps running while hidden.
    }

    private Node providersCard() {
        providers.setId("ai-providers");
        providers.setItems(model.providers());
        providers.getColumns().add(Tables.column(Ui.text("app.ai.col.name"), ProviderConfig::name, 110));
        providers.getColumns().add(Tables.column(Ui.text("app.ai.col.kind"), p -> p.kind().name(), 150));
        providers.getColumns().add(Tables.column(Ui.text("app.ai.col.url"), ProviderConfig::baseUrl, 220));
        providers.getColumns().add(Tables.column(Ui.text("app.ai.col.model"), ProviderConfig::model, 150));
        providers.getColumns().add(Tables.column(Ui.text("app.ai.col.key"), p -> SecretResolver.describe(p.apiKeyRef()),
                150));
        providers.getColumns().add(Tables.column(Ui.text("app.ai.col.prices"), p -> String.format(Locale.ROOT,
                "$%.2f / $%.2f", p.inputUsdPerMillionTokens(), p.outputUsdPerMillionTokens()), 110));
        providers.getColumns().add(Tables.column(Ui.text("app.ai.col.enabled"),
                p -> Ui.text(p.enabled() ? "app.ai.yes" : "app.ai.no"), 70));
        providers.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        providers.setPrefHeight(170);
        providers.setPlaceholder(Ui.muted(Ui.text("app.ai.noProviders")));

        Button add = new Button(Ui.text("app.ai.addProvider"), new FontIcon(Material2OutlinedAL.ADD_CIRCLE));
        add.setId("ai-add-provider");
        add.getStyleClass().add("accent");
        add.setOnAction(e -> providerDialog(null).ifPresent(model::addProvider));
        Button edit = new Button(Ui.text("app.ai.editProvider"), new FontIcon(Material2OutlinedAL.EDIT));
        edit.setOnAction(e -> selected().flatMap(this::providerDialog).ifPresent(model::updateProvider));
        Button remove = new Button(Ui.text("app.ai.removeProvider"), new FontIcon(Material2OutlinedAL.DELETE));
        remove.setOnAction(e -> selected().ifPresent(model::removeProvider));
        Button test = new Button(Ui.text("app.ai.test"), new FontIcon(Material2OutlinedMZ.NETWORK_CHECK));
        test.setId("ai-test");
        test.setOnAction(e -> selected().ifPresent(p -> model.test(p, result -> showTest(p, result))));
        for (Button b : new Button[] {edit, remove, test}) {
            b.disableProperty().bind(providers.getSelectionModel().selectedItemProperty().isNull());
        }
        return Ui.card(Ui.text("app.ai.providers"), Material2OutlinedMZ.MEMORY, providers,
                new HBox(8, add, edit, remove, test), Ui.muted(Ui.text("app.ai.providersHint")));
    }

    private Node usesCard() {
        uses.setHgap(12);
        uses.setVgap(8);
        uses.setId("ai-uses");
        int row = 0;
        for (AiUse use : AiUse.values()) {
            ComboBox<String> choice = new ComboBox<>();
            choice.setId("ai-use-" + use.name().toLowerCase(Locale.ROOT));
            choice.setPrefWidth(180);
            choice.setOnAction(e -> model.assign(use, choice.getValue()));
            Label state = Ui.muted("");
            useChoices.put(use, choice);
            useStates.put(use, state);
            uses.addRow(row++, new Label(use.label()), choice, state);
        }
        return Ui.card(Ui.text("app.ai.uses"), Material2OutlinedMZ.TUNE, uses, Ui.muted(Ui.text("app.ai.usesHint")));
    }

    private void showUses() {
        AiStatus status = model.statusProperty().get();
        for (AiUse use : AiUse.values()) {
            ComboBox<String> choice = useChoices.get(use);
            var handler = choice.getOnAction();
            choice.setOnAction(null);
            choice.setItems(FXCollections.observableArrayList(model.choicesFor()));
            choice.setValue(model.assignment(use));
            choice.setOnAction(handler);
            if (status != null) {
                AiStatus.UseStatus s = status.of(use);
                String last = s.lastCall().map(Provenance::label).orElse(Ui.text("app.ai.noCallYet"));
                boolean assigned = !ProviderConfig.OFFLINE.equals(model.assignment(use));
                useStates.get(use).setText(s.usable() ? Ui.text("app.ai.useOnline", s.breaker(), last)
                        : assigned ? Ui.text("app.ai.useUnusable", s.provider(), last)
                        : Ui.text("app.ai.useOffline", last));
            }
        }
    }

    private Node usageCard() {
        TableView<UsageRow> table = new TableView<>(model.usage());
        table.setId("ai-usage");
        table.getColumns().add(Tables.column(Ui.text("app.ai.col.day"), r -> r.day().toString(), 100));
        table.getColumns().add(Tables.column(Ui.text("app.ai.col.use"), r -> r.use().label(), 120));
        table.getColumns().add(Tables.column(Ui.text("app.ai.col.provider"), UsageRow::provider, 110));
        table.getColumns().add(Tables.column(Ui.text("app.ai.col.model"), UsageRow::model, 140));
        table.getColumns().add(Tables.column(Ui.text("app.ai.col.calls"), r -> String.valueOf(r.calls()), 60));
        table.getColumns().add(Tables.column(Ui.text("app.ai.col.cached"), r -> String.valueOf(r.cacheHits()), 60));
        table.getColumns().add(Tables.column(Ui.text("app.ai.col.tokens"),
                r -> r.tokensIn() + " / " + r.tokensOut(), 110));
        table.getColumns().add(Tables.column(Ui.text("app.ai.col.cost"),
                r -> String.format(Locale.ROOT, "$%.4f", r.costUsd()), 80));
        table.getColumns().add(Tables.column(Ui.text("app.ai.col.offline"), r -> String.valueOf(r.fallbacks()), 60));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(200);
        table.setPlaceholder(Ui.muted(Ui.text("app.ai.noUsage")));
        Label totals = new Label();
        totals.textProperty().bind(model.usageTotalsProperty());
        totals.setId("ai-usage-totals");
        return Ui.card(Ui.text("app.ai.usage"), Material2OutlinedAL.INSIGHTS, totals, table);
    }

    private Node workersCard() {
        workers.setId("ai-workers");
        workers.setItems(model.workers());
        workers.getColumns().add(Tables.column(Ui.text("app.ai.col.name"), r -> r.worker().name(), 110));
        workers.getColumns().add(Tables.column(Ui.text("app.ai.col.kind"), r -> r.worker().kind().name(), 70));
        workers.getColumns().add(Tables.column(Ui.text("app.ai.col.flavour"), r -> r.worker().flavour().label(), 130));
        workers.getColumns().add(Tables.column(Ui.text("app.ai.col.url"), r -> r.worker().baseUrl().toString(), 200));
        workers.getColumns().add(Tables.column(Ui.text("app.ai.col.capacity"),
                r -> String.valueOf(r.worker().capacity()), 70));
        workers.getColumns().add(Tables.column(Ui.text("app.ai.col.health"), AiViewModel.WorkerRow::healthText, 220));
        workers.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        workers.setPrefHeight(160);
        workers.setPlaceholder(Ui.muted(Ui.text("app.ai.noWorkers")));
        Button add = new Button(Ui.text("app.ai.addWorker"), new FontIcon(Material2OutlinedAL.ADD_CIRCLE));
        add.setId("ai-add-worker");
        add.setOnAction(e -> workerDialog().ifPresent(model::addWorker));
        Button remove = new Button(Ui.text("app.ai.removeWorker"), new FontIcon(Material2OutlinedAL.DELETE));
        remove.disableProperty().bind(workers.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> Optional.ofNullable(workers.getSelectionModel().getSelectedItem())
                .ifPresent(model::removeWorker));
        Button check = new Button(Ui.text("app.ai.checkWorkers"), new FontIcon(Material2OutlinedMZ.REFRESH));
        check.setOnAction(e -> model.checkWorkers());
        Label availability = new Label();
        availability.textProperty().bind(model.imageAvailabilityProperty());
        availability.setId("ai-image-availability");
        return Ui.card(Ui.text("app.ai.workers"), Material2OutlinedMZ.SETTINGS_INPUT_COMPONENT, availability, workers,
                new HBox(8, add, remove, check), Ui.muted(Ui.text("app.ai.workersHint")));
    }

    private Optional<ProviderConfig> selected() {
        return Optional.ofNullable(providers.getSelectionModel().getSelectedItem());
    }

    private void showTest(ProviderConfig provider, ConnectionTest.TestResult result) {
        Alert alert = new Alert(result.ok() ? Alert.AlertType.INFORMATION : Alert.AlertType.ERROR);
        alert.initOwner(page.getScene().getWindow());
        alert.setTitle(Ui.text("app.ai.test"));
        alert.setHeaderText(Ui.text(result.ok() ? "app.ai.testOk" : "app.ai.testFailed", provider.name(),
                result.latency().toMillis()));
        alert.setContentText(result.message()
                + (result.models().isEmpty() ? "" : "\n\n" + Ui.text("app.ai.testModels", String.join(", ",
                result.models())))
                + (result.sampleAnswer().isBlank() ? ""
                : "\n\n" + Ui.text("app.ai.testSample", result.sampleAnswer())));
        alert.show();
    }

    /** Add (when {@code existing} is null) or edit a provider; the key is named, never typed in. */
    private Optional<ProviderConfig> providerDialog(ProviderConfig existing) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(page.getScene().getWindow());
        dialog.setTitle(Ui.text(existing == null ? "app.ai.addProvider" : "app.ai.editProvider"));
        dialog.setHeaderText(Ui.text("app.ai.providerHeader"));
        TextField name = new TextField(existing == null ? "" : existing.name());
        name.setDisable(existing != null);
        ComboBox<ProviderKind> kind = new ComboBox<>(FXCollections.observableArrayList(ProviderKind.values()));
        kind.setValue(existing == null ? ProviderKind.OPENAI_COMPATIBLE : existing.kind());
        TextField url = new TextField(existing == null ? ProviderKind.OPENAI_COMPATIBLE.defaultBaseUrl()
                : existing.baseUrl());
        kind.valueProperty().addListener((obs, old, now) -> {
            if (old != null && url.getText().equals(old.defaultBaseUrl())) {
                url.setText(now.defaultBaseUrl());
            }
        });
        TextField modelName = new TextField(existing == null ? "" : existing.model());
        TextField keyRef = new TextField(existing == null ? "" : existing.apiKeyRef());
        keyRef.setPromptText("env:OPENAI_API_KEY  or  keyring:switchboard-openai");
        TextField priceIn = new TextField(existing == null ? "0" : String.valueOf(existing.inputUsdPerMillionTokens()));
        TextField priceOut = new TextField(existing == null ? "0"
                : String.valueOf(existing.outputUsdPerMillionTokens()));
        Spinner<Integer> timeout = new Spinner<>(1, 600, existing == null ? 30 : (int) existing.timeout().toSeconds());
        CheckBox enabled = new CheckBox(Ui.text("app.ai.enabled"));
        enabled.setSelected(existing == null || existing.enabled());
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label(Ui.text("app.ai.col.name")), name);
        grid.addRow(1, new Label(Ui.text("app.ai.col.kind")), kind);
        grid.addRow(2, new Label(Ui.text("app.ai.col.url")), url);
        grid.addRow(3, new Label(Ui.text("app.ai.col.model")), modelName);
        grid.addRow(4, new Label(Ui.text("app.ai.col.key")), keyRef);
        grid.addRow(5, new Label(Ui.text("app.ai.priceIn")), priceIn);
        grid.addRow(6, new Label(Ui.text("app.ai.priceOut")), priceOut);
        grid.addRow(7, new Label(Ui.text("app.ai.timeout")), timeout);
        grid.add(enabled, 1, 8);
        grid.add(Ui.muted(Ui.text("app.ai.keyHint")), 0, 9, 2, 1);
        url.setPrefColumnCount(28);
        return showForm(dialog, grid, 10, () -> new ProviderConfig(name.getText().trim(), kind.getValue(),
                url.getText().trim(), modelName.getText().trim(), keyRef.getText().trim(),
                number(priceIn, "input price"), number(priceOut, "output price"),
                Duration.ofSeconds(timeout.getValue()), enabled.isSelected()));
    }

    private Optional<Worker> workerDialog() {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(page.getScene().getWindow());
        dialog.setTitle(Ui.text("app.ai.addWorker"));
        dialog.setHeaderText(Ui.text("app.ai.workerHeader"));
        TextField name = new TextField();
        TextField url = new TextField("http://");
        url.setPrefColumnCount(28);
        ComboBox<WorkerKind> kind = new ComboBox<>(FXCollections.observableArrayList(WorkerKind.values()));
        kind.setValue(WorkerKind.IMAGE);
        ComboBox<ApiFlavour> flavour = new ComboBox<>(FXCollections.observableArrayList(ApiFlavour.values()));
        flavour.setValue(ApiFlavour.A1111_TXT2IMG);
        TextField keyEnv = new TextField();
        keyEnv.setPromptText("env:WORKER_API_KEY");
        Spinner<Integer> capacity = new Spinner<>(1, 16, 1);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label(Ui.text("app.ai.col.name")), name);
        grid.addRow(1, new Label(Ui.text("app.ai.col.url")), url);
        grid.addRow(2, new Label(Ui.text("app.ai.col.kind")), kind);
        grid.addRow(3, new Label(Ui.text("app.ai.col.flavour")), flavour);
        grid.addRow(4, new Label(Ui.text("app.ai.col.key")), keyEnv);
        grid.addRow(5, new Label(Ui.text("app.ai.col.capacity")), capacity);
        return showForm(dialog, grid, 6, () -> new Worker(name.getText().trim(), URI.create(url.getText().trim()),
                kind.getValue(), flavour.getValue(), keyEnv.getText().trim(), capacity.getValue(), true));
    }

    /**
     * Shows a form dialog whose Save builds the result; what the builder refuses is shown under the form
     * (in grid row {@code errorRow}) and the dialog stays open.
     */
    private static <T> Optional<T> showForm(Dialog<ButtonType> dialog, GridPane grid, int errorRow,
                                            java.util.function.Supplier<T> build) {
        Label error = new Label();
        error.getStyleClass().add("sb-error");
        error.setWrapText(true);
        grid.add(error, 0, errorRow, 2, 1);
        dialog.getDialogPane().setContent(grid);
        ButtonType save = new ButtonType(Ui.text("app.ai.save"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        List<T> built = new ArrayList<>(1);
        dialog.getDialogPane().lookupButton(save).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            try {
                built.clear();
                built.add(build.get());
            } catch (RuntimeException ex) {
                error.setText(ex.getMessage());
                e.consume();
            }
        });
        return dialog.showAndWait().filter(b -> b == save && !built.isEmpty()).map(b -> built.get(0));
    }

    private static double number(TextField field, String name) {
        try {
            return Double.parseDouble(field.getText().trim());
        } catch (NumberFormatException e) {
            throw dev.switchboard.core.error.InputException.field(name, "must be a number, was '" + field.getText()
                    + "'");
        }
    }
}
