package dev.switchboard.app.workspace;

import dev.switchboard.app.shell.SystemStatus;
import dev.switchboard.store.session.SessionSummary;
import dev.switchboard.store.eventlog.VerifyReport;
import dev.switchboard.uikit.Workspace;
import dev.switchboard.uikit.WorkspaceContext;
import dev.switchboard.uikit.WorkspaceRegistry;
import dev.switchboard.uikit.Tables;
import dev.switchboard.uikit.WorkspaceView;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/** Home: greeting, recent sessions, system status and links into the workspaces. Binds only. */
final class HomeView implements WorkspaceView {

    /** The product's capability workspaces, so Home can say which this build lacks. */
    static final List<String[]> CAPABILITIES = List.of(
            new String[] {"control-room", "app.home.cap.controlRoom"},
            new String[] {"call-console", "app.home.cap.callConsole"},
            new String[] {"review", "app.home.cap.review"},
            new String[] {"surveillance", "app.home.cap.surveillance"},
            new String[] {"workflows", "app.home.cap.workflows"},
            new String[] {"studio", "app.home.cap.studio"});

    private final HomeViewModel model;
    private final ScrollPane page;
    private final TableView<SessionSummary> sessions = new TableView<>();
    private final Label emptySessions;
    private final GridPane status = new GridPane();
    private final Label statusError = new Label();
    private final dev.switchboard.core.event.EventBus bus;
    private AutoCloseable following;

    HomeView(HomeViewModel model, WorkspaceContext ctx) {
        this.model = model;
        this.bus = ctx.bus();
        Label greeting = new Label(Ui.text(greetingKey(), model.user().displayName()));
        greeting.getStyleClass().add("sb-page-title");
        greeting.setId("home-greeting");
        Label role = Ui.muted(Ui.text("app.home.roleLine", model.user().role().label(),
                DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH).format(java.time.LocalDate.now())));

        emptySessions = Ui.muted(Ui.text(model.showsAllTrainees() ? "app.home.noSessionsAll" : "app.home.noSessions"));
        emptySessions.setId("home-sessions-empty");
        buildSessionTable();
        VBox recentCard = Ui.card(Ui.text(model.showsAllTrainees() ? "app.home.recentAll" : "app.home.recent"),
                Material2OutlinedAL.HISTORY, sessions, emptySessions);
        HBox.setHgrow(recentCard, Priority.ALWAYS);
        recentCard.setPrefWidth(620);

        status.setHgap(12);
        status.setVgap(8);
        status.setId("home-status");
        ColumnConstraints grow = new ColumnConstraints();
        grow.setHgrow(Priority.ALWAYS);
        status.getColumnConstraints().addAll(new ColumnConstraints(), new ColumnConstraints(), grow);
        // Until the first reading is in (it verifies the audit chain), say so rather than show an empty card.
        status.add(Ui.muted(Ui.text("app.home.checking")), 0, 0, 3, 1);
        statusError.getStyleClass().add("sb-error");
        statusError.textProperty().bind(model.loadErrorProperty());
        Button recheck = new Button(Ui.text("app.home.recheck"), new FontIcon(Material2OutlinedMZ.REFRESH));
        recheck.setOnAction(e -> model.refresh());
        recheck.getStyleClass().add("flat");
        VBox statusCard = Ui.card(Ui.text("app.home.status"), Material2OutlinedMZ.VERIFIED_USER, status, statusError,
                recheck);
        statusCard.setPrefWidth(400);
        statusCard.setMinWidth(340);

        HBox row = new HBox(18, recentCard, statusCard);
        VBox content = new VBox(18, new VBox(4, greeting, role), row,
                workspacesCard(ctx), gettingStarted());
        page = Ui.page(content);

