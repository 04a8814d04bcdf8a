package dev.switchboard.studio.ui.factory;

import dev.switchboard.studio.engine.factory.ApplicationFactory;
import dev.switchboard.studio.engine.factory.ArchitectureExport;
import dev.switchboard.studio.engine.factory.FactoryRuns;
import dev.switchboard.studio.model.factory.Architecture;
import dev.switchboard.studio.model.factory.Evidence;
import dev.switchboard.studio.model.factory.FactoryRun;
import dev.switchboard.studio.model.factory.GeneratorKind;
import dev.switchboard.studio.model.factory.GeneratorReport;
import dev.switchboard.studio.model.factory.Intent;
import dev.switchboard.studio.model.factory.Specification;
import dev.switchboard.studio.model.factory.Violation;
import dev.switchboard.studio.ui.StudioPanel;
import dev.switchboard.studio.ui.Text;
import dev.switchboard.uikit.Tables;
import dev.switchboard.uikit.WorkspaceContext;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The application factory: an intent in, then what was understood (with the words), the specification and its
 * validation, the architecture drawn as a diagram with its contracts and exports, the files each generator wrote
 * (real or structural), and the kept runs to reopen, compare and run again.
 */
public final class FactoryPanel implements StudioPanel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final FactoryViewModel model;
    private final WorkspaceContext ctx;
    private final BorderPane root = new BorderPane();
    private final TableView<Row> understood = table("factory-intent");
    private final TabPane spec = new TabPane();
    private final TableView<Violation> violations = new TableView<>();
    private final ArchitectureDiagram diagram = new ArchitectureDiagram();
    private final TextArea contracts = readOnly();
    private final TableView<Row> files = table("factory-files");
    private final TextArea comparison = readOnly();
    private final Label figures = new Label();

    public FactoryPanel(WorkspaceContext ctx) {
        this.ctx = ctx;
        model = new FactoryViewModel(ctx.service(ApplicationFactory.class), ctx.tasks(), ctx.user().username());
        root.setId("studio-factory");
        root.setPadding(new Insets(12));
        root.setTop(input());
        SplitPane split = new SplitPane(results(), runs());
        split.setDividerPositions(0.7);
        BorderPane.setMargin(split, new Insets(10, 0, 0, 0));
        root.setCenter(split);
        model.runProperty().addListener((obs, old, run) -> show(run));
        model.comparisonProperty().addListener((obs, old, c) -> showComparison(c));
    }

    @Override
    public String title() {
        return Text.get("studio.factory.title");
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void activate() {
        model.refreshRuns();
    }

    private Node input() {
        TextArea intent = new TextArea();
        intent.setId("factory-intent-text");
        intent.setPromptText(Text.get("studio.factory.intentHint"));
        intent.setPrefRowCount(3);
        intent.setWrapText(true);
        intent.textProperty().bindBidirectional(model.intentProperty());
        HBox.setHgrow(intent, Priority.ALWAYS);
        CheckBox llm = new CheckBox(Text.get("studio.factory.llm"));
        llm.selectedProperty().bindBidirectional(model.llmProperty());
        Label stack = new Label(Text.get("studio.factory.stack"));
        stack.setWrapText(true);
        stack.setMaxWidth(330);
        stack.getStyleClass().add("sb-muted");
        Button run = new Button(Text.get("studio.factory.run"));
        run.setId("factory-run");
        run.getStyleClass().add("accent");
        run.disableProperty().bind(model.runningProperty().or(model.intentProperty().isEmpty()));
        run.setOnAction(e -> model.run());
        VBox options = new VBox(6, run, llm, stack);
        GridPane bars = new GridPane();
        bars.setHgap(6);
        bars.setVgap(3);
        int row = 0;
        for (GeneratorKind k : GeneratorKind.values()) {
            ProgressBar bar = new ProgressBar();
            bar.setPrefWidth(140);
            bar.progressProperty().bind(model.progressProperty(k));
            Label name = new Label(label(k));
            name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            bars.addRow(row++, name, bar);
        }
        Label status = new Label();
        status.setId("factory-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        HBox top = new HBox(12, intent, options, bars);
        return new VBox(6, top, status);
    }

    private Node results() {
        understood.getColumns().addAll(columns(Text.get("studio.factory.col.part"), Text.get(
                "studio.factory.col.value"), Text.get("studio.factory.col.words")));
        violations.setId("factory-violations");
        violations.setPlaceholder(new Label(Text.get("studio.factory.valid")));
        violations.getColumns().addAll(List.of(
                Tables.column(Text.get("studio.factory.col.rule"), Violation::rule, 230),
                Tables.column(Text.get("studio.factory.col.found"), Violation::found, 110),
                Tables.column(Text.get("studio.factory.col.fix"), Violation::fix, 480)));
        figures.setWrapText(true);
        VBox validation = new VBox(8, figures, violations);
        Button json = new Button(Text.get("studio.factory.exportJson"));
        json.setOnAction(e -> export("architecture.json", ArchitectureExport::json));
        Button yaml = new Button(Text.get("studio.factory.exportYaml"));
        yaml.setOnAction(e -> export("architecture.yaml", ArchitectureExport::yaml));
        Button md = new Button(Text.get("studio.factory.exportMarkdown"));
        md.setOnAction(e -> export("architecture.md", ArchitectureExport::markdown));
        diagram.setId("factory-diagram");
        ScrollPane diagramScroll = new ScrollPane(diagram);
        diagramScroll.setFitToWidth(true);
        diagramScroll.setPrefViewportHeight(330);
        VBox architecture = new VBox(8, new HBox(8, json, yaml, md), diagramScroll, contracts);
        files.getColumns().addAll(columns(Text.get("studio.factory.col.generator"), Text.get(
                "studio.factory.col.state"), Text.get("studio.factory.col.file")));
        TabPane tabs = new TabPane(
                new Tab(Text.get("studio.factory.tab.intent"), understood),
                new Tab(Text.get("studio.factory.tab.spec"), spec),
                new Tab(Text.get("studio.factory.tab.validation"), validation),
                new Tab(Text.get("studio.factory.tab.architecture"), architecture),
                new Tab(Text.get("studio.factory.tab.files"), files),
                new Tab(Text.get("studio.factory.tab.compare"), comparison));
        tabs.setId("factory-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return tabs;
    }

    private Node runs() {
        TableView<FactoryRuns.Summary> list = new TableView<>(model.runs());
        list.setId("factory-runs");
        list.setPlaceholder(new Label(Text.get("studio.factory.noRuns")));
        list.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        list.getColumns().addAll(List.of(
                Tables.column(Text.get("studio.factory.col.when"), s -> TIME.format(s.createdAt()), 95),
                Tables.column(Text.get("studio.factory.col.intent"), FactoryRuns.Summary::intent, 170),
                Tables.column(Text.get("studio.factory.col.status"), FactoryRuns.Summary::status, 90)));
        Button open = new Button(Text.get("studio.factory.open"));
        open.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        open.setOnAction(e -> model.open(list.getSelectionModel().getSelectedItem()));
        Button compare = new Button(Text.get("studio.factory.compare"));
        compare.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull()
                .or(model.runProperty().isNull()));
        compare.setOnAction(e -> model.compare(list.getSelectionModel().getSelectedItem()));
        Button rerun = new Button(Text.get("studio.factory.rerun"));
        rerun.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull()
                .or(model.runningProperty()));
        rerun.setOnAction(e -> model.rerun(list.getSelectionModel().getSelectedItem()));
        VBox.setVgrow(list, Priority.ALWAYS);
        javafx.scene.layout.FlowPane buttons = new javafx.scene.layout.FlowPane(6, 6, open, compare, rerun);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, new Label(Text.get("studio.factory.runs")), list, buttons);
        box.setPadding(new Insets(0, 0, 0, 8));
        return box;
    }

    private void show(FactoryRun run) {
        if (run == null) {
            return;
        }
        Intent i = run.intent();
        List<Row> parts = new ArrayList<>();
        parts.add(new Row(Text.get("studio.factory.part.type"), i.type().label(), i.typeWords().words()));
        parts.add(new Row(Text.get("studio.factory.part.app"), i.app().label(), i.appWords().words()));
        parts.add(new Row(Text.get("studio.factory.part.name"), i.name(), ""));
        addAll(parts, Text.get("studio.factory.part.record"), i.entities());
        addAll(parts, Text.get("studio.factory.part.technology"), i.technologies());
        addAll(parts, Text.get("studio.factory.part.feature"), i.features());
        addAll(parts, Text.get("studio.factory.part.constraint"), i.constraints());
        parts.add(new Row(Text.get("studio.factory.part.source"), i.source(), ""));
        understood.getItems().setAll(parts);
        spec.getTabs().clear();
        for (Specification.Section s : Specification.Section.values()) {
            TextArea text = readOnly();
            text.setText(run.specification().sections().get(s));
            spec.getTabs().add(new Tab(s.label(), text));
        }
        spec.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Specification sp = run.specification();
        figures.setText(Text.get("studio.factory.figures", String.format(Locale.ROOT, "%.1f", sp.complexity()),
                sp.scalability(), sp.security().label(), String.join(", ", sp.securityMeasures()), sp.services(),
                sp.coverageTarget()));
        violations.getItems().setAll(run.violations());
        diagram.show(run.architecture());
        StringBuilder c = new StringBuilder(Text.get("studio.factory.pattern", run.architecture().pattern().label(),
                run.architecture().why())).append("\n\n");
        for (Architecture.Contract contract : run.architecture().contracts()) {
            c.append(contract.name()).append(" (").append(contract.owner()).append(")\n");
            contract.operations().forEach(op -> c.append("    ").append(op).append('\n'));
        }
        contracts.setText(c.toString());
        List<Row> rows = new ArrayList<>();
        for (GeneratorReport g : run.generators()) {
            String state = g.real() ? Text.get("studio.factory.real") : Text.get("studio.factory.structural");
            if (g.files().isEmpty()) {
                rows.add(new Row(label(g.kind()), state, g.note()));
            }
            g.files().forEach(f -> rows.add(new Row(label(g.kind()), state, f)));
        }
        files.getItems().setAll(rows);
    }

    private void showComparison(ApplicationFactory.Comparison c) {
        if (c == null) {
            comparison.clear();
            return;
        }
        StringBuilder out = new StringBuilder(Text.get("studio.factory.compareTitle")).append("\n\n");
        c.changes().forEach(l -> out.append("• ").append(l).append('\n'));
        if (c.changes().isEmpty()) {
            out.append(Text.get("studio.factory.sameUnderstanding")).append('\n');
        }
        out.append('\n').append(Text.get("studio.factory.filesOnlyFirst", c.onlyInFirst().size())).append('\n');
        c.onlyInFirst().forEach(f -> out.append("    ").append(f).append('\n'));
        out.append(Text.get("studio.factory.filesOnlySecond", c.onlyInSecond().size())).append('\n');
        c.onlyInSecond().forEach(f -> out.append("    ").append(f).append('\n'));
        out.append(Text.get("studio.factory.filesChanged", c.changedFiles().size())).append('\n');
        c.changedFiles().forEach(f -> out.append("    ").append(f).append('\n'));
        comparison.setText(out.toString());
    }

    private void export(String name, Function<Architecture, String> format) {
        FactoryRun run = model.runProperty().get();
        if (run == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(name);
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file == null) {
            return;
        }
        try {
            Files.writeString(file.toPath(), format.apply(run.architecture()), StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            ctx.dialogs().showError(Text.get("studio.factory.exportFailed"), e);
        }
    }

    private static void addAll(List<Row> rows, String part, List<Evidence> items) {
        items.forEach(e -> rows.add(new Row(part, e.value(), e.words())));
    }

    static String label(GeneratorKind k) {
        return switch (k) {
            case BACKEND -> Text.get("studio.factory.gen.backend");
            case FRONTEND -> Text.get("studio.factory.gen.frontend");
            case INFRASTRUCTURE -> Text.get("studio.factory.gen.infrastructure");
            case QA -> Text.get("studio.factory.gen.qa");
            case DOCUMENTATION -> Text.get("studio.factory.gen.documentation");
        };
    }

    private static List<javafx.scene.control.TableColumn<Row, String>> columns(String a, String b, String c) {
        return List.of(Tables.column(a, Row::a, 150), Tables.column(b, Row::b, 220), Tables.column(c, Row::c, 460));
    }

    private static TableView<Row> table(String id) {
        TableView<Row> t = new TableView<>();
        t.setId(id);
        t.setPlaceholder(new Label(Text.get("studio.factory.nothingYet")));
        return t;
    }

    private static TextArea readOnly() {
        TextArea t = new TextArea();
        t.setEditable(false);
        t.setWrapText(true);
        t.setStyle("-fx-font-family: monospace;");
        return t;
    }

    /** A three-column line. */
    record Row(String a, String b, String c) {
    }
}
