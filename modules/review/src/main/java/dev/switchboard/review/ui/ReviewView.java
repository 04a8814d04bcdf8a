package dev.switchboard.review.ui;

import dev.switchboard.review.engine.SessionReport;
import dev.switchboard.review.model.ReviewStatus;
import dev.switchboard.review.model.SessionRow;
import dev.switchboard.uikit.Tables;
import dev.switchboard.uikit.WorkspaceView;
import java.io.File;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/**
 * The review workspace: the session list (filters on every column, transcript search, sorting by clicking
 * a column), the trainee's progress, and one tab per opened session.
 */
final class ReviewView implements WorkspaceView {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final ReviewViewModel model;
    private final ProgressPane progress;
    private final TabPane tabs = new TabPane();
    private final TableView<SessionRow> table = new TableView<>(FXCollections.observableArrayList());
    private boolean loaded;
    private AutoCloseable following;

    ReviewView(ReviewViewModel model, ProgressViewModel progressModel) {
        this.model = model;
        this.progress = new ProgressPane(progressModel);
        tabs.getStyleClass().add("sb-review");
        tabs.getStylesheets().add(ReviewView.class.getResource("review-workspace.css").toExternalForm());
        Tab list = new Tab(Text.get("review.tab.sessions"), listPane());
        list.setClosable(false);
        list.setId("review-tab-sessions");
        Tab prog = new Tab(Text.get("review.tab.progress"), progress);
        prog.setClosable(false);
        prog.setOnSelectionChanged(e -> {
            if (prog.isSelected()) {
                progressModel.refresh();
            }
        });
        tabs.getTabs().addAll(list, prog);
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (old != null && old.getContent() instanceof SessionPane p) {
                p.deactivate();
            }
            if (now != null && now.getContent() instanceof SessionPane p) {
                p.activate();
            }
        });
        model.setOnOpened(this::showSession);
    }

    @Override
    public Node node() {
        return tabs;
    }

    @Override
    public void activate() {
        if (!loaded) {
            loaded = true;
            model.refresh();
        }
        if (tabs.getSelectionModel().getSelectedItem().getContent() instanceof SessionPane p) {
            p.activate();
        }
    }

    /** Stops {@code following} when the workspace goes, at sign-out. */
    void closeOnDispose(AutoCloseable following) {
        this.following = following;
    }

    @Override
    public void dispose() {
        deactivate();
        if (following != null) {
            try {
                following.close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(ReviewView.class).debug("Review stopped following", e);
            }
        }
    }

    @Override
    public void deactivate() {
        for (Tab t : tabs.getTabs()) {
            if (t.getContent() instanceof SessionPane p) {
                p.deactivate();
            }
        }
    }

    private void showSession(SessionViewModel vm) {
        for (Tab t : tabs.getTabs()) {
            if (t.getContent() instanceof SessionPane p && p.model().id().equals(vm.id())) {
                vm.close();
                tabs.getSelectionModel().select(t);
                return;
            }
        }
        SessionPane pane = new SessionPane(vm);
        Tab tab = new Tab(vm.session().row().traineeName() + " \u00b7 " + vm.session().row().title(), pane);
        tab.setId("review-tab-" + vm.id().value());
        tab.setOnClosed(e -> {
            pane.deactivate();
            vm.close();
        });
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);
    }

    private Node listPane() {
        TextField trainee = field(model.traineeProperty(), "review.filter.trainee", "review-filter-trainee");
        trainee.setVisible(model.seesEveryone());
        trainee.setManaged(model.seesEveryone());
        TextField title = field(model.titleProperty(), "review.filter.title", "review-filter-title");
        ComboBox<String> kind = new ComboBox<>(FXCollections.observableArrayList("", "call", "control-room",
                "exercise"));
        kind.setPromptText(Text.get("review.filter.kind"));
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(String k) {
                return k == null || k.isEmpty() ? Text.get("review.filter.anyKind") : kindText(k);
            }

            @Override
            public String fromString(String text) {
                return null;
            }
        });
        kind.valueProperty().bindBidirectional(model.kindProperty());
        ComboBox<ReviewStatus> status = new ComboBox<>(FXCollections.observableArrayList(ReviewStatus.values()));
        status.getItems().add(0, null);
        status.setPromptText(Text.get("review.filter.status"));
        status.setConverter(new StringConverter<>() {
            @Override
            public String toString(ReviewStatus s) {
                return s == null ? Text.get("review.filter.anyStatus") : statusText(s);
            }

            @Override
            public ReviewStatus fromString(String text) {
                return null;
            }
        });
        status.valueProperty().bindBidirectional(model.statusProperty());
        DatePicker from = new DatePicker();
        from.setPromptText(Text.get("review.filter.from"));
        from.valueProperty().bindBidirectional(model.fromProperty());
        DatePicker to = new DatePicker();
        to.setPromptText(Text.get("review.filter.to"));
        to.valueProperty().bindBidirectional(model.toProperty());
        TextField minScore = field(model.minScoreProperty(), "review.filter.minScore", null);
        TextField maxScore = field(model.maxScoreProperty(), "review.filter.maxScore", null);
        TextField minMinutes = field(model.minMinutesProperty(), "review.filter.minMinutes", null);
        TextField maxMinutes = field(model.maxMinutesProperty(), "review.filter.maxMinutes", null);
        for (TextField f : new TextField[] {minScore, maxScore, minMinutes, maxMinutes}) {
            f.setPrefColumnCount(8);
        }
        TextField search = field(model.transcriptProperty(), "review.filter.transcript", "review-search");
        search.setPrefColumnCount(18);
        Button apply = new Button(Text.get("review.filter.apply"));
        apply.setId("review-apply");
        apply.setDefaultButton(true);
        apply.setOnAction(e -> model.refresh());
        Button clear = new Button(Text.get("review.filter.clear"));
        clear.setOnAction(e -> model.clearFilters());
        Button csv = new Button(Text.get("review.export.csv"));
        csv.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setInitialFileName("scores.csv");
            File file = chooser.showSaveDialog(tabs.getScene().getWindow());
            if (file != null) {
                model.exportCsv(file.toPath());
            }
        });
        FlowPane filters = new FlowPane(8, 6, trainee, title, kind, status, from, to, minScore, maxScore, minMinutes,
                maxMinutes, search, apply, clear, csv);
        filters.setAlignment(Pos.CENTER_LEFT);

        table.setId("review-list");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setItems(model.rows());
        table.setPlaceholder(new Label(Text.get("review.list.empty")));
        TableColumn<SessionRow, String> traineeCol = Tables.column(Text.get("review.col.trainee"),
                SessionRow::traineeName, 160);
        TableColumn<SessionRow, String> kindCol = Tables.column(Text.get("review.col.kind"), r -> kindText(r.kind()),
                170);
        TableColumn<SessionRow, String> titleCol = Tables.column(Text.get("review.col.title"), SessionRow::title, 240);
        TableColumn<SessionRow, String> dateCol = Tables.column(Text.get("review.col.date"),
                r -> WHEN.format(r.startedAt().atZone(ZoneId.systemDefault())), 140);
        TableColumn<SessionRow, String> durationCol = Tables.column(Text.get("review.col.duration"),
                r -> r.durationMs() == null ? "" : SessionReport.clock(r.durationMs()), 80);
        durationCol.setComparator(Comparator.comparingLong(ReviewView::parseClock));
        TableColumn<SessionRow, String> scoreCol = Tables.column(Text.get("review.col.score"),
                r -> r.score() == null ? "" : String.format(Locale.ROOT, "%.0f", r.score()), 70);
        scoreCol.setComparator(Comparator.comparingDouble(v -> v.isEmpty() ? -1 : Double.parseDouble(v)));
        TableColumn<SessionRow, String> statusCol = Tables.column(Text.get("review.col.status"),
                r -> statusText(r.status()), 110);
        TableColumn<SessionRow, String> gradeCol = Tables.column(Text.get("review.col.grade"),
                r -> r.grade() == null ? "" : SessionPane.gradeText(r.grade()), 140);
        table.getColumns().addAll(List.of(traineeCol, kindCol, titleCol, dateCol, durationCol, scoreCol,
                statusCol, gradeCol));
        table.setRowFactory(tv -> {
            TableRow<SessionRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    model.open(row.getItem());
                }
            });
            return row;
        });
        Button open = new Button(Text.get("review.open"));
        open.setId("review-open");
        open.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull()
                .or(model.busyProperty()));
        open.setOnAction(e -> model.open(table.getSelectionModel().getSelectedItem()));
        Label summary = new Label();
        summary.setId("review-summary");
        summary.textProperty().bind(model.summaryProperty());
        summary.getStyleClass().add("sb-muted");
        FlowPane bottom = new FlowPane(10, 6, open, summary);
        bottom.setAlignment(Pos.CENTER_LEFT);

        Label heading = new Label(Text.get("review.title"));
        heading.getStyleClass().add("sb-page-title");
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(8, heading, filters, table, bottom);
        box.setPadding(new Insets(12));
        return new BorderPane(box);
    }

    private static long parseClock(String text) {
        if (text.isEmpty()) {
            return -1;
        }
        long total = 0;
        for (String part : text.split(":")) {
            total = total * 60 + Long.parseLong(part);
        }
        return total;
    }

    private static TextField field(StringProperty property, String promptKey, String id) {
        TextField f = new TextField();
        f.setPromptText(Text.get(promptKey));
        f.textProperty().bindBidirectional(property);
        if (id != null) {
            f.setId(id);
        }
        return f;
    }

    /** A session's kind in words. */
    static String kindText(String kind) {
        return switch (kind == null ? "" : kind) {
            case "call" -> Text.get("review.kind.call");
            case "control-room" -> Text.get("review.kind.controlRoom");
            case "exercise" -> Text.get("review.kind.exercise");
            default -> kind;
        };
    }

    static String statusText(ReviewStatus s) {
        return switch (s) {
            case IN_PROGRESS -> Text.get("review.status.inProgress");
            case COMPLETE -> Text.get("review.status.complete");
            case INTERRUPTED -> Text.get("review.status.interrupted");
            case SIGNED_OFF -> Text.get("review.status.signedOff");
        };
    }
}
