package dev.switchboard.studio.ui.ops;

import dev.switchboard.ai.AiUsage;
import dev.switchboard.ai.GpuFleet;
import dev.switchboard.ai.WorkerCapability;
import dev.switchboard.core.error.InputException;
import dev.switchboard.studio.engine.ops.OpsMonitor;
import dev.switchboard.studio.engine.ops.PolicyStore;
import dev.switchboard.studio.engine.ops.ScalingLog;
import dev.switchboard.studio.model.ops.OpsSnapshot;
import dev.switchboard.studio.model.ops.ScalingDecision;
import dev.switchboard.studio.model.ops.ScalingPolicy;
import dev.switchboard.studio.ui.StudioPanel;
import dev.switchboard.studio.ui.Text;
import dev.switchboard.uikit.Card;
import dev.switchboard.uikit.Tables;
import dev.switchboard.uikit.WorkspaceContext;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Operations: the workers (health, latency, load, jobs per hour, failures), the queue and utilisation over the
 * last hour, AI tokens and cost per day, the workstation's own figures, the auto-scaling policy with its decisions
 * and reasons, and whether the metrics endpoint listens.
 */
public final class OpsPanel implements StudioPanel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final OpsViewModel model;
    private final GpuFleet fleet;
    private final VBox root = new VBox(12);
    private final ScrollPane scroll = new ScrollPane(root);
    private final XYChart.Series<String, Number> queued = new XYChart.Series<>();
    private final XYChart.Series<String, Number> utilisation = new XYChart.Series<>();
    private final BarChart<String, Number> tokens = new BarChart<>(new CategoryAxis(), new NumberAxis());
    private final BarChart<String, Number> cost = new BarChart<>(new CategoryAxis(), new NumberAxis());
    private final Label figures = new Label();
    private final Label decision = new Label();

    public OpsPanel(WorkspaceContext ctx) {
        fleet = ctx.service(GpuFleet.class);
        model = new OpsViewModel(ctx.service(OpsMonitor.class), ctx.service(PolicyStore.class),
                ctx.service(ScalingLog.class), ctx.tasks());
        root.setId("studio-ops");
        root.setPadding(new Insets(12));
        scroll.setFitToWidth(true);
        root.getChildren().addAll(workersCard(), chartsRow(), usageRow(), scalingCard(), endpointCard());
        model.latestProperty().addListener((obs, old, s) -> showFigures(s));
        model.history().addListener((javafx.collections.ListChangeListener<OpsSnapshot>) c -> showHistory());
        model.lastDecisionProperty().addListener((obs, old, d) -> decision.setText(d == null ? ""
                : Text.get("studio.ops.decisionNow", direction(d.direction()), d.reason(), d.outcome())));
    }

    @Override
    public String title() {
        return Text.get("studio.ops.title");
    }

    @Override
    public Node node() {
        return scroll;
    }

    @Override
    public void activate() {
        model.activate();
    }

    @Override
    public void deactivate() {
        model.deactivate();
    }

    private Node workersCard() {
        TableView<GpuFleet.WorkerStatus> table = new TableView<>(model.workers());
        table.setId("ops-workers");
        table.setPlaceholder(new Label(Text.get("studio.ops.noWorkers")));
        table.setPrefHeight(190);
        table.getColumns().addAll(List.of(
                Tables.column(Text.get("studio.ops.col.worker"), GpuFleet.WorkerStatus::name, 120),
                Tables.column(Text.get("studio.ops.col.flavour"), GpuFleet.WorkerStatus::flavour, 80),
                Tables.column(Text.get("studio.ops.col.can"), w -> w.capabilities().stream()
                        .sorted().map(WorkerCapability::label).collect(Collectors.joining(", ")), 150),
                Tables.column(Text.get("studio.ops.col.health"), w -> w.enabled() ? w.healthSummary()
                        : Text.get("studio.ops.off"), 170),
                Tables.column(Text.get("studio.ops.col.load"), w -> w.inFlight() + " / " + w.capacity(), 75),
                Tables.column(Text.get("studio.ops.col.jobsHour"), w -> Integer.toString(w.jobsLastHour()), 95),
                Tables.column(Text.get("studio.ops.col.failures"), w -> Integer.toString(w.failuresLastHour()), 115),
                Tables.column(Text.get("studio.ops.col.meanTime"), w -> w.meanJobTime().isZero() ? ""
                        : String.format(Locale.ROOT, "%.1f s", w.meanJobTime().toMillis() / 1000.0), 90),
                Tables.column(Text.get("studio.ops.col.standby"), w -> w.standby() ? Text.get("studio.ops.yes")
                        : "", 75),
                Tables.column(Text.get("studio.ops.col.note"), GpuFleet.WorkerStatus::note, 320)));
        Button on = new Button(Text.get("studio.ops.switchOn"));
        on.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        on.setOnAction(e -> model.setEnabled(fleet, table.getSelectionModel().getSelectedItem().name(), true));
        Button off = new Button(Text.get("studio.ops.switchOff"));
        off.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        off.setOnAction(e -> model.setEnabled(fleet, table.getSelectionModel().getSelectedItem().name(), false));
        Label status = new Label();
        status.textProperty().bind(model.statusProperty());
        return new Card(Text.get("studio.ops.workers"), new VBox(6, table, new HBox(8, on, off, status)));
    }

    private Node chartsRow() {
        LineChart<String, Number> queue = line(Text.get("studio.ops.queueChart"), queued);
        queue.setId("ops-queue-chart");
        queued.setName(Text.get("studio.ops.queued"));
        LineChart<String, Number> util = line(Text.get("studio.ops.utilChart"), utilisation);
        utilisation.setName(Text.get("studio.ops.utilisation"));
        figures.setWrapText(true);
        figures.setId("ops-figures");
        HBox.setHgrow(queue, Priority.ALWAYS);
        HBox.setHgrow(util, Priority.ALWAYS);
        HBox charts = new HBox(10, queue, util);
        return new Card(Text.get("studio.ops.now"), new VBox(6, figures, charts));
    }

    private Node usageRow() {
        tokens.setTitle(Text.get("studio.ops.tokensChart"));
        tokens.setAnimated(false);
        tokens.setPrefHeight(220);
        cost.setTitle(Text.get("studio.ops.costChart"));
        cost.setAnimated(false);
        cost.setPrefHeight(220);
        HBox.setHgrow(tokens, Priority.ALWAYS);
        HBox.setHgrow(cost, Priority.ALWAYS);
        return new Card(Text.get("studio.ops.usage"), new HBox(10, tokens, cost));
    }

    private Node scalingCard() {
        CheckBox enabled = new CheckBox(Text.get("studio.ops.policyOn"));
        enabled.setId("ops-policy-enabled");
        Spinner<Integer> upDepth = spinner(1, 1000);
        Spinner<Integer> upWait = spinner(1, 3600);
        Spinner<Integer> downDepth = spinner(0, 999);
        Spinner<Integer> downStable = spinner(0, 3600);
        Spinner<Integer> cooldown = spinner(0, 3600);
        Spinner<Integer> min = spinner(0, 64);
        Spinner<Integer> max = spinner(1, 64);
        ComboBox<ScalingPolicy.Action> action = new ComboBox<>();
        action.getItems().addAll(ScalingPolicy.Action.values());
        action.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(ScalingPolicy.Action a) {
                return a == null ? "" : switch (a) {
                    case STANDBY_WORKERS -> Text.get("studio.ops.action.standby");
                    case COMMAND -> Text.get("studio.ops.action.command");
                    case WEBHOOK -> Text.get("studio.ops.action.webhook");
                };
            }

            @Override
            public ScalingPolicy.Action fromString(String s) {
                return null;
            }
        });
        TextField command = new TextField();
        command.setPromptText(Text.get("studio.ops.commandHint"));
        TextField webhook = new TextField();
        webhook.setPromptText(Text.get("studio.ops.webhookHint"));
        model.policyProperty().addListener((obs, old, p) -> {
            if (p == null) {
                return;
            }
            enabled.setSelected(p.enabled());
            upDepth.getValueFactory().setValue(p.upQueueDepth());
            upWait.getValueFactory().setValue((int) p.upWait().toSeconds());
            downDepth.getValueFactory().setValue(p.downQueueDepth());
            downStable.getValueFactory().setValue((int) p.downStable().toSeconds());
            cooldown.getValueFactory().setValue((int) p.cooldown().toSeconds());
            min.getValueFactory().setValue(p.minWorkers());
            max.getValueFactory().setValue(p.maxWorkers());
            action.setValue(p.action());
            command.setText(p.command());
            webhook.setText(p.webhook() == null ? "" : p.webhook().toString());
        });
        Label problem = new Label();
        problem.getStyleClass().add("sb-error");
        Button save = new Button(Text.get("studio.ops.savePolicy"));
        save.setId("ops-save-policy");
        save.setOnAction(e -> {
            try {
                URI hook = webhook.getText().isBlank() ? null : URI.create(webhook.getText().strip());
                model.save(new ScalingPolicy(enabled.isSelected(), upDepth.getValue(),
                        Duration.ofSeconds(upWait.getValue()), downDepth.getValue(),
                        Duration.ofSeconds(downStable.getValue()), Duration.ofSeconds(cooldown.getValue()),
                        min.getValue(), max.getValue(), action.getValue(), command.getText(), hook));
                problem.setText("");
            } catch (InputException | IllegalArgumentException ex) {
                problem.setText(ex.getMessage());
            }
        });
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        action.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        grid.getChildren().addListener((javafx.collections.ListChangeListener<Node>) c -> grid.getChildren()
                .forEach(n -> {
                    if (n instanceof Label l) {
                        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                    }
                }));
        grid.add(enabled, 0, 0, 4, 1);
        grid.addRow(1, new Label(Text.get("studio.ops.upDepth")), upDepth, new Label(Text.get("studio.ops.upWait")),
                upWait);
        grid.addRow(2, new Label(Text.get("studio.ops.downDepth")), downDepth,
                new Label(Text.get("studio.ops.downStable")), downStable);
        grid.addRow(3, new Label(Text.get("studio.ops.cooldown")), cooldown, new Label(Text.get("studio.ops.limits")),
                new HBox(4, min, new Label("–"), max));
        grid.addRow(4, new Label(Text.get("studio.ops.action")), action);
        grid.addRow(5, new Label(Text.get("studio.ops.command")), command);
        GridPane.setColumnSpan(command, 3);
        grid.addRow(6, new Label(Text.get("studio.ops.webhook")), webhook);
        GridPane.setColumnSpan(webhook, 3);
        grid.add(new HBox(8, save, problem), 1, 7, 3, 1);
        decision.setId("ops-decision");
        decision.setWrapText(true);
        TableView<ScalingDecision> log = new TableView<>(model.decisions());
        log.setId("ops-decisions");
        log.setPlaceholder(new Label(Text.get("studio.ops.noDecisions")));
        log.setPrefHeight(170);
        log.getColumns().addAll(List.of(
                Tables.column(Text.get("studio.ops.col.when"), d -> TIME.format(d.at()), 80),
                Tables.column(Text.get("studio.ops.col.direction"), d -> direction(d.direction()), 80),
                Tables.column(Text.get("studio.ops.col.target"), ScalingDecision::target, 140),
                Tables.column(Text.get("studio.ops.col.reason"), ScalingDecision::reason, 330),
                Tables.column(Text.get("studio.ops.col.outcome"), ScalingDecision::outcome, 200)));
        VBox right = new VBox(6, decision, log);
        HBox.setHgrow(right, Priority.ALWAYS);
        return new Card(Text.get("studio.ops.scaling"), new HBox(16, grid, right));
    }

    private Node endpointCard() {
        Label endpoint = new Label();
        endpoint.setId("ops-endpoint");
        endpoint.textProperty().bind(model.endpointProperty());
        Label hint = new Label(Text.get("studio.ops.endpointHint"));
        hint.getStyleClass().add("sb-muted");
        hint.setWrapText(true);
        return new Card(Text.get("studio.ops.metrics"), new VBox(4, endpoint, hint));
    }

    private void showFigures(OpsSnapshot s) {
        if (s == null) {
            return;
        }
        figures.setText(Text.get("studio.ops.figures", s.imagesQueued(), s.clipsQueued(), s.running(),
                s.oldestWait().toSeconds(), Math.round(s.utilisation() * 100), s.healthyWorkers(),
                s.heapUsedBytes() / (1024 * 1024), s.heapMaxBytes() / (1024 * 1024), s.threads(),
                Math.round(s.busEventsPerMinute()), s.eventLogBacklog(), Math.round(s.eventLogAppendsPerMinute())));
        Map<String, Map<String, Number>> tokensBy = new TreeMap<>();
        Map<String, Map<String, Number>> costBy = new TreeMap<>();
        for (AiUsage.Day d : s.usage()) {
            String day = d.day().toString().substring(5);
            tokensBy.computeIfAbsent(d.provider(), p -> new TreeMap<>()).merge(day, d.tokensIn() + d.tokensOut(),
                    (a, b) -> a.longValue() + b.longValue());
            costBy.computeIfAbsent(d.provider(), p -> new TreeMap<>()).merge(day, d.costUsd(),
                    (a, b) -> a.doubleValue() + b.doubleValue());
        }
        fill(tokens, tokensBy);
        fill(cost, costBy);
    }

    private void showHistory() {
        List<OpsSnapshot> h = model.history();
        int step = Math.max(1, h.size() / 12);
        List<XYChart.Data<String, Number>> q = new java.util.ArrayList<>();
        List<XYChart.Data<String, Number>> u = new java.util.ArrayList<>();
        for (int i = 0; i < h.size(); i += step) {
            String t = TIME.format(h.get(i).at());
            q.add(new XYChart.Data<>(t, h.get(i).queued()));
            u.add(new XYChart.Data<>(t, Math.round(h.get(i).utilisation() * 100)));
        }
        queued.getData().setAll(q);
        utilisation.getData().setAll(u);
    }

    private static void fill(BarChart<String, Number> chart, Map<String, Map<String, Number>> byProvider) {
        chart.getData().clear();
        if (byProvider.isEmpty()) {
            XYChart.Series<String, Number> none = new XYChart.Series<>();
            none.setName(Text.get("studio.ops.noUsage"));
            none.getData().add(new XYChart.Data<>(LocalDate.now().toString().substring(5), 0));
            chart.getData().add(none);
            return;
        }
        byProvider.forEach((provider, days) -> {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(provider);
            days.forEach((day, value) -> series.getData().add(new XYChart.Data<>(day, value)));
            chart.getData().add(series);
        });
    }

    private static LineChart<String, Number> line(String title, XYChart.Series<String, Number> series) {
        LineChart<String, Number> chart = new LineChart<>(new CategoryAxis(), new NumberAxis());
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setPrefHeight(220);
        chart.getData().add(series);
        return chart;
    }

    private static Spinner<Integer> spinner(int min, int max) {
        Spinner<Integer> s = new Spinner<>(min, max, min);
        s.setEditable(true);
        s.setPrefWidth(90);
        return s;
    }

    static String direction(ScalingDecision.Direction d) {
        return switch (d) {
            case UP -> Text.get("studio.ops.up");
            case DOWN -> Text.get("studio.ops.down");
            case HOLD -> Text.get("studio.ops.hold");
        };
    }
}
