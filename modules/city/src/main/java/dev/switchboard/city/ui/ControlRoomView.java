package dev.switchboard.city.ui;

import com.gluonhq.maps.MapView;
import dev.switchboard.city.engine.pack.tiles.TileCache;
import dev.switchboard.city.engine.pack.tiles.TileRenderer;
import dev.switchboard.city.engine.sim.CoordinatorUsage;
import dev.switchboard.city.model.CitySnapshot;
import dev.switchboard.city.model.CriticalEvent;
import dev.switchboard.city.model.IncidentView;
import dev.switchboard.city.model.PipelineStats;
import dev.switchboard.city.model.Recommendation;
import dev.switchboard.city.model.UnitState;
import dev.switchboard.city.model.UnitView;
import dev.switchboard.uikit.Tables;
import dev.switchboard.uikit.WorkspaceView;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * The control room: sim controls on top, the offline map in the centre, the coordinator's
 * recommendations, the critical-event feed, incidents and units on the right, and the pipeline's
 * metrics at the bottom. Pulls one snapshot per frame from the model; never waits for the engine.
 */
final class ControlRoomView implements WorkspaceView {

    private final ControlRoomViewModel model;
    private final BorderPane page = new BorderPane();
    static {
        // Before any MapView asks for tiles: the Tokyo pack renders them, loaded lazily on the tile thread.
        OfflineTileRetriever.use(new TileCache(null, 512).cached(new LazyPackTiles()));
    }

    private final MapView map = new MapView();
    private final MarkerLayer markers = new MarkerLayer();
    private final ObservableList<Recommendation> recommendations = FXCollections.observableArrayList();
    private final ObservableList<CriticalEvent> feed = FXCollections.observableArrayList();
    private final ObservableList<IncidentView> incidents = FXCollections.observableArrayList();
    private final ObservableList<UnitView> units = FXCollections.observableArrayList();
    private final Label situation = new Label();
    private final Label[] figures = new Label[8];
    private final Sparkline[] sparks = new Sparkline[5];
    private final Label llm = new Label();
    private final Label details = new Label();
    private final ToggleButton follow = new ToggleButton(Text.get("city.follow"));
    private String selectedUnit;
    /** The incident the call console asked to see, highlighted on the map. */
    private String highlighted;
    private TabPane tabs;
    private String flownTo;
    private ListView<IncidentView> incidentList;
    private final Label frame = new Label();
    private final AnimationTimer pump;
    private boolean tilesReady;
    private long lastFrameNanos;
    private double frameEwmaMillis;

