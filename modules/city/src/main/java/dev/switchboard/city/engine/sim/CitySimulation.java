package dev.switchboard.city.engine.sim;

import dev.switchboard.city.engine.bridge.SituationSummary;
import dev.switchboard.places.CityPack;
import dev.switchboard.places.Route;
import dev.switchboard.city.engine.pipeline.EventPipeline;
import dev.switchboard.city.engine.pipeline.PipelineResult;
import dev.switchboard.places.Base;
import dev.switchboard.places.BaseType;
import dev.switchboard.city.model.CitySnapshot;
import dev.switchboard.city.model.CriticalEvent;
import dev.switchboard.city.model.DispatchCommand;
import dev.switchboard.city.model.EventType;
import dev.switchboard.city.model.IncidentState;
import dev.switchboard.city.model.IncidentView;
import dev.switchboard.city.model.PipelineStats;
import dev.switchboard.city.model.Recommendation;
import dev.switchboard.city.model.UnitState;
import dev.switchboard.city.model.UnitType;
import dev.switchboard.city.model.UnitView;
import dev.switchboard.places.Ward;
import dev.switchboard.core.event.EventBus;
import dev.switchboard.core.geo.LatLon;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.core.incident.DispatchAnswered;
import dev.switchboard.core.incident.DispatchOrdered;
import dev.switchboard.core.incident.IncidentCreated;
import dev.switchboard.core.incident.ResponderType;
import dev.switchboard.core.incident.ResponseUpdated;
import dev.switchboard.core.time.SimClock;
import dev.switchboard.core.time.SimTime;
import dev.switchboard.store.eventlog.EventLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The control room's simulation: sensor events through the pipeline, incidents, the coordinator's
 * recommendations, and units driving and working, one {@link #tick} at a time.
 *
 * <p><b>Threads.</b> One thread at a time calls {@link #tick} (the simulation thread; never the FX thread). The
 * trainee's commands ({@link #accept}, {@link #reject}, {@link #edit}, {@link #execute}, {@link #report},
 * {@link #createIncident}, {@link #setAutopilot}, {@link #startScenario}) may come from any thread: they are
 * queued and applied, in call order, at the start of the next tick, and their futures complete then. Each tick
 * returns an immutable {@link CitySnapshot} for the UI; {@link #latest()} and {@link #coordinatorUsage()} are
 * safe from any thread.
 *
 * <p><b>Determinism.</b> Randomness comes from the seed, time from the {@link SimClock}; ids are sequence numbers.
 * The same seed, configuration, tick durations and commands (queued between the same ticks) give the same
 * snapshots. A model coordinator answering on its own thread is the exception: its answers arrive when they do.
 *
 * <p><b>Memory.</b> Significant events go to the bus (synchronously, on the tick thread) and to the event log
 * (queued, batched), incidents and assignments to SQLite in the background. Positions are never logged per tick.
 */
public final class CitySimulation implements AutoCloseable {

    /** How long closed incidents stay in the snapshot, so the map can show them end. */
    static final long CLOSED_VISIBLE_MILLIS = 120_000;
    /** How close a weapon must be seen to a fight to escalate it. */
    static final double ESCALATION_METERS = 500;
    /** Critical events summarised for the coordinator and the UI. */
    static final int SUMMARY_EVENTS = 20;

    private final CityPack pack;
    private final EventPipeline pipeline;
    private final Coordinator coordinator;
    private final SimClock clock;
    private final SessionJournal journal;
    private final SessionId session;
    private final SimulationConfig config;
    private final ClosestUnits closest;
    private final SplittableRandom random;

    private final List<Unit> units = new ArrayList<>();
    private final Map<String, Unit> unitsById = new HashMap<>();
    /** Sim time of the last {@link ResponseUpdated} per unit. */
    private final Map<String, Long> lastResponseMillis = new HashMap<>();
    /** Sim time of the last logged position per unit. */
    private final Map<String, Long> lastPositionMillis = new HashMap<>();
    /** How often, in sim time, a moving unit's position goes on the session's log. */
    static final long POSITION_EVERY_MILLIS = 10_000;
    /** How often, in sim time, a moving unit answering a call reports its position. */
    static final long RESPONSE_EVERY_MILLIS = 5_000;
    private final Map<String, Incident> incidents = new LinkedHashMap<>();
    private final List<Recommendation> pending = new ArrayList<>();
    private final Map<String, Long> quietUntil = new HashMap<>();
    private final List<ScenarioRun> scenarios = new ArrayList<>();
    private final Set<Long> scriptedSources = new HashSet<>();
    private final List<Injected> injectedThisTick = new ArrayList<>();
    private final ConcurrentLinkedQueue<Queued> commands = new ConcurrentLinkedQueue<>();
    private final RunStats stats = new RunStats();

    private long tick;
    private long nowMillis;
    private long lastMillis;
    private boolean autopilot;
    private int incidentSeq;
    private int recommendationSeq;
    private long scriptedSourceSeq;
    private long lastSensorIncidentMillis = -1;
    private PipelineResult lastResult;
    private String lastSummary;
    private volatile CitySnapshot latest;
    private volatile TickTimings lastTimings = TickTimings.ZERO;
    private volatile RunTotals totals = new RunTotals(0, 0, 0, 0, 0, 0, 0);
    private boolean closed;

    /**
     * A simulation of {@code pack} whose units start at their bases.
     *
     * @param eventLog where significant events (and, through its database, incidents) are stored; null for
     *                 headless runs that keep nothing
     * @param seed the simulation's own randomness (the pipeline has its own seed in its configuration)
     */
    public CitySimulation(CityPack pack, EventPipeline pipeline, Coordinator coordinator, SimClock clock,
                          EventBus bus, EventLog eventLog, SessionId session, long seed, SimulationConfig config) {
        this.pack = Objects.requireNonNull(pack, "pack");
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.coordinator = Objects.requireNonNull(coordinator, "coordinator");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.session = Objects.requireNonNull(session, "session");
        this.config = Objects.requireNonNull(config, "config");
        IncidentRepository repository = eventLog == null ? null
                : new JdbiIncidentRepository(eventLog.database().jdbi(), Clock.systemUTC());
        this.journal = new SessionJournal(session, Objects.requireNonNull(bus, "bus"), eventLog, repository);
        this.closest = new ClosestUnits(pack.roads());
        this.random = new SplittableRandom(seed);
        this.autopilot = config.autopilot();
        this.nowMillis = clock.now().millis();
        this.lastMillis = nowMillis;
        buildFleet(config.fleet());
        journal.log(nowMillis, "city.simulation.started", SessionJournal.fields("seed", seed, "pack", pack.id(),
                "coordinator", coordinator.name(), "eventsPerTick", config.eventsPerTick(), "autopilot", autopilot,
                "fleet", config.fleet().counts().entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .map(e -> e.getKey() + "=" + e.getValue()).toList()));
        this.lastResult = emptyResult();
        this.lastSummary = SituationSummary.of(List.of(), SUMMARY_EVENTS);
        this.latest = snapshot(lastResult, lastSummary);
    }

    // ---- commands (any thread; applied at the start of the next tick)

    /** Carries out a recommendation as proposed (with the next closest unit if the proposed one is gone). */
    public CompletableFuture<CommandResult> accept(String recommendationId) {
        return enqueue(() -> applyAccept(recommendationId, "trainee"));
    }

    /** Drops a recommendation; no new one of that unit type for that incident for a while. */
    public CompletableFuture<CommandResult> reject(String recommendationId, String reason) {
        return enqueue(() -> applyReject(recommendationId, reason == null ? "" : reason));
    }

    /** Carries out {@code command} in place of recommendation {@code recommendationId}. */
    public CompletableFuture<CommandResult> edit(String recommendationId, DispatchCommand command) {
        Objects.requireNonNull(command, "command");
        return enqueue(() -> applyEdit(recommendationId, command));
    }

    /** Carries out a command the trainee typed or composed. */
    public CompletableFuture<CommandResult> execute(DispatchCommand command) {
        Objects.requireNonNull(command, "command");
        return enqueue(() -> {
            journal.log(nowMillis, "city.command.issued", SessionJournal.fields("command", describe(command)));
            return applyCommand(command, "trainee", null);
        });
    }

    /** Opens an incident for a report from outside the sensors (e.g. the call console). */
    public CompletableFuture<CommandResult> report(IncidentReport report) {
        Objects.requireNonNull(report, "report");
        return enqueue(() -> {
            IncidentKind kind = report.effectiveKind();
            Ward ward = pack.nearestWard(report.position());
            Incident i = open(kind, kind.cause(), kind.title() + " in " + ward.nameEn(), report.position(),
                    ward.id(), report.priority(), "call", report.reference(), kind == IncidentKind.GENERAL ? 0.5 : 0.8);
            return CommandResult.done("Opened " + i.id + ": " + i.title, i.id, List.of());
        });
    }

    /**
     * Opens the incident a call-taker dispatched (posted by the call console as {@link IncidentCreated}) and sends
     * the units the call-taker asked for, closest first. Units answering it are reported back on the bus as
     * {@link ResponseUpdated} so the call can follow the response.
     */
    public CompletableFuture<CommandResult> reportCall(IncidentCreated call) {
        Objects.requireNonNull(call, "call");
        return enqueue(() -> {
            IncidentReport report = new IncidentReport(call.reference(), call.position(),
                    call.nature() + " (" + call.natureCode() + ")",
                    IncidentKind.fromNatureCode(call.natureCode()).orElse(null), call.priority());
            IncidentKind kind = report.effectiveKind();
            Ward ward = pack.nearestWard(call.position());
            Incident i = open(kind, kind.cause(), call.nature() + " — " + call.address(), call.position(),
                    ward.id(), call.priority(), "call", call.reference(), 0.8);
            Map<UnitType, Integer> asked = new EnumMap<>(UnitType.class);
            call.units().forEach(r -> asked.merge(unitType(r), 1, Integer::sum));
            List<String> sent = new ArrayList<>();
            List<ResponderType> waiting = new ArrayList<>();
            asked.forEach((type, count) -> {
                CommandResult r = dispatch(new DispatchCommand.Dispatch(type, count, i.id), "call-taker", null);
                int got = r.done() ? r.unitIds().size() : 0;
                sent.addAll(r.done() ? r.unitIds() : List.of());
                if (got < count) {
                    // Nobody of this type is free: the first to come free goes (see sendAwaitedUnits).
                    i.awaited.merge(type, count - got, Integer::sum);
                    for (int k = got; k < count; k++) {
                        waiting.add(responder(type));
                    }
                }
            });
            if (!waiting.isEmpty()) {
                journal.log(nowMillis, "city.call.units_awaited", SessionJournal.fields("incident", i.id,
                        "reference", call.reference(), "types", waiting.stream().map(Enum::name).toList()));
            }
            journal.publish(new DispatchAnswered(call.reference(), sent, waiting, "", Instant.ofEpochMilli(nowMillis)));
            String message = "Opened " + i.id + " for a call at " + call.address()
                    + (sent.isEmpty() ? "" : "; sent " + String.join(", ", sent))
                    + (waiting.isEmpty() ? "" : "; waiting for a free " + waiting.stream()
                            .map(t -> t.name().toLowerCase(Locale.ROOT).replace('_', ' ')).distinct()
                            .reduce((a, b) -> a + ", " + b).orElse("") + " unit");
            return CommandResult.done(message, i.id, sent);
        });
    }

    /**
     * Sends units a call-taker asked for that had nobody free when the call was dispatched, closest first, as they
     * come free; the coordinator's recommendations take what is left.
     */
    private void sendAwaitedUnits() {
        for (Incident incident : openIncidentsByUrgency()) {
            if (incident.awaited.isEmpty()) {
                continue;
            }
            for (UnitType type : List.copyOf(incident.awaited.keySet())) {
                int count = incident.awaited.get(type);
                List<ClosestUnits.Candidate> free = closest.rank(views(true), type, incident.position, Set.of(),
                        count);
                for (ClosestUnits.Candidate c : free) {
                    assign(unitsById.get(c.unit().id()), incident, "call-taker", null);
                }
                if (free.size() >= count) {
                    incident.awaited.remove(type);
                } else {
                    incident.awaited.put(type, count - free.size());
                }
            }
        }
    }

    /** The control room's unit type for a responder type named by another capability. */
    public static UnitType unitType(ResponderType responder) {
        return switch (responder) {
            case POLICE -> UnitType.POLICE;
            case SWAT -> UnitType.SWAT;
            case FIRE -> UnitType.FIRE;
            case AMBULANCE -> UnitType.AMBULANCE;
            case TRAFFIC_CONTROL -> UnitType.TRAFFIC;
        };
    }

    static ResponderType responder(UnitType type) {
        return switch (type) {
            case POLICE -> ResponderType.POLICE;
            case SWAT -> ResponderType.SWAT;
            case FIRE -> ResponderType.FIRE;
            case AMBULANCE -> ResponderType.AMBULANCE;
            case TRAFFIC -> ResponderType.TRAFFIC_CONTROL;
        };
    }

    /** Opens an incident by hand. */
    public CompletableFuture<CommandResult> createIncident(IncidentKind kind, LatLon position, int priority,
                                                          String title) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(position, "position");
        if (priority < 1 || priority > 5) {
            throw new IllegalArgumentException("priority must be 1..5, was " + priority);
        }
        return enqueue(() -> {
            Ward ward = pack.nearestWard(position);
            String name = title == null || title.isBlank() ? kind.title() + " in " + ward.nameEn() : title.strip();
            Incident i = open(kind, kind.cause(), name, position, ward.id(), priority, "manual", null, 0.8);
            return CommandResult.done("Opened " + i.id + ": " + i.title, i.id, List.of());
        });
    }

    /** Switches the autopilot, which carries out every recommendation itself. */
    public CompletableFuture<CommandResult> setAutopilot(boolean on) {
        return enqueue(() -> {
            if (autopilot != on) {
                autopilot = on;
                journal.log(nowMillis, "city.autopilot.changed", SessionJournal.fields("on", on));
            }
            return CommandResult.done("Autopilot " + (on ? "on" : "off"), null, List.of());
        });
    }

    /** Starts {@code scenario} now; its events follow at their times. */
    public CompletableFuture<CommandResult> startScenario(Scenario scenario) {
        Objects.requireNonNull(scenario, "scenario");
        return enqueue(() -> {
            scenarios.add(new ScenarioRun(scenario, nowMillis));
            journal.log(nowMillis, "city.scenario.started", SessionJournal.fields("scenario", scenario.name(),
                    "title", scenario.title()));
            return CommandResult.done("Started " + scenario.title(), null, List.of());
        });
    }

    // ---- the tick

    /**
     * Advances the simulation by {@code wallElapsed} of wall time (times the clock's speed) and returns what the
     * control room shows now. Call from one thread at a time.
     */
    public synchronized CitySnapshot tick(Duration wallElapsed) {
        if (closed) {
            throw new IllegalStateException("The simulation is closed");
        }
        long t0 = System.nanoTime();
        SimTime now = clock.tick(wallElapsed);
        if (now.millis() == nowMillis && tick > 0) {
            // Paused (or a zero-length tick): the city stands still, but the trainee's commands still apply.
            applyCommands();
            CitySnapshot snapshot = snapshot(lastResult, lastSummary);
            latest = snapshot;
            totals = stats.totals(journal.loggedEntries());
            return snapshot;
        }
        tick++;
        lastMillis = nowMillis;
        nowMillis = now.millis();
        double seconds = (nowMillis - lastMillis) / 1000.0;
        applyCommands();
        injectScenarioEvents();

        long t1 = System.nanoTime();
        PipelineResult result = pipeline.tick(tick, nowMillis, config.eventsPerTick(),
                config.scoring().withActiveIncidents(activeWards()));
        long t2 = System.nanoTime();
        incidentsFrom(withCrowdedOutScriptedEvents(result.topK()));
        String summary = SituationSummary.of(result.topK(), SUMMARY_EVENTS, this::wardName);
        long t3 = System.nanoTime();
        recommend(result, summary);
        long t4 = System.nanoTime();
        moveUnits();
        sendAwaitedUnits();
        reportMovingResponders();
        workScenes(seconds);
        updateIncidents();
        long t5 = System.nanoTime();
        CitySnapshot snapshot = snapshot(result, summary);
        lastResult = result;
        lastSummary = summary;
        long t6 = System.nanoTime();
        latest = snapshot;
        totals = stats.totals(journal.loggedEntries());
        lastTimings = new TickTimings(t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t6 - t5, t6 - t0);
        return snapshot;
    }

    // ---- reading (any thread)

    /** The snapshot of the latest tick (or the starting picture before the first). */
    public CitySnapshot latest() {
        return latest;
    }

    /** The coordinator's model usage against sending every event to a model. */
    public CoordinatorUsage coordinatorUsage() {
        return coordinator.usage();
    }

    /** Where the latest tick spent its time. */
    public TickTimings lastTimings() {
        return lastTimings;
    }

    /** Totals as of the latest tick: incidents, dispatches, response times. */
    public RunTotals totals() {
        return totals;
    }

    public SessionId session() {
        return session;
    }

    public CityPack pack() {
        return pack;
    }

    /** Waits until the event log and the incident tables hold everything so far. */
    public void flush() {
        journal.flush();
    }

    /** Flushes and stops background work; the pipeline, bus, clock and event log stay open for their owners. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        Queued q;
        while ((q = commands.poll()) != null) {
            q.future.complete(CommandResult.refused("The simulation was closed"));
        }
        coordinator.close();
        journal.log(nowMillis, "city.simulation.ended", SessionJournal.fields("tick", tick));
        journal.close();
    }

    // ---- fleet

    private void buildFleet(FleetConfig fleet) {
        LatLon centre = cityCentre();
        Map<BaseType, List<Base>> byType = new EnumMap<>(BaseType.class);
        for (BaseType type : BaseType.values()) {
            List<Base> bases = new ArrayList<>(pack.bases(type));
            bases.sort(Comparator.comparingDouble((Base b) -> b.position().distanceMeters(centre))
                    .thenComparing(Base::id));
            byType.put(type, bases);
        }
        Map<BaseType, Integer> used = new EnumMap<>(BaseType.class);
        for (UnitType type : List.of(UnitType.SWAT, UnitType.POLICE, UnitType.FIRE, UnitType.AMBULANCE,
                UnitType.TRAFFIC)) {
            int n = fleet.count(type);
            List<Base> bases = byType.get(type.home());
            if (n > 0 && bases.isEmpty()) {
                throw new IllegalArgumentException("The city pack " + pack.id() + " has no " + type.home()
                        + " bases for " + type + " units");
            }
            for (int k = 0; k < n; k++) {
                // Round-robin over the bases nearest the centre, continuing where the previous type of the
                // same base kind stopped, so SWAT and patrols do not all share one station.
                int slot = used.merge(type.home(), 1, Integer::sum) - 1;
                Base base = bases.get(slot % bases.size());
                Unit unit = new Unit(String.format(Locale.ROOT, "%s-%02d", type.name(), k + 1), type, base);
                units.add(unit);
                unitsById.put(unit.id(), unit);
            }
        }
        units.sort(Comparator.comparing((Unit u) -> u.type().ordinal()).thenComparing(Unit::id));
    }

    private LatLon cityCentre() {
        double lat = 0;
        double lon = 0;
        for (Ward w : pack.wards()) {
            lat += w.centre().lat();
            lon += w.centre().lon();
        }
        int n = pack.wards().size();
        return n == 0 ? pack.bounds().centre() : new LatLon(lat / n, lon / n);
    }

    // ---- commands

    private CompletableFuture<CommandResult> enqueue(Command command) {
        CompletableFuture<CommandResult> future = new CompletableFuture<>();
        commands.add(new Queued(command, future));
        return future;
    }

    private void applyCommands() {
        Queued q;
        while ((q = commands.poll()) != null) {
            try {
                q.future.complete(q.command.apply());
            } catch (RuntimeException e) {
                q.future.completeExceptionally(e);
            }
        }
    }

    private CommandResult applyAccept(String recommendationId, String by) {
        Optional<Recommendation> rec = pendingById(recommendationId);
        if (rec.isEmpty()) {
            return CommandResult.refused("No pending recommendation " + recommendationId);
        }
        Recommendation r = rec.get();
        pending.remove(r);
        journal.log(nowMillis, "city.recommendation.accepted", SessionJournal.fields("recommendation", r.id(),
                "by", by, "incident", r.incidentId(), "command", describe(r.command()), "unit", r.unitId()));
        return applyCommand(r.command(), by, r);
    }

    private CommandResult applyReject(String recommendationId, String reason) {
        Optional<Recommendation> rec = pendingById(recommendationId);
        if (rec.isEmpty()) {
            return CommandResult.refused("No pending recommendation " + recommendationId);
        }
        Recommendation r = rec.get();
        pending.remove(r);
        if (r.command() instanceof DispatchCommand.Dispatch d) {
            quietUntil.put(quietKey(r.incidentId(), d.unitType()), nowMillis + config.rejectQuietMillis());
        }
        journal.log(nowMillis, "city.recommendation.rejected", SessionJournal.fields("recommendation", r.id(),
                "incident", r.incidentId(), "command", describe(r.command()), "unit", r.unitId(), "reason", reason));
        return CommandResult.done("Rejected " + r.id(), r.incidentId(), List.of());
    }

    private CommandResult applyEdit(String recommendationId, DispatchCommand command) {
        Optional<Recommendation> rec = pendingById(recommendationId);
        if (rec.isEmpty()) {
            return CommandResult.refused("No pending recommendation " + recommendationId);
        }
        Recommendation r = rec.get();
        pending.remove(r);
        journal.log(nowMillis, "city.recommendation.edited", SessionJournal.fields("recommendation", r.id(),
                "incident", r.incidentId(), "proposed", describe(r.command()), "command", describe(command)));
        return applyCommand(command, "trainee", null);
    }

    private CommandResult applyCommand(DispatchCommand command, String by, Recommendation rec) {
        CommandResult result = switch (command) {
            case DispatchCommand.Dispatch d -> dispatch(d, by, rec);
            case DispatchCommand.Evacuate e -> evacuate(e, by);
            case DispatchCommand.StandDown s -> standDown(s.unitId(), by);
        };
        if (!result.done()) {
            journal.log(nowMillis, "city.command.refused", SessionJournal.fields("command", describe(command),
                    "by", by, "reason", result.message()));
        }
        return result;
    }

    private CommandResult dispatch(DispatchCommand.Dispatch d, String by, Recommendation rec) {
        Optional<Incident> target = rec != null ? Optional.ofNullable(incidents.get(rec.incidentId()))
                : resolvePlace(d.place(), d.unitType());
        if (target.isEmpty() || !target.get().open()) {
            return CommandResult.refused("No open incident at " + d.place());
        }
        Incident incident = target.get();
        List<String> sent = new ArrayList<>();
        if (rec != null && rec.unitId() != null) {
            Unit proposed = unitsById.get(rec.unitId());
            if (proposed != null && proposed.type() == d.unitType() && proposed.available()) {
                assign(proposed, incident, by, rec.id());
                sent.add(proposed.id());
            }
        }
        // Units proposed elsewhere are taken last; a typed order is the trainee's call and takes any unit.
        Set<String> reserved = rec == null ? Set.of() : reservedUnits();
        for (boolean useReserved : new boolean[] {false, true}) {
            if (sent.size() >= d.count()) {
                break;
            }
            Set<String> exclude = new HashSet<>(sent);
            if (!useReserved) {
                exclude.addAll(reserved);
            }
            for (ClosestUnits.Candidate c : closest.rank(views(true), d.unitType(), incident.position, exclude,
                    d.count() - sent.size())) {
                assign(unitsById.get(c.unit().id()), incident, by, rec == null ? null : rec.id());
                sent.add(c.unit().id());
            }
        }
        if (sent.isEmpty()) {
            return CommandResult.refused("No " + d.unitType().name().toLowerCase(Locale.ROOT)
                    + " unit is available for " + incident.id);
        }
        String message = "Sent " + String.join(", ", sent) + " to " + incident.id
                + (sent.size() < d.count() ? " (" + (d.count() - sent.size()) + " more not available)" : "");
        return CommandResult.done(message, incident.id, sent);
    }

    /**
     * The open incident a place names: an incident id, or a ward (id, English or Japanese name) in which the
     * most urgent open incident that lacks {@code type} (else the most urgent one) is taken.
     */
    private Optional<Incident> resolvePlace(String place, UnitType type) {
        String key = place.strip();
        Incident byId = incidents.get(key.toUpperCase(Locale.ROOT));
        if (byId != null) {
            return Optional.of(byId);
        }
        Optional<Ward> ward = pack.ward(key);
        if (ward.isEmpty()) {
            return Optional.empty();
        }
        List<Incident> inWard = openIncidentsByUrgency().stream().filter(i -> i.wardId.equals(ward.get().id()))
                .toList();
        if (type != null) {
            for (Incident i : inWard) {
                if (rawShortfall(i, type) > 0) {
                    return Optional.of(i);
                }
            }
        }
        return inWard.stream().findFirst();
    }

    private CommandResult evacuate(DispatchCommand.Evacuate e, String by) {
        Optional<Ward> ward = pack.ward(e.area());
        String wardId = ward.map(Ward::id).orElse(null);
        if (ward.isEmpty()) {
            Incident i = incidents.get(e.area().strip().toUpperCase(Locale.ROOT));
            wardId = i == null ? null : i.wardId;
        }
        if (wardId == null) {
            return CommandResult.refused("No ward or incident called " + e.area());
        }
        journal.log(nowMillis, "city.evacuation.ordered", SessionJournal.fields("area", e.area(), "ward", wardId,
                "by", by));
        journal.publish(new EvacuationOrdered(session, e.area(), wardId, by, new SimTime(nowMillis)));
        return CommandResult.done("Evacuation ordered in " + wardId, null, List.of());
    }

    private CommandResult standDown(String unitId, String by) {
        Unit unit = unitsById.get(unitId.strip().toUpperCase(Locale.ROOT));
        if (unit == null) {
            return CommandResult.refused("No unit " + unitId);
        }
        if (unit.incidentId == null) {
            return CommandResult.refused(unit.id() + " is not on an incident");
        }
        String incidentId = unit.incidentId;
        Incident incident = incidents.get(incidentId);
        if (unit.treatSecondsLeft > 0 && incident != null) {
            // The patient under treatment waits for another ambulance.
            incident.patientsWaiting++;
            unit.treatSecondsLeft = 0;
        }
        release(unit, incident);
        goHome(unit);
        journal.log(nowMillis, "city.unit.stood_down", SessionJournal.fields("unit", unit.id(),
                "incident", incidentId, "by", by));
        return CommandResult.done(unit.id() + " stood down from " + incidentId, incidentId, List.of(unit.id()));
    }

    // ---- scenarios

    private void injectScenarioEvents() {
        for (Iterator<ScenarioRun> it = scenarios.iterator(); it.hasNext(); ) {
            ScenarioRun run = it.next();
            List<ScriptedEvent> script = run.scenario.script();
            while (run.next < script.size()
                    && run.startMillis + script.get(run.next).at().toMillis() <= nowMillis) {
                ScriptedEvent e = script.get(run.next++);
                long source = SCRIPTED_SOURCE_BASE + scriptedSourceSeq++;
                scriptedSources.add(source);
                injectedThisTick.add(new Injected(source, e));
                pipeline.inject(e.type(), e.position(), e.risk(), e.confidence(), source);
                journal.log(nowMillis, "city.scenario.event", SessionJournal.fields("scenario", run.scenario.name(),
                        "type", e.type().name(), "lat", e.position().lat(), "lon", e.position().lon(),
                        "risk", e.risk(), "confidence", e.confidence(), "note", e.note(), "source", source));
            }
            if (run.next >= script.size()) {
                it.remove();
            }
        }
    }

    /**
     * The top K plus any event a scenario injected this tick that is not among them. At 100,000 events a tick the
     * top 200 start around score 0.91, above what an accident can ever score, and the pipeline may corrupt a
     * record on purpose; an exercise must not silently lose a step of its story to either.
     */
    private List<CriticalEvent> withCrowdedOutScriptedEvents(List<CriticalEvent> topK) {
        if (injectedThisTick.isEmpty()) {
            return topK;
        }
        Set<Long> seen = new HashSet<>();
        for (CriticalEvent e : topK) {
            seen.add(e.sourceId());
        }
        List<CriticalEvent> out = new ArrayList<>(topK);
        for (Injected i : injectedThisTick) {
            if (!seen.contains(i.source())) {
                ScriptedEvent e = i.event();
                out.add(new CriticalEvent(-i.source(), e.type(), i.source(), e.position(),
                        pack.nearestWard(e.position()).id(), 0, e.risk(), e.confidence(), nowMillis,
                        "scripted: " + e.note() + " (outside this tick's top K)"));
            }
        }
        injectedThisTick.clear();
        return out;
    }

    private record Injected(long source, ScriptedEvent event) {
    }

    /** Sensor ids of scripted events: far above any generated sensor, below the pipeline's limit. */
    static final long SCRIPTED_SOURCE_BASE = 1L << 34;

    private boolean scripted(CriticalEvent e) {
        return scriptedSources.contains(e.sourceId());
    }

    // ---- incidents

    private void incidentsFrom(List<CriticalEvent> critical) {
        for (CriticalEvent e : critical) {
            Optional<IncidentKind> kindOf = IncidentKind.of(e.type());
            if (kindOf.isEmpty()) {
                continue;
            }
            IncidentKind kind = kindOf.get();
            boolean scripted = scripted(e);
            if (!scripted && (e.score() < config.incidentScore() || e.confidence() < config.incidentConfidence())) {
                continue;
            }
            String wardId = pack.ward(e.wardId()).map(Ward::id).orElseGet(() -> pack.nearestWard(e.position()).id());
            Optional<Incident> same = openIncidentsByUrgency().stream()
                    .filter(i -> i.wardId.equals(wardId) && i.kind == kind).findFirst();
            if (same.isPresent()) {
                if (scripted && e.risk() > same.get().risk) {
                    // A scripted follow-up tells more of the same story: a bigger fire, more vehicles.
                    same.get().risk = e.risk();
                    same.get().planWork(kind, e.risk());
                    journal.save(same.get());
                }
                continue;
            }
            if (kind == IncidentKind.WEAPON) {
                // A weapon seen where a fight is going on makes it a weapon incident. A scripted weapon belongs
                // to its scenario's fight; sensor noise never rewrites an exercise.
                Optional<Incident> violence = openIncidentsByUrgency().stream()
                        .filter(i -> i.wardId.equals(wardId) && i.kind == IncidentKind.VIOLENCE
                                && scripted == i.source.equals("scenario")
                                && i.position.distanceMeters(e.position()) <= ESCALATION_METERS)
                        .findFirst();
                if (violence.isPresent()) {
                    escalate(violence.get(), IncidentKind.WEAPON, e);
                    continue;
                }
            }
            if (kind == IncidentKind.VIOLENCE && openIncidentsByUrgency().stream()
                    .anyMatch(i -> i.wardId.equals(wardId) && i.kind == IncidentKind.WEAPON)) {
                // More of the same fight where a weapon is already confirmed.
                continue;
            }
            String source = scripted ? "scenario" : "sensor";
            if (!scripted && !sensorMayOpen()) {
                continue;
            }
            if (!scripted) {
                lastSensorIncidentMillis = nowMillis;
            }
            Ward ward = pack.ward(wardId).orElseThrow();
            open(kind, e.type(), kind.title() + " in " + ward.nameEn(), e.position(), ward.id(),
                    kind.defaultPriority(), source, "event:" + e.id(), e.risk());
        }
    }

    /**
     * Whether sensor noise alone may open an incident now: not while a scenario runs or its incidents are open
     * (the exercise has the trainee's attention), at most {@code maxOpenSensorIncidents} at once, and at least
     * {@code sensorCooldownMillis} apart.
     */
    private boolean sensorMayOpen() {
        if (!scenarios.isEmpty()) {
            return false;
        }
        long openSensor = 0;
        for (Incident i : incidents.values()) {
            if (i.open() && i.source.equals("scenario")) {
                return false;
            }
            if (i.open() && i.source.equals("sensor")) {
                openSensor++;
            }
        }
        return openSensor < config.maxOpenSensorIncidents()
                && (lastSensorIncidentMillis < 0
                        || nowMillis - lastSensorIncidentMillis >= config.sensorCooldownMillis());
    }

    private Incident open(IncidentKind kind, EventType cause, String title,
                          LatLon position, String wardId, int priority, String source, String reference,
                          double risk) {
        String id = String.format(Locale.ROOT, "INC-%04d", ++incidentSeq);
        Incident i = new Incident(id, kind, cause, title, position, wardId, priority, source, nowMillis, reference,
                risk);
        incidents.put(id, i);
        stats.incidentsCreated++;
        journal.save(i);
        journal.log(nowMillis, "city.incident.created", SessionJournal.fields("incident", id, "kind", kind.name(),
                "cause", cause == null ? null : cause.name(), "title", title, "ward", wardId,
                "lat", position.lat(), "lon", position.lon(), "priority", i.priority, "source", source,
                "reference", reference, "risk", i.risk));
        journal.publish(new IncidentOpened(session, id, kind, cause, title, position, wardId, i.priority, source,
                reference, new SimTime(nowMillis)));
        return i;
    }

    private void escalate(Incident i, IncidentKind to, CriticalEvent e) {
        IncidentKind from = i.kind;
        i.kind = to;
        i.cause = e.type();
        Ward ward = pack.ward(i.wardId).orElseGet(() -> pack.nearestWard(i.position));
        i.title = to.title() + " in " + ward.nameEn();
        i.priority = Math.min(i.priority, to.defaultPriority());
        i.risk = Math.max(i.risk, e.risk());
        i.planWork(to, i.risk);
        journal.save(i);
        journal.log(nowMillis, "city.incident.escalated", SessionJournal.fields("incident", i.id,
                "from", from.name(), "to", to.name(), "priority", i.priority, "event", e.id()));
        journal.publish(new IncidentEscalated(session, i.id, from, to, i.priority, new SimTime(nowMillis)));
    }

    private String wardName(String wardId) {
        return pack.ward(wardId).map(Ward::nameEn).orElse(wardId);
    }

    private List<Incident> openIncidentsByUrgency() {
        List<Incident> open = new ArrayList<>();
        for (Incident i : incidents.values()) {
            if (i.open()) {
                open.add(i);
            }
        }
        open.sort(Comparator.comparingInt((Incident i) -> i.priority).thenComparingLong(i -> i.createdSimMillis)
                .thenComparing(i -> i.id));
        return open;
    }

    private Set<String> activeWards() {
        Set<String> wards = new HashSet<>();
        for (Incident i : incidents.values()) {
            if (i.open()) {
                wards.add(i.wardId);
            }
        }
        return wards;
    }

    // ---- coordinator

    private void recommend(PipelineResult result, String summary) {
        dropStaleRecommendations();
        List<IncidentNeed> needs = new ArrayList<>();
        for (Incident i : openIncidentsByUrgency()) {
            Map<UnitType, Integer> shortfall = new EnumMap<>(UnitType.class);
            for (UnitType type : UnitType.values()) {
                Long quiet = quietUntil.get(quietKey(i.id, type));
                if (quiet != null && quiet > nowMillis) {
                    continue;
                }
                int n = rawShortfall(i, type) - pendingFor(i.id, type);
                if (n > 0) {
                    shortfall.put(type, n);
                }
            }
            needs.add(new IncidentNeed(i.view(), i.kind, shortfall));
        }
        Situation situation = new Situation(tick, nowMillis, needs, views(false), reservedUnits(), result.topK(),
                result.stats().generated(), summary);
        for (Proposal p : coordinator.propose(situation)) {
            admit(p);
        }
        if (autopilot) {
            for (Recommendation r : List.copyOf(pending)) {
                applyAccept(r.id(), "autopilot");
            }
        }
    }

    private void admit(Proposal p) {
        Incident incident = incidents.get(p.incidentId());
        if (incident == null || !incident.open()) {
            return;
        }
        if (p.command() instanceof DispatchCommand.Dispatch && p.unitId() != null) {
            Unit unit = unitsById.get(p.unitId());
            if (unit == null || !unit.available() || reservedUnits().contains(unit.id())) {
                return;
            }
        }
        Recommendation r = new Recommendation(String.format(Locale.ROOT, "R-%05d", ++recommendationSeq),
                p.incidentId(), p.command(), p.unitId(), p.etaSeconds(), p.rationale(), p.source());
        pending.add(r);
        journal.log(nowMillis, "city.recommendation.made", SessionJournal.fields("recommendation", r.id(),
                "incident", r.incidentId(), "command", describe(r.command()), "unit", r.unitId(),
                "etaSeconds", Math.round(r.etaSeconds()), "source", r.source(), "rationale", r.rationale()));
    }

    /**
     * Drops recommendations that no longer make sense: the incident is over, a proposed unit is busy, the
     * incident no longer lacks that type of unit, or (a stand-down) the unit has left the incident.
     */
    private void dropStaleRecommendations() {
        Map<String, Integer> kept = new HashMap<>();
        for (Iterator<Recommendation> it = pending.iterator(); it.hasNext(); ) {
            Recommendation r = it.next();
            Incident incident = incidents.get(r.incidentId());
            boolean stale = incident == null || !incident.open();
            if (!stale && r.command() instanceof DispatchCommand.Dispatch d) {
                Unit unit = r.unitId() == null ? null : unitsById.get(r.unitId());
                int n = kept.merge(quietKey(r.incidentId(), d.unitType()), r.unitId() == null ? d.count() : 1,
                        Integer::sum);
                stale = r.unitId() != null && (unit == null || !unit.available())
                        || n > rawShortfall(incident, d.unitType());
            } else if (!stale && r.command() instanceof DispatchCommand.StandDown s) {
                Unit unit = unitsById.get(s.unitId().toUpperCase(Locale.ROOT));
                stale = unit == null || !r.incidentId().equals(unit.incidentId);
            }
            if (stale) {
                it.remove();
            }
        }
    }

    /** Units of {@code type} the incident lacks, counting those already sent. */
    private int rawShortfall(Incident i, UnitType type) {
        int sent = 0;
        for (String id : i.activeUnits) {
            Unit u = unitsById.get(id);
            if (u.type() == type && (type != UnitType.AMBULANCE || u.state() != UnitState.ON_SCENE)) {
                // An ambulance on scene has already taken its patient off the waiting list.
                sent++;
            }
        }
        return i.wanted(type) - sent;
    }

    private int pendingFor(String incidentId, UnitType type) {
        int n = 0;
        for (Recommendation r : pending) {
            if (r.incidentId().equals(incidentId) && r.command() instanceof DispatchCommand.Dispatch d
                    && d.unitType() == type) {
                n += r.unitId() != null ? 1 : d.count();
            }
        }
        return n;
    }

    private Set<String> reservedUnits() {
        Set<String> reserved = new HashSet<>();
        for (Recommendation r : pending) {
            if (r.unitId() != null) {
                reserved.add(r.unitId());
            }
        }
        return reserved;
    }

    private Optional<Recommendation> pendingById(String id) {
        return pending.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    private static String quietKey(String incidentId, UnitType type) {
        return incidentId + "|" + type;
    }

    // ---- units

    private void assign(Unit unit, Incident incident, String by, String recommendationId) {
        UnitState before = unit.state();
        unit.park();
        changeState(unit, UnitState.DISPATCHED, incident.id);
        unit.incidentId = incident.id;
        unit.assignedAtMillis = nowMillis;
        unit.onSceneAtMillis = -1;
        // A crew at base turns out first; one already on the road turns round at once.
        unit.turnoutEndsMillis = nowMillis + (before == UnitState.IDLE ? turnoutMillis(unit.type()) : 0);
        incident.activeUnits.add(unit.id());
        if (!incident.allUnits.contains(unit.id())) {
            incident.allUnits.add(unit.id());
        }
        if (incident.state == IncidentState.NEW) {
            incident.state = IncidentState.DISPATCHED;
            incident.dispatchedSimMillis = nowMillis;
            logIncidentState(incident);
        }
        double eta = closest.etaSeconds(unit.position(), incident.position, unit.type());
        stats.dispatches++;
        journal.save(incident);
        journal.save(assignmentOf(unit, -1));
        journal.log(nowMillis, "city.unit.dispatched", SessionJournal.fields("unit", unit.id(),
                "type", unit.type().name(), "incident", incident.id, "etaSeconds", Math.round(eta), "by", by,
                "recommendation", recommendationId));
        journal.publish(new UnitDispatched(session, unit.id(), unit.type(), incident.id, eta, by, recommendationId,
                new SimTime(nowMillis)));
        if (!"autopilot".equals(by)) {
            // The trainee's order, on this screen or the call console's: what an exercise waits for.
            journal.publish(new DispatchOrdered(session, incident.id, incident.reference, incident.kind.name(),
                    incident.wardId, unit.id(), responder(unit.type()), "call-taker".equals(by)
                    ? DispatchOrdered.CALL_CONSOLE : DispatchOrdered.CONTROL_ROOM, Instant.ofEpochMilli(nowMillis)));
        }
    }

    /** Seconds a crew needs at base before it drives off. */
    static long turnoutMillis(UnitType type) {
        return switch (type) {
            case POLICE, TRAFFIC -> 10_000;
            case AMBULANCE -> 20_000;
            case FIRE -> 30_000;
            case SWAT -> 60_000;
        };
    }

    private void changeState(Unit unit, UnitState to, String incidentId) {
        UnitState from = unit.transition(to, nowMillis);
        journal.log(nowMillis, "city.unit.state_changed", SessionJournal.fields("unit", unit.id(),
                "from", from.name(), "to", to.name(), "incident", incidentId, "type", unit.type().name(),
                "lat", unit.position().lat(), "lon", unit.position().lon()));
        journal.publish(new UnitStateChanged(session, unit.id(), unit.type(), from, to, incidentId,
                new SimTime(nowMillis)));
        respond(unit, incidentId);
    }

    /** Tells a caller's incident how a unit answering it is doing; only for incidents that came from a call. */
    private void respond(Unit unit, String incidentId) {
        Incident incident = incidentId == null ? null : incidents.get(incidentId);
        if (incident == null || incident.reference == null || !"call".equals(incident.source)) {
            return;
        }
        lastResponseMillis.put(unit.id(), nowMillis);
        journal.publish(new ResponseUpdated(incident.reference, unit.id(), responder(unit.type()),
                unit.state().name(), unit.position(), unit.view().headingDegrees(), incident.state.name(),
                etaSeconds(unit, incident), Instant.ofEpochMilli(nowMillis)));
    }

    /** Seconds until the unit reaches the incident by road, turnout left included; 0 there, -1 not on its way. */
    private double etaSeconds(Unit unit, Incident incident) {
        return switch (unit.state()) {
            case ON_SCENE -> 0;
            case DISPATCHED -> Math.max(0, unit.turnoutEndsMillis - nowMillis) / 1000.0
                    + closest.etaSeconds(unit.position(), incident.position, unit.type());
            case EN_ROUTE -> unit.errand == Unit.Errand.TO_SCENE && unit.path != null
                    ? Math.max(0, unit.pathStartMillis / 1000.0 + unit.path.travelSeconds() - nowMillis / 1000.0)
                    : closest.etaSeconds(unit.position(), incident.position, unit.type());
            case IDLE, RETURNING -> -1;
        };
    }

    /**
     * Moving units log their position every {@link #POSITION_EVERY_MILLIS} of sim time, so review can replay the
     * exercise; those answering a call also report on the bus every {@link #RESPONSE_EVERY_MILLIS}.
     */
    private void reportMovingResponders() {
        for (Unit unit : units) {
            UnitState st = unit.state();
            if ((st == UnitState.EN_ROUTE || st == UnitState.RETURNING)
                    && nowMillis - lastPositionMillis.getOrDefault(unit.id(), Long.MIN_VALUE / 2)
                    >= POSITION_EVERY_MILLIS) {
                lastPositionMillis.put(unit.id(), nowMillis);
                UnitView v = unit.view();
                journal.log(nowMillis, "city.unit.moved", SessionJournal.fields("unit", unit.id(), "type",
                        unit.type().name(), "state", st.name(), "lat", v.position().lat(), "lon", v.position().lon(),
                        "heading", Math.round(v.headingDegrees()), "incident", v.incidentId()));
            }
            if ((st == UnitState.EN_ROUTE || st == UnitState.RETURNING) && unit.incidentId != null
                    && nowMillis - lastResponseMillis.getOrDefault(unit.id(), Long.MIN_VALUE / 2)
                    >= RESPONSE_EVERY_MILLIS) {
                respond(unit, unit.incidentId);
            }
        }
    }

    private void moveUnits() {
        for (Unit unit : units) {
            switch (unit.state()) {
                case DISPATCHED -> {
                    if (nowMillis >= unit.turnoutEndsMillis) {
                        Incident incident = incidents.get(unit.incidentId);
                        changeState(unit, UnitState.EN_ROUTE, unit.incidentId);
                        unit.drive(pack.roads().route(unit.position(), incident.position, unit.type()),
                                Unit.Errand.TO_SCENE, nowMillis);
                    }
                }
                case EN_ROUTE -> {
                    if (unit.advance(nowMillis)) {
                        arrive(unit);
                    }
                }
                case RETURNING -> {
                    if (unit.advance(nowMillis)) {
                        if (unit.errand == Unit.Errand.TO_HOSPITAL) {
                            deliverPatient(unit);
                        } else {
                            unit.parkAtBase();
                            changeState(unit, UnitState.IDLE, null);
                        }
                    }
                }
                case IDLE, ON_SCENE -> {
                    // Waiting at base, or working (see workScenes).
                }
            }
        }
    }

    private void arrive(Unit unit) {
        Incident incident = incidents.get(unit.incidentId);
        long arrivedAt = Math.min(nowMillis, unit.pathStartMillis + Math.round(unit.path.travelSeconds() * 1000));
        unit.park();
        unit.onSceneAtMillis = arrivedAt;
        changeState(unit, UnitState.ON_SCENE, incident.id);
        stats.arrivals++;
        stats.responseMillis += arrivedAt - unit.assignedAtMillis;
        if (incident.onSceneSimMillis < 0) {
            incident.onSceneSimMillis = arrivedAt;
        }
        if (incident.state == IncidentState.DISPATCHED) {
            incident.state = IncidentState.ON_SCENE;
            logIncidentState(incident);
        }
        if (unit.type() == UnitType.AMBULANCE && incident.patientsWaiting > 0) {
            incident.patientsWaiting--;
            unit.treatSecondsLeft = Incident.TREAT_SECONDS * (0.75 + 0.5 * random.nextDouble());
        }
        journal.save(incident);
        journal.save(assignmentOf(unit, -1));
    }

    private void workScenes(double seconds) {
        if (seconds <= 0) {
            return;
        }
        for (Incident incident : openIncidentsByUrgency()) {
            int[] onScene = new int[UnitType.values().length];
            for (String id : incident.activeUnits) {
                Unit u = unitsById.get(id);
                if (u.state() == UnitState.ON_SCENE) {
                    onScene[u.type().ordinal()]++;
                }
            }
            incident.work(onScene[UnitType.FIRE.ordinal()], onScene[UnitType.POLICE.ordinal()],
                    onScene[UnitType.SWAT.ordinal()], onScene[UnitType.TRAFFIC.ordinal()], seconds);
            for (String id : List.copyOf(incident.activeUnits)) {
                Unit u = unitsById.get(id);
                if (u.state() != UnitState.ON_SCENE) {
                    continue;
                }
                if (u.treatSecondsLeft > 0) {
                    u.treatSecondsLeft -= seconds;
                    if (u.treatSecondsLeft <= 0) {
                        u.treatSecondsLeft = 0;
                        incident.patientsUntreated--;
                        transport(u, incident);
                    }
                } else if (incident.wanted(u.type()) == 0 && incident.workLeft()) {
                    // Nothing left here for this kind of unit: back into service.
                    release(u, incident);
                    goHome(u);
                }
            }
        }
    }

    private void transport(Unit ambulance, Incident incident) {
        release(ambulance, incident);
        ambulance.patientOf = incident.id;
        changeState(ambulance, UnitState.RETURNING, incident.id);
        Base hospital = nearestHospital(ambulance.position());
        ambulance.hospitalId = hospital.id();
        ambulance.drive(pack.roads().route(ambulance.position(), hospital.position(), ambulance.type()),
                Unit.Errand.TO_HOSPITAL, nowMillis);
        journal.log(nowMillis, "city.patient.transported", SessionJournal.fields("unit", ambulance.id(),
                "incident", incident.id, "hospital", hospital.id()));
    }

    private void deliverPatient(Unit ambulance) {
        String incidentId = ambulance.patientOf;
        ambulance.patientOf = null;
        stats.patientsDelivered++;
        journal.log(nowMillis, "city.patient.delivered", SessionJournal.fields("unit", ambulance.id(),
                "incident", incidentId, "hospital", ambulance.hospitalId));
        Route home = pack.roads().route(ambulance.position(), ambulance.base().position(), ambulance.type());
        ambulance.drive(home, Unit.Errand.TO_BASE, nowMillis);
        if (home.travelSeconds() <= 0) {
            ambulance.parkAtBase();
            changeState(ambulance, UnitState.IDLE, null);
        }
    }

    private Base nearestHospital(LatLon from) {
        Base best = null;
        double bestSeconds = Double.MAX_VALUE;
        for (Base b : pack.bases(BaseType.HOSPITAL)) {
            double s = closest.etaSeconds(from, b.position(), UnitType.AMBULANCE);
            if (s < bestSeconds) {
                bestSeconds = s;
                best = b;
            }
        }
        return best;
    }

    /** Takes the unit off its incident (it keeps its state). */
    private void release(Unit unit, Incident incident) {
        if (incident != null) {
            incident.activeUnits.remove(unit.id());
        }
        journal.save(assignmentOf(unit, nowMillis));
        unit.incidentId = null;
    }

    /** Turns the unit towards its base (from dispatched, en route or on scene). */
    private void goHome(Unit unit) {
        if (unit.state() != UnitState.RETURNING) {
            changeState(unit, UnitState.RETURNING, null);
        }
        unit.drive(pack.roads().route(unit.position(), unit.base().position(), unit.type()), Unit.Errand.TO_BASE,
                nowMillis);
    }

    private AssignmentRecord assignmentOf(Unit unit, long releasedMillis) {
        return new AssignmentRecord(unit.incidentId, unit.id(), unit.type(), unit.assignedAtMillis,
                unit.onSceneAtMillis, releasedMillis);
    }

    // ---- incident lifecycle

    private void updateIncidents() {
        // Closed incidents leave memory once the map has shown them end; SQLite and the event log keep them.
        incidents.values().removeIf(i -> i.state == IncidentState.CLOSED
                && nowMillis - i.closedSimMillis > CLOSED_VISIBLE_MILLIS);
        quietUntil.values().removeIf(until -> until <= nowMillis);
        for (Incident incident : incidents.values()) {
            if (incident.open() && !incident.workLeft()) {
                resolve(incident);
            }
            if (incident.state == IncidentState.RESOLVED && allBackInService(incident)) {
                incident.state = IncidentState.CLOSED;
                incident.closedSimMillis = nowMillis;
                journal.save(incident);
                logIncidentState(incident);
            }
        }
    }

    private void resolve(Incident incident) {
        incident.state = IncidentState.RESOLVED;
        incident.resolvedSimMillis = nowMillis;
        stats.incidentsResolved++;
        for (String id : List.copyOf(incident.activeUnits)) {
            Unit u = unitsById.get(id);
            release(u, incident);
            goHome(u);
        }
        journal.save(incident);
        double secondsOpen = (nowMillis - incident.createdSimMillis) / 1000.0;
        journal.log(nowMillis, "city.incident.resolved", SessionJournal.fields("incident", incident.id,
                "kind", incident.kind.name(), "units", List.copyOf(incident.allUnits), "secondsOpen", secondsOpen,
                "waterUsedLiters", Math.round(incident.waterUsedLiters)));
        journal.publish(new IncidentResolved(session, incident.id, incident.kind, incident.allUnits, secondsOpen,
                new SimTime(nowMillis)));
    }

    private boolean allBackInService(Incident incident) {
        for (String id : incident.allUnits) {
            Unit u = unitsById.get(id);
            boolean elsewhere = u.incidentId != null && !u.incidentId.equals(incident.id);
            if (incident.id.equals(u.patientOf) || !(u.state() == UnitState.IDLE || elsewhere)) {
                return false;
            }
        }
        return true;
    }

    private void logIncidentState(Incident incident) {
        journal.log(nowMillis, "city.incident.state_changed", SessionJournal.fields("incident", incident.id,
                "state", incident.state.name()));
    }

    // ---- snapshot

    private List<UnitView> views(boolean onlyAvailable) {
        List<UnitView> out = new ArrayList<>(units.size());
        for (Unit u : units) {
            if (!onlyAvailable || u.available()) {
                out.add(u.view());
            }
        }
        return out;
    }

    private CitySnapshot snapshot(PipelineResult result, String summary) {
        List<IncidentView> shown = new ArrayList<>();
        for (Incident i : incidents.values()) {
            if (i.state != IncidentState.CLOSED || nowMillis - i.closedSimMillis <= CLOSED_VISIBLE_MILLIS) {
                shown.add(i.view());
            }
        }
        return new CitySnapshot(tick, new SimTime(nowMillis), views(false), shown, result.topK(), result.heat(),
                result.stats(), pending, summary, autopilot);
    }

    private static PipelineResult emptyResult() {
        return new PipelineResult(List.of(), new PipelineStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0), new float[0],
                List.of(), Map.of(), Map.of());
    }

    static String describe(DispatchCommand command) {
        return switch (command) {
            case DispatchCommand.Dispatch d -> "DISPATCH " + d.count() + " " + d.unitType() + " TO " + d.place();
            case DispatchCommand.Evacuate e -> "INITIATE EVACUATION IN " + e.area();
            case DispatchCommand.StandDown s -> "STAND DOWN " + s.unitId();
        };
    }

    // ---- small types

    @FunctionalInterface
    private interface Command {
        CommandResult apply();
    }

    private record Queued(Command command, CompletableFuture<CommandResult> future) {
    }

    private static final class ScenarioRun {
        final Scenario scenario;
        final long startMillis;
        int next;

        ScenarioRun(Scenario scenario, long startMillis) {
            this.scenario = scenario;
            this.startMillis = startMillis;
        }
    }

    /** Mutable totals, read through {@link RunTotals}. */
    private static final class RunStats {
        long incidentsCreated;
        long incidentsResolved;
        long dispatches;
        long arrivals;
        long responseMillis;
        long patientsDelivered;

        RunTotals totals(long loggedEntries) {
            return new RunTotals(incidentsCreated, incidentsResolved, dispatches, arrivals,
                    arrivals == 0 ? 0 : responseMillis / 1000.0 / arrivals, patientsDelivered, loggedEntries);
        }
    }
}
