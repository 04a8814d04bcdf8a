package dev.switchboard.city.ui;

import dev.switchboard.ai.ChatService;
import dev.switchboard.city.engine.loop.SimulationLoop;
import dev.switchboard.places.CityPack;
import dev.switchboard.places.CityPackCatalog;
import dev.switchboard.core.error.SwitchboardException;
import dev.switchboard.city.engine.pipeline.DedupRule;
import dev.switchboard.city.engine.pipeline.Districts;
import dev.switchboard.city.engine.pipeline.EventPipeline;
import dev.switchboard.city.engine.pipeline.PipelineConfig;
import dev.switchboard.city.engine.pipeline.PipelineSettings;
import dev.switchboard.city.engine.sim.CitySimulation;
import dev.switchboard.city.engine.sim.CommandResult;
import dev.switchboard.city.engine.sim.Coordinator;
import dev.switchboard.city.engine.sim.CoordinatorUsage;
import dev.switchboard.city.engine.sim.LlmCoordinator;
import dev.switchboard.city.engine.sim.RuleCoordinator;
import dev.switchboard.city.engine.sim.Scenarios;
import dev.switchboard.city.engine.sim.SimulationConfig;
import dev.switchboard.city.model.CitySnapshot;
import dev.switchboard.city.model.Recommendation;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.core.time.SimTime;
import dev.switchboard.city.engine.tiles.TileCache;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.eventlog.EventLog;
import dev.switchboard.store.session.SessionCatalog;
import dev.switchboard.store.session.SessionSummary;
import dev.switchboard.uikit.WorkspaceContext;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import dev.switchboard.core.event.Subscription;
import dev.switchboard.core.incident.IncidentCreated;
import dev.switchboard.core.incident.IncidentShowRequested;
import dev.switchboard.core.session.TrainingSessionChanged;
import java.util.ArrayList;
import dev.switchboard.city.engine.tiles.MapSettings;
import dev.switchboard.city.engine.tiles.OnlineTiles;
import dev.switchboard.city.engine.tiles.TileSource;
import javafx.application.Platform;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control room's state and commands. The simulation runs on its own thread (see
 * {@link SimulationLoop}); the view pulls at most one snapshot per frame through {@link #pull()}.
 * Building a simulation (the pack, the road graph) happens off the FX thread.
 */
public final class ControlRoomViewModel implements AutoCloseable {

    /** Speeds offered, ×1 to ×60. */
    public static final List<Integer> SPEEDS = List.of(1, 2, 5, 10, 30, 60);
    /** "No scenario" in the scenario choice. */
    public static final String FREE_RUN = "free run";

    private static final Logger LOG = LoggerFactory.getLogger(ControlRoomViewModel.class);

    private final WorkspaceContext ctx;
    private SimulationLoop loop;
    private SessionId session;
    /** The built exercise's entry in the session list, until it first plays; null once listed. */
    private SessionSummary unlisted;
    /** The listing of the running exercise, which its end is recorded after. */
    private CompletableFuture<Void> listing = CompletableFuture.completedFuture(null);

    // Properties
    private final ReadOnlyObjectWrapper<CitySnapshot> snapshot = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<CoordinatorUsage> usage = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper coordinatorName = new ReadOnlyStringWrapper("");
    private final ObjectProperty<Integer> speed = new SimpleObjectProperty<>(1);
    private final IntegerProperty eventsPerTick = new SimpleIntegerProperty(20_000);
    private final LongProperty seed = new SimpleLongProperty(42);
    private final ObjectProperty<String> scenario = new SimpleObjectProperty<>(FREE_RUN);
    private final ObjectProperty<DedupRule> dedupRule = new SimpleObjectProperty<>(DedupRule.SAME_OBSERVATION);
    private final ReadOnlyBooleanWrapper autopilot = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper respondingToCalls = new ReadOnlyBooleanWrapper();
    /** Calls dispatched before the simulation was built; sent once it is. */
    private final List<IncidentCreated> pendingCalls = new ArrayList<>();
    private final Subscription callSubscription;
    private final ExerciseRequests exerciseRequests;
    private final Subscription showSubscription;
    private final ReadOnlyStringWrapper focusReference = new ReadOnlyStringWrapper();
    private boolean building;
    private CityPack pack;

    public ControlRoomViewModel(WorkspaceContext ctx) {
        this.ctx = ctx;
        this.callSubscription = ctx.bus().subscribe(IncidentCreated.class,
                call -> Platform.runLater(() -> onCall(call)));
        this.exerciseRequests = new ExerciseRequests(ctx.bus(), this);
        this.showSubscription = ctx.bus().subscribe(IncidentShowRequested.class,
                show -> Platform.runLater(() -> focusReference.set(show.reference())));
        // The clock outlives this model (it is the workstation's): the speed box and the clock start out agreeing.
        ctx.clock().setSpeed(speed.get());
        speed.addListener((obs, old, now) -> {
            if (now != null) {
                ctx.clock().setSpeed(now);
            }
        });
        dedupRule.set(ctx.settings().get(PipelineSettings.DEDUP_RULE));
        dedupRule.addListener((obs, old, now) -> {
            if (now != null) {
                ctx.settings().set(PipelineSettings.DEDUP_RULE, now);
            }
        });
    }

    public ReadOnlyObjectProperty<CitySnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<CoordinatorUsage> usageProperty() {
        return usage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    /** True once a simulation is built and the map can show the city. */
    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty coordinatorNameProperty() {
        return coordinatorName.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty autopilotProperty() {
        return autopilot.getReadOnlyProperty();
    }

    /**
     * True once the call console has dispatched into this city: the simulation then keeps running while the
     * control room is hidden, so the units drive to the call while the trainee stays on the line.
     */
    public ReadOnlyBooleanProperty respondingToCallsProperty() {
        return respondingToCalls.getReadOnlyProperty();
    }

    /**
     * The call reference whose incident the map should centre on and highlight (the call console asked), or null;
     * the view clears it once shown.
     */
    public ReadOnlyStringProperty focusReferenceProperty() {
        return focusReference.getReadOnlyProperty();
    }

    /** The view showed the requested incident. */
    public void focusShown() {
        focusReference.set(null);
    }

    public ObjectProperty<Integer> speedProperty() {
        return speed;
    }

    public IntegerProperty eventsPerTickProperty() {
        return eventsPerTick;
    }

    public LongProperty seedProperty() {
        return seed;
    }

    public ObjectProperty<String> scenarioProperty() {
        return scenario;
    }

    /** Which sensor records count as duplicates; remembered, and used from the next {@link #restart}. */
    public ObjectProperty<DedupRule> dedupRuleProperty() {
        return dedupRule;
    }

    /** Free run plus every scripted crisis. */
    public List<String> scenarios() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(FREE_RUN), Scenarios.names().stream())
                .toList();
    }

    /** A scenario choice as the trainee reads it: its title, or "Free run (no crisis)". */
    public static String scenarioTitle(String name) {
        if (name == null || FREE_RUN.equals(name)) {
            return Text.get("city.scenario.freeRun");
        }
        return Scenarios.byName(name).map(dev.switchboard.city.engine.sim.Scenario::title).orElse(name);
    }

    /** The city the map shows; null until {@link #readyProperty()} is true. */
    public CityPack pack() {
        return pack;
    }

    // Commands

    /** Builds (or rebuilds) the exercise with the current seed, rate and scenario, paused. */
    public void restart() {
        message.set(Text.get("city.msg.building"));
        ready.set(false);
        long s = seed.get();
        int events = eventsPerTick.get();
        String chosen = scenario.get();
        DedupRule rule = dedupRule.get();
        closeLoop("complete");
        ctx.clock().setSpeed(speed.get());
        building = true;
        CompletableFuture.supplyAsync(() -> build(s, events, chosen, rule)).whenComplete((built, error) ->
                Platform.runLater(() -> {
                    building = false;
                    if (error != null) {
                        LOG.error("The control room could not start", error);
                        message.set(Text.get("city.msg.failed", error.getMessage()));
                        return;
                    }
                    loop = built;
                    snapshot.set(built.latest());
                    usage.set(built.simulation().coordinatorUsage());
                    autopilot.set(built.latest().autopilot());
                    ready.set(true);
                    message.set(FREE_RUN.equals(chosen) ? Text.get("city.msg.ready", pack == null ? "" : pack.name(), s)
                            : Text.get("city.msg.scenario", scenarioTitle(chosen), s));
                    List<IncidentCreated> waiting = List.copyOf(pendingCalls);
                    pendingCalls.clear();
                    waiting.forEach(this::onCall);
                }));
    }

    /**
     * A call the call console dispatched: opened on the map with the units asked for. Builds the city first if
     * the control room has not been opened yet, and sets it running so the units move.
     */
    void onCall(IncidentCreated call) {
        respondingToCalls.set(true);
        if (loop == null) {
            pendingCalls.add(call);
            if (!building) {
                restart();
            }
            return;
        }
        command(loop.simulation().reportCall(call));
        if (!playing.get()) {
            play();
        }
    }

    public void play() {
        if (loop != null) {
            SessionSummary first = unlisted;
            if (first != null) {
                unlisted = null;
                Instant now = Instant.now();
                // Off the FX thread (on a training center's server it is a round trip); its end waits for it.
                listing = CompletableFuture.runAsync(() -> {
                    try {
                        ctx.service(SessionCatalog.class).insert(new SessionSummary(first.id(), first.trainee(),
                                first.traineeName(), first.kind(), first.title(), now, null, "running", null));
                        ctx.bus().publish(new TrainingSessionChanged(first.id()));
                    } catch (RuntimeException e) {
                        LOG.warn("Could not list the exercise {}", first.id(), e);
                    }
                });
            }
            ctx.clock().resume();
            loop.play();
            playing.set(true);
        }
    }

    public void pause() {
        if (loop != null) {
            loop.pause();
            ctx.clock().pause();
            playing.set(false);
        }
    }

    /** Takes the newest snapshot if there is one; the view calls this once per frame. */
    public boolean pull() {
        if (loop == null) {
            return false;
        }
        if (loop.failure() != null && playing.get()) {
            playing.set(false);
            message.set(Text.get("city.msg.failed", loop.failure().getMessage()));
        }
        CitySnapshot next = loop.takeIfNew();
        if (next == null) {
            return false;
        }
        snapshot.set(next);
        usage.set(loop.simulation().coordinatorUsage());
        autopilot.set(next.autopilot());
        return true;
    }

    public void accept(Recommendation r) {
        command(loop == null ? null : loop.simulation().accept(r.id()));
    }

    public void reject(Recommendation r) {
        command(loop == null ? null : loop.simulation().reject(r.id(), Text.get("city.rejectReason")));
    }

    public void setAutopilot(boolean on) {
        command(loop == null ? null : loop.simulation().setAutopilot(on));
    }

    /** The running exercise's session, or null before one is built. */
    public SessionId session() {
        return session;
    }

    /** Opens an incident in the running city (for an exercise workflow); null when no city runs yet. */
    public CompletableFuture<CommandResult> inject(dev.switchboard.city.engine.sim.IncidentKind kind,
                                                   dev.switchboard.core.geo.LatLon at, int priority, String title) {
        return loop == null ? null : loop.simulation().createIncident(kind, at, priority, title);
    }

    /** Stops the simulation and records the exercise as ended; for workspace shutdown. */
    @Override
    public void close() {
        exerciseRequests.close();
        callSubscription.close();
        showSubscription.close();
        closeLoop("complete");
    }

    private void command(CompletableFuture<CommandResult> pending) {
        if (pending == null) {
            return;
        }
        pending.whenComplete((result, error) -> Platform.runLater(() ->
                message.set(error != null ? error.getMessage() : result.message())));
    }

    private SimulationLoop build(long s, int events, String chosen, DedupRule rule) {
        CityPackCatalog.Active active = packs().active();
        CityPack city = active.pack();
        if (active.problem() != null) {
            Platform.runLater(() -> message.set(Text.get("city.msg.packProblem", active.problem())));
        }
        useBasemap(city);
        EventPipeline pipeline = new EventPipeline(PipelineConfig.defaults().withSeed(s)
                .withMaxEventsPerTick(Math.max(events, 1)).withDedupRule(rule), Districts.fromWards(city.wards()));
        Coordinator coordinator = coordinator(city);
        SessionId id = new SessionId("city-" + dev.switchboard.core.id.Ids.next());
        EventLog eventLog = ctx.service(EventLog.class);
        ctx.clock().reset(SimTime.ZERO);
        ctx.clock().pause();
        CitySimulation sim = new CitySimulation(city, pipeline, coordinator, ctx.clock(), ctx.bus(), eventLog, id, s,
                SimulationConfig.defaults().withEventsPerTick(events));
        if (!FREE_RUN.equals(chosen)) {
            Scenarios.byName(chosen).ifPresent(sim::startScenario);
        }
        // Recorded in the session list when it first plays, not when built: opening the control room and leaving
        // it listed a 0:00 exercise in Review and on Home for every visit.
        String title = FREE_RUN.equals(chosen) ? "Control room, free run" : "Control room: " + scenarioTitle(chosen);
        this.pack = city;
        this.session = id;
        this.unlisted = new SessionSummary(id, ctx.user().id(), ctx.user().displayName(), "control-room", title,
                Instant.now(), null, "running", null);
        Platform.runLater(() -> coordinatorName.set(Text.get(coordinator instanceof LlmCoordinator
                ? "city.coordinator.llm" : "city.coordinator.rules")));
        return new SimulationLoop(sim);
    }

    /**
     * What the map draws: the city pack, under an imported MBTiles basemap when there is one, and OpenStreetMap
     * tiles on top only when an instructor allowed online tiles (off by default; the offline map answers
     * whenever the network does not).
     */
    private void useBasemap(CityPack city) {
        try {
            DataDir dataDir = ctx.service(DataDir.class);
            TileSource source = new ControlRoomView.LazyPackTiles(() -> city);
            if (java.nio.file.Files.exists(Basemap.file(dataDir))) {
                source = Basemap.over(dataDir, source);
                LOG.info("Control room map uses the imported basemap {}", Basemap.file(dataDir));
            }
            if (ctx.settings().get(MapSettings.ONLINE_TILES)) {
                source = new OnlineTiles(OnlineTiles.OSM_TEMPLATE, dataDir.cache().resolve("tiles/osm"), source);
                LOG.info("Control room map fetches OpenStreetMap tiles (map.onlineTiles is on)");
            }
            OfflineTileRetriever.use(new TileCache(null, 512).cached(source));
        } catch (RuntimeException e) {
            LOG.warn("The imported basemap cannot be used; drawing the city pack instead", e);
        }
    }

    /** The workstation's city packs; the bundled Tokyo alone when the app provides none (tests). */
    private CityPackCatalog packs() {
        try {
            return ctx.service(CityPackCatalog.class);
        } catch (SwitchboardException e) {
            return CityPackCatalog.bundledOnly();
        }
    }

    private Coordinator coordinator(CityPack city) {
        try {
            return new LlmCoordinator(city, ctx.service(ChatService.class), 8);
        } catch (RuntimeException e) {
            LOG.info("No chat service for the coordinator; using the rules ({})", e.getMessage());
            return new RuleCoordinator(city);
        }
    }

    private void closeLoop(String status) {
        SimulationLoop old = loop;
        SessionId oldSession = session;
        boolean listed = unlisted == null;
        loop = null;
        session = null;
        unlisted = null;
        playing.set(false);
        if (old != null && !listed) {
            CompletableFuture.runAsync(old::close);
        } else if (old != null) {
            listing.thenRunAsync(() -> {
                old.close();
                try {
                    ctx.service(SessionCatalog.class).finish(oldSession, Instant.now(), status, null);
                    ctx.bus().publish(new TrainingSessionChanged(oldSession));
                } catch (RuntimeException e) {
                    LOG.warn("Could not record the end of {}", oldSession, e);
                }
            });
        }
    }
}
