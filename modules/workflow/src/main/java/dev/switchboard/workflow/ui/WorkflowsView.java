package dev.switchboard.workflow.ui;

import dev.switchboard.core.account.Role;
import dev.switchboard.core.exercise.ExerciseNotice;
import dev.switchboard.uikit.WorkspaceView;
import dev.switchboard.workflow.engine.GraphLayout;
import dev.switchboard.workflow.model.FormField;
import dev.switchboard.workflow.model.PendingApproval;
import dev.switchboard.workflow.model.RunDetail;
import dev.switchboard.workflow.model.RunSummary;
import dev.switchboard.workflow.model.TaskRun;
import dev.switchboard.workflow.model.TaskSpec;
import dev.switchboard.workflow.model.TaskState;
import dev.switchboard.workflow.model.WorkflowDefinition;
import dev.switchboard.workflow.spi.TaskTypeInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Workflows workspace: the designer (palette, canvas, YAML side by side, properties), the runs with their graph
 * coloured by live state, and the approval inbox. Supervisors see runs and the inbox; instructors also design.
 */
public final class WorkflowsView implements WorkspaceView {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final DesignerViewModel designer;
    private final WorkflowsViewModel model;
    private final TabPane tabs = new TabPane();
    private final GraphCanvas canvas = new GraphCanvas();
    private final GraphCanvas runCanvas = new GraphCanvas();
    private String drawnWorkflow;
    private boolean showingOpened;
    private String drawnRun;
    private final TextArea yaml = new TextArea();
    private final VBox properties = new VBox(6);
    private final ListView<RunSummary> runList = new ListView<>();
    private final ListView<String> taskList = new ListView<>();
    private final ListView<String> history = new ListView<>();
    private final ListView<PendingApproval> inboxList = new ListView<>();
    private final GridPane form = new GridPane();
    private final Map<String, Control> formFields = new LinkedHashMap<>();
    private final Label notice = new Label();
    private final AnimationTimer frames;
    private boolean syncingYaml;

    public WorkflowsView(DesignerViewModel designer, WorkflowsViewModel model) {
        this.designer = designer;
        this.model = model;
        boolean instructor = model.user().role() == Role.INSTRUCTOR;
        if (instructor) {
            tabs.getTabs().add(tab(Text.get("workflow.tab.designer"), designerPane(), "tab-designer"));
        }
        tabs.getTabs().add(tab(Text.get("workflow.tab.runs"), runsPane(), "tab-runs"));
        tabs.getTabs().add(tab(Text.get("workflow.tab.inbox"), inboxPane(), "tab-inbox"));
        tabs.getStylesheets().add(WorkflowsView.class.getResource("workflows.css").toExternalForm());
        notice.getStyleClass().add("workflow-notice");
        notice.setId("workflow-notice");
        frames = new AnimationTimer() {
            @Override
            public void handle(long now) {
                model.pull(now);
            }
        };
        if (instructor && !model.workflows().library().workflows().isEmpty()) {
            designer.open(model.workflows().library().workflows().get(0).source());
        } else if (instructor) {
            designer.newWorkflow();
        }
    }

    private static Tab tab(String title, Node content, String id) {
        Tab t = new Tab(title, content);
        t.setClosable(false);
        t.setId(id);
        return t;
    }

    // ---- designer