        model.recentSessions().addListener((ListChangeListener<SessionSummary>) c -> showSessions());
        model.sessionsLoadedProperty().addListener((obs, was, now) -> showSessions());
        model.statusProperty().addListener((obs, old, now) -> showStatus(now));
        showSessions();
    }

    @Override
    public Node node() {
        return page;
    }

    @Override
    public void activate() {
        model.refresh();
        following = model.follow(bus);
    }

    @Override
    public void deactivate() {
        if (following != null) {
            try {
                following.close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(HomeView.class).debug("Home stopped following", e);
            }
            following = null;
        }
    }

    private String greetingKey() {
        int hour = LocalTime.now().getHour();
        return hour < 12 ? "app.home.morning" : hour < 18 ? "app.home.afternoon" : "app.home.evening";
    }

    private void buildSessionTable() {
        TableColumn<SessionSummary, String> title = Tables.column(Ui.text("app.home.col.title"), s -> s.title());
        title.setPrefWidth(200);
        TableColumn<SessionSummary, String> kind = Tables.column(Ui.text("app.home.col.kind"), s -> kindText(s.kind()));
        TableColumn<SessionSummary, String> trainee = Tables.column(Ui.text("app.home.col.trainee"),
                s -> s.traineeName());
        TableColumn<SessionSummary, String> started = Tables.column(Ui.text("app.home.col.started"),
                s -> Ui.when(s.startedAt()));
        TableColumn<SessionSummary, String> state = Tables.column(Ui.text("app.home.col.status"),
                s -> statusText(s.status()));
        TableColumn<SessionSummary, String> score = Tables.column(Ui.text("app.home.col.score"),
                s -> s.score() == null ? "—" : String.format(Locale.ROOT, "%.0f", s.score()));
        Tables.fitWords(kind, kindText("control-room"), kindText("exercise"), kindText("call"));
        Tables.fitWords(started, Ui.WIDEST_WHEN);
        Tables.fitWords(state, statusText("running"), statusText("complete"), statusText("signed-off"),
                statusText("interrupted"), statusText("abandoned"));
        sessions.getColumns().add(title);
        sessions.getColumns().add(kind);
        if (model.showsAllTrainees()) {
            sessions.getColumns().add(trainee);
        }
        sessions.getColumns().add(started);
        sessions.getColumns().add(state);
        sessions.getColumns().add(score);
        sessions.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        sessions.setPrefHeight(260);
        // The status card beside it is taller when its lines wrap: the table takes the room rather than leave a gap.
        VBox.setVgrow(sessions, Priority.ALWAYS);
        sessions.setId("home-sessions");
        sessions.setItems(model.recentSessions());
    }


    /** A session's kind in words: "Call", "Control-room exercise". */
    static String kindText(String kind) {
        return switch (kind) {
            case "call" -> Ui.text("app.home.kind.call");
            case "control-room" -> Ui.text("app.home.kind.controlRoom");
            case "exercise" -> Ui.text("app.home.kind.exercise");
            default -> kind;
        };
    }

    /** A session's status in words: "In progress", "Complete", "Signed off", "Interrupted". */
    static String statusText(String status) {
        return switch (status) {
            case "running" -> Ui.text("app.home.status.running");
            case "complete", "finished" -> Ui.text("app.home.status.complete");
            case "signed-off" -> Ui.text("app.home.status.signedOff");
            case "interrupted" -> Ui.text("app.home.status.interrupted");
            case "abandoned" -> Ui.text("app.home.status.abandoned");
            default -> status.isEmpty() ? status : Character.toUpperCase(status.charAt(0))
                    + status.substring(1).replace('-', ' ');
        };
    }

    private void showSessions() {
        boolean empty = model.recentSessions().isEmpty();
        emptySessions.setText(Ui.text(!model.sessionsLoadedProperty().get() ? "app.home.loadingSessions"
                : model.showsAllTrainees() ? "app.home.noSessionsAll" : "app.home.noSessions"));
        sessions.setVisible(!empty);
        sessions.setManaged(!empty);
        emptySessions.setVisible(empty);
        emptySessions.setManaged(empty);
    }

    private void showStatus(SystemStatus s) {
        status.getChildren().clear();
        int row = 0;
        addStatus(row++, Material2OutlinedMZ.STORAGE, Ui.text("app.home.st.database"),
                s.databaseHealthy() ? Level.OK : Level.ERROR,
                s.server() ? Ui.text("app.home.st.serverValue", s.serverShortVersion(), s.schemaVersion())
                        : Ui.text("app.home.st.databaseValue", s.databaseHealthy() ? Ui.text("app.home.st.integrityOk")
                        : Ui.text("app.home.st.integrityBad"), Ui.size(s.sizeBytes()), s.schemaVersion()),
                s.location());
        VerifyReport chain = s.auditChain().orElse(null);
        boolean chainOk = chain != null && chain.firstBreak().isEmpty();
        addStatus(row++, Material2OutlinedMZ.SECURITY, Ui.text("app.home.st.eventLog"),
                chain == null ? Level.WARN : chainOk ? Level.OK : Level.ERROR,
                chain == null ? Ui.text("app.home.st.notChecked")
                        : chainOk ? Ui.text("app.home.st.chainOk", s.eventLogEntries(), chain.entriesChecked())
                        : Ui.text("app.home.st.chainBroken", chain.firstBreak().get().seq(),
                                chain.firstBreak().get().reason()),
                null);
        addStatus(row++, Material2OutlinedAL.BACKUP, Ui.text("app.home.st.backups"),
                s.server() ? Level.INFO : s.newestBackup().isPresent() ? Level.OK : Level.WARN,
                s.server() ? Ui.text("app.home.st.serverBackups") :
                s.newestBackup().map(b -> Ui.text("app.home.st.backupValue", Ui.when(b.createdAt()), b.reason(),
                        s.backupCount())).orElse(Ui.text("app.home.st.noBackup")),
                s.newestBackup().map(b -> b.file().toString()).orElse(null));
        addStatus(row++, Material2OutlinedAL.GROUP, Ui.text("app.home.st.accounts"), Level.OK,
                String.valueOf(s.accounts()), null);
        addStatus(row++, Material2OutlinedMZ.MEMORY, Ui.text("app.home.st.ai"), Level.INFO,
                s.aiOnline()
                        ? Ui.text("app.home.st.aiOnline", s.aiUsesOnline(), dev.switchboard.ai.AiUse.values().length)
                        : Ui.text("app.home.st.aiOffline"), null);
        addStatus(row, Material2OutlinedMZ.RECORD_VOICE_OVER, Ui.text("app.home.st.speech"),
                s.speechReady() ? Level.OK : s.speechUnavailable() ? Level.WARN : Level.INFO,
                s.speechReady() ? Ui.text("app.home.st.speechReady") : s.speechState(), null);
    }

    private void addStatus(int row, org.kordamp.ikonli.Ikon icon, String name, Level level, String value,
                           String tooltip) {
        FontIcon dot = new FontIcon(level.icon);
        dot.getStyleClass().add(level.style);
        Label nameLabel = new Label(name, new FontIcon(icon));
        nameLabel.setMinWidth(Region.USE_PREF_SIZE);
        Label valueLabel = new Label(value);
        valueLabel.setWrapText(true);
        if (tooltip != null) {
            valueLabel.setTooltip(new Tooltip(tooltip));
        }
        status.addRow(row, dot, nameLabel, valueLabel);
    }

    private Node workspacesCard(WorkspaceContext ctx) {
        WorkspaceRegistry registry = ctx.service(WorkspaceRegistry.class);
        FlowPane links = new FlowPane(10, 10);
        for (Workspace w : registry.availableTo(model.user().role())) {
            if (w.id().equals(HomeWorkspace.ID)) {
                continue;
            }
            Button open = new Button(w.title(), new FontIcon(w.icon()));
            open.getStyleClass().add("sb-tile");
            open.setId("home-open-" + w.id());
            open.setOnAction(e -> ctx.navigator().show(w.id()));
            links.getChildren().add(open);
        }
        Set<String> installed = registry.all().stream().map(Workspace::id).collect(Collectors.toSet());
        FlowPane missing = new FlowPane(8, 8);
        for (String[] capability : CAPABILITIES) {
            if (!installed.contains(capability[0])) {
                Label pill = new Label(Ui.text(capability[1]));
                pill.getStyleClass().add("sb-pill");
                missing.getChildren().add(pill);
            }
        }
        VBox card = Ui.card(Ui.text("app.home.workspaces"), Material2OutlinedAL.APPS, links);
        if (!missing.getChildren().isEmpty()) {
            card.getChildren().addAll(Ui.muted(Ui.text("app.home.notInstalled")), missing);
        }
        return card;
    }

    private Node gettingStarted() {
        String key = switch (model.user().role()) {
            case TRAINEE -> "app.home.tips.trainee";
            case SUPERVISOR -> "app.home.tips.supervisor";
            case INSTRUCTOR -> model.onServer() ? "app.home.tips.instructorServer" : "app.home.tips.instructor";
        };
        VBox tips = new VBox(6);
        for (String line : Ui.text(key).split("\\|")) {
            Label tip = new Label(line.trim(), new FontIcon(Material2OutlinedAL.ARROW_FORWARD));
            tip.setWrapText(true);
            tips.getChildren().add(tip);
        }
        tips.setAlignment(Pos.TOP_LEFT);
        return Ui.card(Ui.text("app.home.tips"), Material2OutlinedMZ.SCHOOL, tips);
    }

    private enum Level {
        OK(Material2OutlinedAL.CHECK_CIRCLE, "sb-ok"),
        WARN(Material2OutlinedMZ.WARNING, "sb-warn"),
        ERROR(Material2OutlinedAL.ERROR, "sb-error"),
        INFO(Material2OutlinedAL.INFO, "sb-muted");

        private final org.kordamp.ikonli.Ikon icon;
        private final String style;

        Level(org.kordamp.ikonli.Ikon icon, String style) {
            this.icon = icon;
            this.style = style;
        }
    }
}