    ControlRoomView(ControlRoomViewModel model) {
        this.model = model;
        page.getStyleClass().add("sb-control-room");
        page.getStylesheets().add(ControlRoomView.class.getResource("control-room.css").toExternalForm());
        page.setTop(controls());
        page.setCenter(mapPane());
        page.setRight(sidePanel());
        page.setBottom(dashboard());
        model.snapshotProperty().addListener((obs, old, now) -> show(now));
        model.readyProperty().addListener((obs, old, now) -> {
            if (now) {
                useCityTiles();
            } else {
                // A restart is a new city: what was picked on the old one goes with it.
                details.setVisible(false);
                selectedUnit = null;
                highlighted = null;
                follow.setSelected(false);
                follow.setDisable(true);
                follow.setText(Text.get("city.follow"));
            }
        });
        model.focusReferenceProperty().addListener((obs, old, now) -> focus(model.snapshotProperty().get()));
        pump = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (lastFrameNanos != 0) {
                    double ms = (now - lastFrameNanos) / 1e6;
                    frameEwmaMillis = frameEwmaMillis == 0 ? ms : frameEwmaMillis * 0.95 + ms * 0.05;
                }
                lastFrameNanos = now;
                model.pull();
            }
        };
    }

    @Override
    public Node node() {
        return page;
    }

    @Override
    public void activate() {
        if (!model.readyProperty().get()) {
            model.restart();
        }
        pump.start();
    }

    @Override
    public void deactivate() {
        pump.stop();
        if (!model.respondingToCallsProperty().get()) {
            model.pause();
        }
    }

    @Override
    public void dispose() {
        pump.stop();
        model.close();
    }

    private Node controls() {
        ToggleButton play = new ToggleButton(Text.get("city.play"), new FontIcon(Material2OutlinedMZ.PLAY_ARROW));
        play.setId("city-play");
        play.selectedProperty().addListener((obs, old, on) -> {
            if (on) {
                model.play();
            } else {
                model.pause();
            }
        });
        model.playingProperty().addListener((obs, old, on) -> {
            play.setSelected(on);
            play.setText(Text.get(on ? "city.pause" : "city.play"));
            play.setGraphic(new FontIcon(on ? Material2OutlinedMZ.PAUSE : Material2OutlinedMZ.PLAY_ARROW));
        });
        play.disableProperty().bind(model.readyProperty().not());

        ComboBox<Integer> speed = new ComboBox<>(FXCollections.observableArrayList(ControlRoomViewModel.SPEEDS));
        speed.valueProperty().bindBidirectional(model.speedProperty());
        speed.setCellFactory(l -> speedCell());
        speed.setButtonCell(speedCell());
        speed.setId("city-speed");
        Spinner<Integer> events = new Spinner<>(1_000, 100_000, model.eventsPerTickProperty().get(), 5_000);
        events.setEditable(true);
        events.setPrefWidth(110);
        events.valueProperty().addListener((obs, old, now) -> model.eventsPerTickProperty().set(now));
        TextField seed = new TextField(String.valueOf(model.seedProperty().get()));
        seed.setPrefColumnCount(6);
        seed.textProperty().addListener((obs, old, now) -> {
            try {
                model.seedProperty().set(Long.parseLong(now.trim()));
            } catch (NumberFormatException e) {
                seed.setText(old);
            }
        });
        ComboBox<String> scenario = new ComboBox<>(FXCollections.observableArrayList(model.scenarios()));
        scenario.valueProperty().bindBidirectional(model.scenarioProperty());
        scenario.setId("city-scenario");
        scenario.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String name) {
                return ControlRoomViewModel.scenarioTitle(name);
            }

            @Override
            public String fromString(String text) {
                return null;
            }
        });
        Button restart = new Button(Text.get("city.restart"), new FontIcon(Material2OutlinedMZ.REPLAY));
        restart.setId("city-restart");
        restart.setOnAction(e -> model.restart());
        ToggleButton autopilot = new ToggleButton(Text.get("city.autopilot"));
        autopilot.setId("city-autopilot");
        model.autopilotProperty().addListener((obs, old, on) -> autopilot.setSelected(on));
        autopilot.setOnAction(e -> model.setAutopilot(autopilot.isSelected()));
        Label coordinator = new Label();
        coordinator.textProperty().bind(model.coordinatorNameProperty());
        coordinator.getStyleClass().add("sb-muted");
        coordinator.setWrapText(true);
        Label message = new Label();
        message.textProperty().bind(model.messageProperty());
        message.setId("city-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        // Wraps onto a second line in a narrow window rather than pushing the page wider than the window.
        FlowPane bar = new FlowPane(8, 6, play, label("city.speed"), speed, label("city.eventsPerTick"), events,
                label("city.seed"), seed, label("city.scenario"), scenario, restart, autopilot);
        bar.setAlignment(Pos.CENTER_LEFT);
        for (Node n : bar.getChildren()) {
            if (n instanceof Region r) {
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        // What the last command did, and who coordinates, on a line of their own: never cut short.
        HBox.setHgrow(message, Priority.ALWAYS);
        message.setMaxWidth(Double.MAX_VALUE);
        coordinator.setMinWidth(Region.USE_PREF_SIZE);
        HBox status = new HBox(12, message, coordinator);
        status.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(6, bar, status);
        top.setPadding(new Insets(8, 12, 8, 12));
        top.getStyleClass().add("sb-toolbar");
        return top;
    }

    private static ListCell<Integer> speedCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(Integer item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : "×" + item);
            }
        };
    }

    private Node mapPane() {
        map.setZoom(11.6);
        map.setCenter(35.688, 139.745);
        map.addLayer(markers);
        map.setId("city-map");
        details.setId("city-details");
        details.getStyleClass().add("sb-map-details");
        details.setVisible(false);
        details.setWrapText(true);
        details.setMaxWidth(300);
        map.setOnMouseClicked(e -> showDetails(markers.hit(e.getX(), e.getY())));
        follow.setId("city-follow");
        follow.getStyleClass().add("sb-map-follow");
        follow.setDisable(true);
        StackPane.setAlignment(details, Pos.TOP_RIGHT);
        StackPane.setMargin(details, new Insets(10));
        StackPane.setAlignment(follow, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(follow, new Insets(10));
        Rectangle clip = new Rectangle();
        StackPane pane = new StackPane(map, legend(), details, follow);
        clip.widthProperty().bind(pane.widthProperty());
        clip.heightProperty().bind(pane.heightProperty());
        pane.setClip(clip);
        StackPane.setAlignment(pane.getChildren().get(1), Pos.BOTTOM_LEFT);
        return pane;
    }

    private Node legend() {
        HBox legend = new HBox(10);
        for (UnitState state : UnitState.values()) {
            Rectangle swatch = new Rectangle(10, 10, MarkerLayer.colour(state));
            Label l = new Label(stateLabel(state), swatch);
            legend.getChildren().add(l);
        }
        legend.getStyleClass().add("sb-map-legend");
        legend.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        legend.setPadding(new Insets(6, 10, 6, 10));
        StackPane.setMargin(legend, new Insets(10));
        return legend;
    }

    private void useCityTiles() {
        if (tilesReady || model.pack() == null) {
            return;
        }
        tilesReady = true;
        map.setZoom(11.5);
        map.setCenter(35.688, 139.745);
    }

    /** Tiles of the bundled Tokyo pack; the pack is read on first use, off the FX thread. */
    static final class LazyPackTiles implements dev.switchboard.city.engine.pack.tiles.TileSource {
        private volatile TileRenderer renderer;

        private TileRenderer renderer() {
            TileRenderer r = renderer;
            if (r == null) {
                synchronized (this) {
                    r = renderer;
                    if (r == null) {
                        r = new TileRenderer(dev.switchboard.city.engine.pack.CityPacks.tokyo());
                        renderer = r;
                    }
                }
            }
            return r;
        }

        @Override
        public String cacheKey() {
            return renderer().cacheKey();
        }

        @Override
        public java.util.Optional<byte[]> tile(int zoom, int x, int y) {
            return renderer().tile(zoom, x, y);
        }
    }

    /** Shows what was clicked on the map: a unit (which then can be followed) or an incident. */
    private void showDetails(Object hit) {
        switch (hit) {
            case UnitView u -> {
                selectUnit(u);
                details.setText(Text.get("city.details.unit", u.id(), u.type(), stateLabel(u.state()),
                        u.incidentId() == null ? "—" : u.incidentId(), u.baseId()));
            }
            case IncidentView i -> details.setText(Text.get("city.details.incident", i.id(), i.title(), i.priority(),
                    i.state().name().toLowerCase(Locale.ROOT).replace('_', ' '), i.wardId(),
                    i.unitIds().isEmpty() ? "—" : String.join(", ", i.unitIds()), i.source()));
            case null, default -> {
                details.setVisible(false);
                return;
            }
        }
        details.setVisible(true);
    }

    private void selectUnit(UnitView unit) {
        selectedUnit = unit.id();
        follow.setDisable(false);
        follow.setText(Text.get("city.followUnit", unit.id()));
    }

    private Node sidePanel() {
        ListView<Recommendation> recs = new ListView<>(recommendations);
        recs.setId("city-recommendations");
        recs.setCellFactory(l -> new RecommendationCell());
        recs.setPlaceholder(muted("city.noRecommendations"));
        ListView<CriticalEvent> events = new ListView<>(feed);
        events.setId("city-feed");
        events.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(CriticalEvent e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : String.format(Locale.ROOT, "%.2f  %s · %s%n%s", e.score(),
                        e.type().name().toLowerCase(Locale.ROOT).replace('_', ' '), e.wardId(), e.reason()));
            }
        });
        events.setPlaceholder(muted("city.noEvents"));
        incidentList = new ListView<>(incidents);
        incidentList.setId("city-incidents");
        incidentList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(IncidentView i, boolean empty) {
                super.updateItem(i, empty);
                setText(empty || i == null ? null : i.id() + "  P" + i.priority() + "  " + i.title() + "\n"
                        + i.state().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " · " + i.wardId() + " · "
                        + (i.unitIds().isEmpty() ? Text.get("city.noUnits") : String.join(", ", i.unitIds())));
            }
        });
        incidentList.setPlaceholder(muted("city.noIncidents"));
        incidentList.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            // Refilling the list each frame reselects the same incident: fly there only when another is picked.
            if (now != null && !now.id().equals(flownTo)) {
                flownTo = now.id();
                map.flyTo(0, new com.gluonhq.maps.MapPoint(now.position().lat(), now.position().lon()), 0.6);
            }
        });
        TableView<UnitView> unitTable = new TableView<>(units);
        unitTable.setId("city-units");
        unitTable.getColumns().add(Tables.column(Text.get("city.col.unit"), UnitView::id, 80));
        unitTable.getColumns().add(Tables.column(Text.get("city.col.type"), u -> typeLabel(u.type()), 80));
        unitTable.getColumns().add(Tables.column(Text.get("city.col.state"),
                u -> stateLabel(u.state()), 90));
        unitTable.getColumns().add(Tables.column(Text.get("city.col.incident"),
                u -> u.incidentId() == null ? "" : u.incidentId(), 90));
        unitTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        unitTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                selectUnit(now);
                map.flyTo(0, new com.gluonhq.maps.MapPoint(now.position().lat(), now.position().lon()), 0.6);
            }
        });

        tabs = new TabPane(tab("city.tab.recommendations", recs), tab("city.tab.feed", events),
                tab("city.tab.incidents", incidentList), tab("city.tab.units", unitTable));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        situation.setWrapText(true);
        situation.setId("city-situation");
        situation.getStyleClass().add("sb-situation");
        situation.setMinHeight(Region.USE_PREF_SIZE);
        situation.setMaxWidth(Double.MAX_VALUE);
        // The whole summary, scrolled when it is long, rather than cut after a few lines.
        javafx.scene.control.ScrollPane situationScroll = new javafx.scene.control.ScrollPane(situation);
        situationScroll.setFitToWidth(true);
        situationScroll.setPrefHeight(120);
        situationScroll.setMinHeight(60);
        situationScroll.getStyleClass().add("sb-situation-scroll");
        VBox side = new VBox(8, situationScroll, tabs);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        side.setPrefWidth(470);
        side.setMinWidth(470);
        side.setPadding(new Insets(8));
        return side;
    }

    private Node dashboard() {
        String[] names = {"city.m.generated", "city.m.malformed", "city.m.duplicates", "city.m.passed",
            "city.m.above", "city.m.topk", "city.m.reduction", "city.m.incidents"};
        FlowPane tiles = new FlowPane(14, 6);
        for (int i = 0; i < names.length; i++) {
            figures[i] = new Label("—");
            figures[i].getStyleClass().add("sb-figure");
            figures[i].setId("city-figure-" + i);
            tiles.getChildren().add(new VBox(0, figures[i], muted(names[i])));
        }
        String[] stages = {"city.s.generate", "city.s.filter", "city.s.score", "city.s.topk", "city.s.tick"};
        HBox latencies = new HBox(14);
        for (int i = 0; i < stages.length; i++) {
            sparks[i] = new Sparkline(60, 90, 24);
            latencies.getChildren().add(new VBox(0, sparks[i], muted(stages[i])));
        }
        llm.setId("city-llm");
        llm.setWrapText(true);
        frame.setId("city-frame");
        frame.setWrapText(true);
        frame.setMinHeight(Region.USE_PREF_SIZE);
        llm.setMinHeight(Region.USE_PREF_SIZE);
        VBox right = new VBox(4, llm, frame);
        right.setMaxWidth(420);
        HBox.setHgrow(tiles, Priority.ALWAYS);
        HBox bar = new HBox(18, tiles, latencies, right);
        bar.setPadding(new Insets(8, 12, 8, 12));
        bar.getStyleClass().add("sb-dashboard");
        return bar;
    }

    private void show(CitySnapshot s) {
        if (s == null) {
            return;
        }
        useCityTiles();
        markers.show(s.heat(), s.critical(), s.incidents(), s.units(), selectedUnit, highlighted);
        focus(s);
        if (follow.isSelected() && selectedUnit != null) {
            s.units().stream().filter(u -> u.id().equals(selectedUnit)).findFirst()
                    .ifPresent(u -> map.setCenter(u.position().lat(), u.position().lon()));
        }
        recommendations.setAll(s.recommendations());
        feed.setAll(s.critical().subList(0, Math.min(50, s.critical().size())));
        incidents.setAll(s.incidents());
        if (highlighted != null) {
            // The list is refilled each frame: the incident the call console asked for stays selected.
            s.incidents().stream().filter(i -> i.id().equals(highlighted)).findFirst()
                    .ifPresent(i -> incidentList.getSelectionModel().select(i));
        }
        units.setAll(s.units());
        situation.setText(s.situation().isBlank() ? Text.get("city.quiet", s.simTime()) : s.situation());
        PipelineStats p = s.stats();
        long[] values = {p.generated(), p.malformed(), p.duplicates(), p.passedFilter(), p.aboveThreshold(),
            p.topK()};
        for (int i = 0; i < values.length; i++) {
            figures[i].setText(String.format(Locale.ROOT, "%,d", values[i]));
        }
        figures[6].setText(String.format(Locale.ROOT, "%,.0f:1", p.reductionRatio()));
        figures[7].setText(String.valueOf(s.incidents().stream().filter(i -> i.state().ordinal() < 3).count()));
        long[] stageNanos = {p.generateNanos(), p.filterNanos(), p.scoreNanos(), p.topKNanos(), p.totalNanos()};
        for (int i = 0; i < stageNanos.length; i++) {
            sparks[i].add(stageNanos[i] / 1e6);
        }
        CoordinatorUsage u = model.usageProperty().get();
        if (u != null) {
            llm.setText(Text.get("city.llm", u.calls(), u.offlineCalls(), u.tokensIn() + u.tokensOut(),
                    String.format(Locale.ROOT, "%.4f", u.costUsd()), String.format(Locale.ROOT, "%,d", u.naiveTokens()),
                    String.format(Locale.ROOT, "%.2f", u.naiveCostUsd()), u.lastSource()));
        }
        frame.setText(Text.get("city.frame", String.format(Locale.ROOT, "%.1f", frameEwmaMillis),
                String.format(Locale.ROOT, "%.2f", markers.lastDrawNanos() / 1e6), s.tick(), s.simTime()));
    }

    private Tab tab(String key, Node content) {
        return new Tab(Text.get(key), content);
    }

    private static Label label(String key) {
        return new Label(Text.get(key));
    }

    private static Label muted(String key) {
        Label l = new Label(Text.get(key));
        l.getStyleClass().add("sb-muted");
        l.setWrapText(true);
        return l;
    }


    /**
     * Centres the map on the incident of the call the console asked to see, highlights it and shows it in the
     * incident list; waits for the next snapshot when the incident is not on the map yet.
     */
    private void focus(CitySnapshot s) {
        String reference = model.focusReferenceProperty().get();
        if (reference == null || s == null) {
            return;
        }
        s.incidents().stream().filter(i -> reference.equals(i.reference())).findFirst().ifPresent(i -> {
            highlighted = i.id();
            flownTo = i.id();
            map.setZoom(13.5);
            map.setCenter(i.position().lat(), i.position().lon());
            tabs.getSelectionModel().select(2);
            incidentList.getSelectionModel().select(i);
            incidentList.scrollTo(i);
            showDetails(i);
            markers.show(s.heat(), s.critical(), s.incidents(), s.units(), selectedUnit, highlighted);
            model.focusShown();
        });
    }

    /** The incident highlighted on the map, or null; for tests. */
    String highlightedIncident() {
        return highlighted;
    }

    /** A unit type in words, e.g. "Ambulance". */
    static String typeLabel(dev.switchboard.city.model.UnitType type) {
        return switch (type) {
            case POLICE -> Text.get("city.type.police");
            case SWAT -> Text.get("city.type.swat");
            case FIRE -> Text.get("city.type.fire");
            case AMBULANCE -> Text.get("city.type.ambulance");
            case TRAFFIC -> Text.get("city.type.traffic");
        };
    }

    /** The label of a unit state, shared by the legend and the unit table. */
    static String stateLabel(UnitState state) {
        return switch (state) {
            case IDLE -> Text.get("city.state.idle");
            case DISPATCHED -> Text.get("city.state.dispatched");
            case EN_ROUTE -> Text.get("city.state.enRoute");
            case ON_SCENE -> Text.get("city.state.onScene");
            case RETURNING -> Text.get("city.state.returning");
        };
    }

    /** A command as the dispatch order it stands for, e.g. "DISPATCH 1 SWAT TO Shibuya". */
    static String order(dev.switchboard.city.model.DispatchCommand command) {
        return switch (command) {
            case dev.switchboard.city.model.DispatchCommand.Dispatch d ->
                    "DISPATCH " + d.count() + " " + d.unitType() + " TO " + d.place();
            case dev.switchboard.city.model.DispatchCommand.Evacuate v -> "INITIATE EVACUATION IN " + v.area();
            case dev.switchboard.city.model.DispatchCommand.StandDown d -> "STAND DOWN " + d.unitId();
        };
    }

    /** A recommendation with its rationale and Accept / Reject. */
    private final class RecommendationCell extends ListCell<Recommendation> {
        @Override
        protected void updateItem(Recommendation r, boolean empty) {
            super.updateItem(r, empty);
            if (empty || r == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label what = new Label(describe(r));
            what.setWrapText(true);
            what.getStyleClass().add("sb-rec-title");
            Label why = new Label(r.rationale() + " · " + r.source());
            why.setWrapText(true);
            why.getStyleClass().add("sb-muted");
            Button accept = new Button(Text.get("city.accept"));
            accept.getStyleClass().add("accent");
            accept.setOnAction(e -> model.accept(r));
            Button reject = new Button(Text.get("city.reject"));
            reject.setOnAction(e -> model.reject(r));
            VBox box = new VBox(4, what, why, new HBox(6, accept, reject));
            // The cell is as tall as its wrapped text: nothing is cut short with an ellipsis.
            double width = Math.max(200, getListView().getWidth() - 40);
            for (Label l : new Label[] {what, why}) {
                l.setMinHeight(Region.USE_PREF_SIZE);
                l.setPrefWidth(width);
                l.setMaxWidth(width);
            }
            box.setPrefWidth(width);
            box.setMaxWidth(width);
            setTooltip(new javafx.scene.control.Tooltip(describe(r) + "\n" + r.rationale()));
            setGraphic(box);
            setText(null);
        }

        private String describe(Recommendation r) {
            String eta = r.etaSeconds() > 0 ? Text.get("city.rec.eta", Math.max(1, Math.round(r.etaSeconds() / 60)))
                    : "";
            return switch (r.command()) {
                case dev.switchboard.city.model.DispatchCommand.Dispatch d -> Text.get("city.rec.send",
                        r.unitId() != null ? r.unitId() : d.count() + " " + typeLabel(d.unitType()), r.incidentId(),
                        eta);
                case dev.switchboard.city.model.DispatchCommand.Evacuate v -> Text.get("city.rec.evacuate", v.area());
                case dev.switchboard.city.model.DispatchCommand.StandDown d -> Text.get("city.rec.standDown",
                        d.unitId(), r.incidentId());
            };
        }
    }
}