    private Node designerPane() {
        ComboBox<WorkflowDefinition> library = new ComboBox<>();
        library.getItems().setAll(model.workflows().library().workflows());
        library.setPromptText(Text.get("workflow.designer.open"));
        library.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(WorkflowDefinition d) {
                return d == null ? "" : d.name() + " (v" + d.version() + ")";
            }

            @Override
            public WorkflowDefinition fromString(String s) {
                return null;
            }
        });
        library.setOnAction(e -> {
            if (!showingOpened && library.getValue() != null) {
                designer.open(library.getValue().source());
            }
        });
        // The choice names the workflow on the canvas (it said "Open a workflow…" over the one opened at start).
        Runnable showOpened = () -> {
            WorkflowDefinition now = designer.definitionProperty().get();
            WorkflowDefinition match = now == null ? null : library.getItems().stream()
                    .filter(w -> w.id().equals(now.id())).findFirst().orElse(null);
            if (match != library.getValue()) {
                showingOpened = true;
                library.setValue(match);
                showingOpened = false;
            }
        };
        designer.definitionProperty().addListener((obs, old, now) -> showOpened.run());
        showOpened.run();
        Button newButton = button(Text.get("workflow.designer.new"), "designer-new", designer::newWorkflow);
        Button undo = button(Text.get("workflow.designer.undo"), "designer-undo", designer::undo);
        undo.disableProperty().bind(designer.canUndoProperty().not());
        Button redo = button(Text.get("workflow.designer.redo"), "designer-redo", designer::redo);
        redo.disableProperty().bind(designer.canRedoProperty().not());
        Button layout = button(Text.get("workflow.designer.layout"), "designer-layout", () -> {
            designer.relayout();
            canvas.fitWhenLaidOut();
        });
        Button fit = button(Text.get("workflow.designer.fit"), "designer-fit", canvas::fitWhenLaidOut);
        Button zoomIn = button("+", "designer-zoom-in", () -> canvas.zoomBy(1.2));
        Button zoomOut = button("−", "designer-zoom-out", () -> canvas.zoomBy(1 / 1.2));
        Button save = button(Text.get("workflow.designer.save"), "designer-save", this::save);
        Button run = button(Text.get("workflow.designer.run"), "designer-run", () -> {
            WorkflowDefinition d = designer.definitionProperty().get();
            if (d != null && designer.problemProperty().get().isEmpty()) {
                Map<String, String> given = Map.of();
                if (!d.inputs().isEmpty()) {
                    Optional<Map<String, String>> asked = RunInputsDialog.ask(tabs.getScene().getWindow(), d,
                            model.workflows().inputs());
                    if (asked.isEmpty()) {
                        return;
                    }
                    given = asked.get();
                }
                model.start(d, given);
                tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> "tab-runs".equals(t.getId()))
                        .findFirst().orElseThrow());
            }
        });
        run.getStyleClass().add("accent");
        ToolBar bar = new ToolBar(library, newButton, undo, redo, layout, zoomOut, zoomIn, fit, save, run);

        ListView<String> palette = new ListView<>();
        palette.setId("designer-palette");
        palette.getItems().setAll(designer.palette());
        palette.setPrefWidth(170);
        palette.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(String type, boolean empty) {
                super.updateItem(type, empty);
                setText(empty || type == null ? null : designer.workflows().types().find(type)
                        .map(t -> t.info().label()).orElse(type));
                setId(empty || type == null ? null : "palette-" + type);
            }
        });
        palette.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && palette.getSelectionModel().getSelectedItem() != null) {
                designer.addTask(palette.getSelectionModel().getSelectedItem());
            }
        });
        Label paletteHint = new Label(Text.get("workflow.designer.paletteHint"));
        paletteHint.setWrapText(true);
        paletteHint.setMaxWidth(180);
        VBox left = new VBox(6, new Label(Text.get("workflow.designer.palette")), palette, paletteHint);
        left.setPadding(new Insets(6));
        left.setPrefWidth(192);
        left.setMaxWidth(192);
        VBox.setVgrow(palette, Priority.ALWAYS);

        canvas.setId("designer-canvas");
        canvas.onSelect(id -> designer.selectedProperty().set(id));
        canvas.onConnect(designer::connect);
        yaml.setId("designer-yaml");
        yaml.getStyleClass().add("workflow-yaml");
        yaml.textProperty().addListener((obs, old, now) -> {
            if (!syncingYaml) {
                designer.yamlProperty().set(now);
            }
        });
        designer.yamlProperty().addListener((obs, old, now) -> {
            if (!now.equals(yaml.getText())) {
                syncingYaml = true;
                int caret = Math.min(yaml.getCaretPosition(), now.length());
                yaml.setText(now);
                yaml.positionCaret(caret);
                syncingYaml = false;
            }
        });
        designer.definitionProperty().addListener((obs, old, now) -> redrawDesigner());
        designer.layoutProperty().addListener((obs, old, now) -> redrawDesigner());
        designer.selectedProperty().addListener((obs, old, now) -> {
            redrawDesigner();
            showProperties();
        });
        Label problem = new Label();
        problem.setId("designer-problem");
        problem.getStyleClass().add("workflow-problem");
        problem.textProperty().bind(designer.problemProperty());
        problem.setWrapText(true);
        VBox yamlPane = new VBox(4, yaml, problem);
        VBox.setVgrow(yaml, Priority.ALWAYS);
        SplitPane center = new SplitPane(canvas, yamlPane);
        center.setDividerPositions(0.62);
        canvas.setMinWidth(200);
        java.util.function.UnaryOperator<String> typeName = type -> designer.workflows().types().find(type)
                .map(t -> t.info().label()).orElse(type);
        canvas.typeNames(typeName);
        runCanvas.typeNames(typeName);
        yamlPane.setMinWidth(200);
        properties.setPadding(new Insets(8));
        properties.setPrefWidth(240);
        properties.setMaxWidth(240);
        properties.setId("designer-properties");
        BorderPane pane = new BorderPane(center, bar, properties, null, left);
        showProperties();
        return pane;
    }

    private void redrawDesigner() {
        WorkflowDefinition d = designer.definitionProperty().get();
        if (d == null) {
            return;
        }
        canvas.show(d.tasks(), designer.layoutProperty().get(), Map.of(), Map.of(), designer.selectedProperty().get());
        if (!d.id().equals(drawnWorkflow)) {
            // A workflow just opened shows whole, however wide it is; edits keep the user's zoom.
            drawnWorkflow = d.id();
            canvas.fitWhenLaidOut();
        }
    }

    private void showProperties() {
        properties.getChildren().clear();
        TaskSpec t = designer.selectedTask();
        if (t == null) {
            Label hint = new Label(Text.get("workflow.designer.selectHint"));
            hint.setWrapText(true);
            properties.getChildren().add(hint);
            return;
        }
        Label title = new Label(t.id() + " · " + t.type());
        title.getStyleClass().add("title-4");
        properties.getChildren().add(title);
        TaskTypeInfo info = designer.workflows().types().find(t.type()).map(x -> x.info()).orElse(null);
        if (info != null) {
            Label d = new Label(info.description());
            d.setWrapText(true);
            properties.getChildren().add(d);
            for (TaskTypeInfo.Param p : info.parameters()) {
                Object current = t.with().get(p.name());
                TextField f = new TextField(current == null ? "" : String.valueOf(current));
                f.setId("param-" + p.name());
                f.setPromptText(p.help());
                f.setOnAction(e -> designer.setParameter(t.id(), p.name(), f.getText()));
                f.focusedProperty().addListener((obs, was, is) -> {
                    if (!is && !f.getText().equals(t.with().get(p.name()) == null ? ""
                            : String.valueOf(t.with().get(p.name())))) {
                        designer.setParameter(t.id(), p.name(), f.getText());
                    }
                });
                properties.getChildren().addAll(new Label(p.name() + (p.required() ? " *" : "")), f);
            }
        }
        properties.getChildren().add(button(Text.get("workflow.designer.delete"), "designer-delete",
                () -> designer.remove(t.id())));
    }

    private void save() {
        WorkflowDefinition d = designer.definitionProperty().get();
        Path folder = model.workflows().userFolder().orElse(null);
        if (d == null || folder == null || !designer.problemProperty().get().isEmpty()) {
            return;
        }
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(d.id() + ".yaml"), designer.yamlProperty().get(), StandardCharsets.UTF_8);
            model.workflows().reload();
            notice.setText(Text.get("workflow.msg.saved", folder.resolve(d.id() + ".yaml")));
        } catch (IOException e) {
            notice.setText(Text.get("workflow.msg.saveFailed", e.getMessage()));
        }
    }

    // ---- runs

    private Node runsPane() {
        runList.setId("runs-list");
        runList.setItems(model.runs());
        runList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(RunSummary r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : r.name() + " · " + r.state().label() + "\n"
                        + TIME.format(r.createdAt()) + " · " + r.startedBy()
                        + (r.trainee() == null || r.trainee().isBlank() ? "" : " · " + Text.get("workflow.runs.for",
                        r.trainee())));
            }
        });
        runList.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null && (model.selectedProperty().get() == null
                    || !model.selectedProperty().get().run().id().equals(now.id()))) {
                model.select(now.id());
            }
        });
        runList.setPrefWidth(300);
        model.selectedProperty().addListener((obs, old, now) -> showRun(now));
        runCanvas.setId("run-canvas");
        taskList.setId("run-tasks");
        history.setId("run-history");
        taskList.setPlaceholder(new Label(Text.get("workflow.runs.noTasks")));
        history.setPlaceholder(new Label(Text.get("workflow.runs.noHistory")));
        runList.setPlaceholder(new Label(Text.get("workflow.runs.none")));
        ListView<String> live = new ListView<>(model.log());
        live.setPlaceholder(new Label(Text.get("workflow.runs.noLive")));
        live.setId("run-live");
        Button pause = runButton(Text.get("workflow.run.pause"), "run-pause", (id, task) -> model.pause(id));
        Button resume = runButton(Text.get("workflow.run.resume"), "run-resume", (id, task) -> model.resume(id));
        Button cancel = runButton(Text.get("workflow.run.cancel"), "run-cancel", (id, task) -> model.cancel(id));
        Button retry = runButton(Text.get("workflow.run.retry"), "run-retry", (id, task) -> model.retry(id, task));
        Button skip = runButton(Text.get("workflow.run.skip"), "run-skip", (id, task) -> {
            if (task != null) {
                model.skip(id, task);
            }
        });
        Button rerun = runButton(Text.get("workflow.run.rerun"), "run-rerun", (id, task) -> model.rerun(id));
        Label message = new Label();
        message.textProperty().bind(model.messageProperty());
        ToolBar bar = new ToolBar(pause, resume, cancel, retry, skip, rerun, message);
        runCanvas.onSelect(id -> taskList.getItems().stream().filter(l -> l.startsWith(id + "  ")).findFirst()
                .ifPresent(l -> taskList.getSelectionModel().select(l)));
        SplitPane details = new SplitPane(taskList, history);
        details.setOrientation(Orientation.HORIZONTAL);
        SplitPane right = new SplitPane(runCanvas, details, live);
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.45, 0.8);
        Label runsOn = new Label();
        runsOn.setId("runs-on");
        runsOn.setWrapText(true);
        runsOn.setPadding(new Insets(6));
        runsOn.textProperty().bind(model.runsOnProperty());
        SplitPane split = new SplitPane(new BorderPane(runList, null, null, runsOn, null),
                new BorderPane(right, bar, null, notice, null));
        split.setDividerPositions(0.24);
        return split;
    }

    private interface RunAction {
        void apply(String runId, String task);
    }

    private Button runButton(String text, String id, RunAction action) {
        return button(text, id, () -> {
            RunDetail d = model.selectedProperty().get();
            if (d != null) {
                String line = taskList.getSelectionModel().getSelectedItem();
                action.apply(d.run().id(), line == null ? null : line.substring(0, line.indexOf("  ")));
            }
        });
    }

    private void showRun(RunDetail d) {
        if (d == null) {
            return;
        }
        Map<String, TaskState> states = new HashMap<>();
        Map<String, String> captions = new HashMap<>();
        List<String> lines = new java.util.ArrayList<>();
        for (TaskRun t : d.tasks()) {
            if (!t.key().contains("[")) {
                states.put(t.key(), t.state());
                if (t.startedAt() != null && t.endedAt() != null) {
                    captions.put(t.key(), seconds(Duration.between(t.startedAt(), t.endedAt())));
                }
            }
            lines.add(t.key() + "  " + t.state().label() + "  ×" + t.attempts()
                    + (t.startedAt() == null ? "" : "  " + TIME.format(t.startedAt()))
                    + (t.outputJson() == null || t.outputJson().equals("{}") ? ""
                    : "  " + cut(WorkflowsViewModel.readableOutput(t.outputJson())))
                    + (t.error() == null ? "" : "  " + t.error()));
        }
        taskList.getItems().setAll(lines);
        history.getItems().setAll(d.history().stream().map(h -> TIME.format(h.at()) + "  " + h.actor() + "  "
                + (h.taskKey().isEmpty() ? "" : h.taskKey() + ": ") + h.what()).toList());
        if (d.definition() != null) {
            Map<String, GraphLayout.Point> at = GraphLayout.layout(d.definition().tasks(), DesignerViewModel.NODE_WIDTH,
                    DesignerViewModel.NODE_HEIGHT);
            runCanvas.show(d.definition().tasks(), at, states, captions, null);
            if (!d.run().id().equals(drawnRun)) {
                drawnRun = d.run().id();
                runCanvas.fitWhenLaidOut();
            }
        }
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    private static String cut(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }

    // ---- inbox

    private Node inboxPane() {
        inboxList.setId("inbox-list");
        inboxList.setItems(model.inbox());
        inboxList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(PendingApproval p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.title() + "\n" + p.workflowName() + " · "
                        + Text.get("workflow.inbox.since", TIME.format(p.since()))
                        + (p.deadline() == null ? "" : " · " + Text.get("workflow.inbox.deadline",
                        TIME.format(p.deadline()))));
            }
        });
        inboxList.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> showForm(now));
        form.setHgap(8);
        form.setVgap(6);
        form.setPadding(new Insets(10));
        form.setId("inbox-form");
        SplitPane split = new SplitPane(inboxList, form);
        split.setDividerPositions(0.4);
        return split;
    }

    private void showForm(PendingApproval p) {
        form.getChildren().clear();
        formFields.clear();
        if (p == null) {
            return;
        }
        Label title = new Label(p.title());
        title.getStyleClass().add("title-3");
        Label message = new Label(p.message());
        message.setWrapText(true);
        form.add(title, 0, 0, 2, 1);
        form.add(message, 0, 1, 2, 1);
        int row = 2;
        for (FormField f : p.form()) {
            Control c;
            if (f.type().equals("boolean")) {
                CheckBox box = new CheckBox();
                box.setSelected(Boolean.TRUE.equals(f.defaultValue()));
                c = box;
            } else if (f.type().equals("enum")) {
                ComboBox<String> box = new ComboBox<>();
                box.getItems().setAll(f.values());
                box.setValue(f.defaultValue() == null ? null : f.defaultValue().toString());
                c = box;
            } else {
                c = new TextField(f.defaultValue() == null ? "" : f.defaultValue().toString());
            }
            c.setId("field-" + f.name());
            formFields.put(f.name(), c);
            form.add(new Label(f.label() + (f.required() ? " *" : "")), 0, row);
            form.add(c, 1, row++);
        }
        TextField comment = new TextField();
        comment.setId("inbox-comment");
        form.add(new Label(Text.get("workflow.inbox.comment")), 0, row);
        form.add(comment, 1, row++);
        Button approve = button(Text.get("workflow.inbox.approve"), "inbox-approve",
                () -> model.decide(p, values(), true, comment.getText()));
        approve.getStyleClass().add("success");
        Button reject = button(Text.get("workflow.inbox.reject"), "inbox-reject",
                () -> model.decide(p, values(), false, comment.getText()));
        reject.getStyleClass().add("danger");
        form.add(new HBox(8, approve, reject), 1, row);
    }

    private Map<String, String> values() {
        Map<String, String> out = new LinkedHashMap<>();
        formFields.forEach((name, c) -> {
            String v = switch (c) {
                case CheckBox b -> Boolean.toString(b.isSelected());
                case ComboBox<?> b -> b.getValue() == null ? "" : b.getValue().toString();
                case TextField t -> t.getText();
                default -> "";
            };
            if (!v.isBlank()) {
                out.put(name, v);
            }
        });
        return out;
    }

    // ---- lifecycle

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    @Override
    public Node node() {
        return tabs;
    }

    @Override
    public void activate() {
        model.activate(n -> Platform.runLater(() -> showNotice(n)));
        frames.start();
    }

    private void showNotice(ExerciseNotice n) {
        notice.setText((n.title().isEmpty() ? "" : n.title() + ": ") + n.text());
    }

    @Override
    public void deactivate() {
        frames.stop();
        model.deactivate();
    }

    @Override
    public void dispose() {
        deactivate();
    }
}
