package dev.switchboard.calltaking.ui;

import dev.switchboard.ai.ChatService;
import dev.switchboard.calltaking.engine.cad.CadField;
import dev.switchboard.calltaking.engine.caller.CallerEngine;
import dev.switchboard.calltaking.engine.caller.LlmCaller;
import dev.switchboard.calltaking.engine.caller.OfflineCaller;
import dev.switchboard.calltaking.engine.scenario.Scenario;
import dev.switchboard.calltaking.engine.scenario.ScenarioLibrary;
import dev.switchboard.calltaking.engine.session.CallClock;
import dev.switchboard.calltaking.engine.session.CallConfig;
import dev.switchboard.calltaking.engine.session.CallSettings;
import dev.switchboard.calltaking.engine.session.CallListener;
import dev.switchboard.calltaking.engine.session.CallSession;
import dev.switchboard.calltaking.engine.session.CallState;
import dev.switchboard.calltaking.model.CallLog;
import dev.switchboard.core.error.SwitchboardException;
import dev.switchboard.core.event.EventBus;
import dev.switchboard.core.geo.LatLon;
import dev.switchboard.places.CityPack;
import dev.switchboard.places.CityPackCatalog;
import dev.switchboard.places.CityPacks;
import dev.switchboard.core.incident.IncidentShowRequested;
import dev.switchboard.speech.Pcm;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.eventlog.EventLog;
import dev.switchboard.store.session.RecordingCatalog;
import dev.switchboard.store.session.SessionCatalog;
import dev.switchboard.uikit.WorkspaceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The call console's state and commands. The {@link CallSession} runs on one engine thread (never the FX thread);
 * what it reports comes back through {@link Platform#runLater}. Time on the call is real: ms since the call was
 * offered, the same clock the recording uses.
 */
public final class CallConsoleViewModel implements AutoCloseable {

    /** Random call from the library in the scenario choice. */
    public static final String ANY = "any";

    private static final Logger LOG = LoggerFactory.getLogger(CallConsoleViewModel.class);

    /** One line of the transcript with the entities found in it. */
    public record Line(CallLog.Utterance utterance, List<CallLog.Entity> entities) {
        public Line {
            entities = List.copyOf(entities);
        }
    }

    /** A call waiting in the queue, ringing since its clock started. */
    public record Ringing(CallSession session, CallClock clock, Scenario scenario, int number) {
    }

    /** How many calls may ring at once. */
    public static final int MAX_RINGING = 3;

    /** One CAD field as the console shows it. */
    public record CadValue(String value, String by, boolean confirmed) {
    }

    private final WorkspaceContext ctx;
    private final ExecutorService engine = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "call-engine");
        t.setDaemon(true);
        return t;
    });
    private final ScenarioLibrary library;
    private final CallVoice voice;
    private final Clock wall;

    private final ObservableList<Scenario> scenarios = FXCollections.observableArrayList();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObjectProperty<Scenario> chosen = new SimpleObjectProperty<>();
    private final BooleanProperty llmCaller = new SimpleBooleanProperty();
    private final BooleanProperty callerVoice = new SimpleBooleanProperty(true);
    private final ObjectProperty<CallState> state = new SimpleObjectProperty<>();
    private final ObservableList<Line> transcript = FXCollections.observableArrayList();
    private final ObservableMap<CadField, CadValue> cad = FXCollections.observableMap(new EnumMap<>(CadField.class));
    private final ObservableList<CallLog.UnitUpdate> units = FXCollections.observableArrayList();
    private final StringProperty location = new SimpleStringProperty("");
    private final StringProperty missing = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper verified = new ReadOnlyBooleanWrapper();
    private final ObjectProperty<LatLon> verifiedPoint = new SimpleObjectProperty<>();
    private final ObjectProperty<LatLon> cityCentre = new SimpleObjectProperty<>();
    private CityPack languagePack;
    private CallSession.Language language;
    private final DoubleProperty emotion = new SimpleDoubleProperty(-1);
    private final LongProperty callMs = new SimpleLongProperty();
    private final LongProperty answeredMs = new SimpleLongProperty(-1);
    private final LongProperty locationMs = new SimpleLongProperty(-1);
    private final LongProperty dispatchedMs = new SimpleLongProperty(-1);
    private final ObjectProperty<CallLog.Score> score = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper serverStatus = new ReadOnlyStringWrapper("");
    private final AutoCloseable serverWatch;
    private final StringProperty waiting = new SimpleStringProperty("");
    private final StringProperty partial = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ObservableList<Ringing> ringing = FXCollections.observableArrayList();
    private final LongProperty queueTick = new SimpleLongProperty();
    private int callNumber;
    private long lastTypingMs = Long.MIN_VALUE / 2;

    private volatile CallSession session;
    private CallClock clock;
    private Scenario current;
    private final Map<Integer, List<CallLog.Entity>> pendingEntities = new LinkedHashMap<>();
    private final ExerciseCalls exerciseCalls;

    public CallConsoleViewModel(WorkspaceContext ctx) {
        this.ctx = ctx;
        this.wall = Clock.systemUTC();
        DataDir dataDir = ctx.service(DataDir.class);
        this.library = ScenarioLibrary.load(List.of(dataDir.root().resolve("scenarios")));
        scenarios.setAll(library.scenarios());
        library.problems().forEach(p -> problems.add(p.file() + ":" + p.line() + ": " + p.field() + ": "
                + p.message()));
        this.voice = CallVoice.from(ctx, dataDir, this);
        this.exerciseCalls = new ExerciseCalls(ctx.bus(), this, ctx.user().username());
        this.serverWatch = watchServer();
        // The city pack (its gazetteer verifies addresses) is read in the background, not on the first call.
        Thread.ofVirtual().name("call-console-pack").start(() -> {
            try {
                CityPack pack = packs().pack();
                Platform.runLater(() -> cityCentre.set(pack.bounds().centre()));
            } catch (RuntimeException e) {
                LOG.warn("The city pack could not be read ahead of the first call", e);
            }
        });
    }

    /** Shows whether the call's entries wait on this seat because the database server stopped answering. */
    private AutoCloseable watchServer() {
        EventLog log;
        try {
            log = ctx.service(EventLog.class);
        } catch (SwitchboardException e) {
            return () -> { };
        }
        showKeptLocally(log.keptLocally());
        return log.watchKeptLocally(kept -> Platform.runLater(() -> showKeptLocally(kept)));
    }

    void showKeptLocally(long kept) {
        serverStatus.set(kept > 0 ? Text.get("call.server.kept") : "");
    }

    /** The workstation's city packs; the bundled Tokyo alone when the app provides none (tests). */
    private CityPackCatalog packs() {
        try {
            return ctx.service(CityPackCatalog.class);
        } catch (SwitchboardException e) {
            return CityPackCatalog.bundledOnly();
        }
    }

    /** The language tools over the active pack's gazetteer, built again only when the pack changes. */
    private synchronized CallSession.Language language() {
        CityPack pack = packs().pack();
        if (pack != languagePack) {
            language = pack == CityPacks.tokyo() ? CallSession.Language.standard()
                    : CallSession.Language.of(pack.gazetteer());
            languagePack = pack;
        }
        return language;
    }

    // ---- properties

    public ObservableList<Scenario> scenarios() {
        return scenarios;
    }

    /** Scenario files that did not load, as "file:line: field: message". */
    public ObservableList<String> problems() {
        return problems;
    }

    /** The scenario of the next call; null for a random one. */
    public ObjectProperty<Scenario> chosenProperty() {
        return chosen;
    }

    public BooleanProperty llmCallerProperty() {
        return llmCaller;
    }

    /** Whether the caller speaks aloud (MaryTTS) or only in text. */
    public BooleanProperty callerVoiceProperty() {
        return callerVoice;
    }

    /** Null between calls. */
    public ObjectProperty<CallState> stateProperty() {
        return state;
    }

    public ObservableList<Line> transcript() {
        return transcript;
    }

    public ObservableMap<CadField, CadValue> cad() {
        return cad;
    }

    /** The latest report of each unit answering the dispatched incident. */
    public ObservableList<CallLog.UnitUpdate> units() {
        return units;
    }

    /** The verified location in words, empty while not verified. */
    public StringProperty locationProperty() {
        return location;
    }

    /** What the CAD form still needs before dispatch, in words. */
    public StringProperty missingProperty() {
        return missing;
    }

    /** Whether the CAD location is verified on the map. */
    public ReadOnlyBooleanProperty verifiedProperty() {
        return verified.getReadOnlyProperty();
    }

    /** The middle of the active city pack, once it is read; null before. */
    public ObjectProperty<LatLon> cityCentreProperty() {
        return cityCentre;
    }

    /** Where the verified location is, or null. */
    public ObjectProperty<LatLon> verifiedPointProperty() {
        return verifiedPoint;
    }

    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    /** The caller's emotional state 0..1, or -1 before the call connects. */
    public DoubleProperty emotionProperty() {
        return emotion;
    }

    /** Time since the call was offered. */
    public LongProperty callMsProperty() {
        return callMs;
    }

    public LongProperty answeredMsProperty() {
        return answeredMs;
    }

    public LongProperty locationMsProperty() {
        return locationMs;
    }

    public LongProperty dispatchedMsProperty() {
        return dispatchedMs;
    }

    public ObjectProperty<CallLog.Score> scoreProperty() {
        return score;
    }

    /**
     * A quiet line while the database server does not answer and the call's record waits on this seat; empty
     * otherwise (also once everything kept here reached the server).
     */
    public ReadOnlyStringProperty serverStatusProperty() {
        return serverStatus.getReadOnlyProperty();
    }

    public StringProperty messageProperty() {
        return message;
    }

    /** Which asked-for unit types have nobody free and what happens next, in words; empty when none. */
    public StringProperty waitingProperty() {
        return waiting;
    }

    /** What the recogniser has heard so far of the trainee's current line. */
    public StringProperty partialProperty() {
        return partial;
    }

    /** True while the engine works on the trainee's last action. */
    public BooleanProperty busyProperty() {
        return busy;
    }

    /** Calls ringing, oldest first; the trainee answers the first. */
    public ObservableList<Ringing> ringing() {
        return ringing;
    }

    /** Counts the view's ticks, so ring timers redraw. */
    public LongProperty queueTickProperty() {
        return queueTick;
    }

    /** The scenario of the call in progress, or null. */
    public Scenario current() {
        return current;
    }

    /** The trainee's voice: microphone, recogniser and meter; never null. */
    public CallVoice voice() {
        return voice;
    }

    // ---- commands

    /**
     * Puts a call in the ringing queue; it rings (and its answer time runs) until the trainee answers it. Up to
     * {@link #MAX_RINGING} calls can wait at once, also while another call is in progress.
     */
    public void newCall() {
        if (ringing.size() >= MAX_RINGING) {
            message.set(Text.get("call.msg.queueFull", MAX_RINGING));
            return;
        }
        if (scenarios.isEmpty()) {
            message.set(Text.get("call.msg.noScenarios"));
            return;
        }
        long seed = new SplittableRandom().nextLong();
        Scenario s = chosen.get() != null ? chosen.get()
                : scenarios.get(Math.floorMod(seed, scenarios.size()));
        CallClock callClock = CallClock.startingNow(wall);
        CallConfig config = new CallConfig(s, seed, ctx.user().id(), ctx.user().displayName(), llmCaller.get(),
                voice.listening(), ctx.settings().get(CallSettings.MAX_LENGTH_MINUTES) * 60_000L);
        CallerEngine caller = caller(s, seed, config.llmCaller());
        CallSession.Services services = new CallSession.Services(ctx.service(EventLog.class),
                ctx.service(SessionCatalog.class), ctx.service(RecordingCatalog.class),
                ctx.service(DataDir.class).recordings(), wall, ctx.service(EventBus.class));
        Listener listener = new Listener();
        CallSession call = new CallSession(config, services, language(), caller, callClock,
                callerVoice.get() ? voice.tts() : null, voice.recordingFactory(), listener);
        listener.owner = call;
        Ringing r = new Ringing(call, callClock, s, ++callNumber);
        ringing.add(r);
        engine.execute(() -> {
            try {
                call.ring();
            } catch (RuntimeException e) {
                LOG.warn("The call could not ring", e);
                Platform.runLater(() -> {
                    ringing.remove(r);
                    message.set(e.getMessage());
                });
            }
        });
    }

    /** Answers the call that has rung longest; the call in progress must have ended first. */
    public void answer() {
        if (session != null && state.get() != CallState.ENDED) {
            message.set(Text.get("call.msg.busy"));
            return;
        }
        if (ringing.isEmpty()) {
            return;
        }
        Ringing next = ringing.remove(0);
        reset();
        session = next.session();
        clock = next.clock();
        current = next.scenario();
        state.set(CallState.RINGING);
        voice.attach(session, clock);
        run(() -> session.answer());
    }

    /** A typed line from the trainee. */
    public void send(String text) {
        if (session == null || text == null || text.isBlank()) {
            return;
        }
        voice.stopCaller();
        run(() -> session.traineeTyped(text.strip()));
    }

    /** Hold, or back from hold. */
    public void toggleHold() {
        if (state.get() == CallState.ON_HOLD) {
            run(() -> session.resume());
        } else {
            run(() -> {
                session.hold();
                return null;
            });
        }
    }

    public void mute(boolean on) {
        run(() -> {
            if (on) {
                session.mute();
            } else {
                session.unmute();
            }
            return null;
        });
    }

    /** Transfers the call to {@code fire}, {@code ems} or {@code police}. */
    public void transfer(String target) {
        run(() -> {
            session.transfer(target);
            return null;
        });
    }

    /** The trainee's own value for a CAD field. */
    public void edit(CadField field, String value) {
        run(() -> {
            session.cadEdit(field, value);
            return null;
        });
    }

    public void confirm(CadField field) {
        run(() -> {
            session.confirm(field);
            return null;
        });
    }

    public void dispatch() {
        run(() -> session.dispatch());
    }

    /** Shows the control room, centred on this call's incident and with it highlighted. */
    public void showMap() {
        String reference = session == null ? null : session.dispatchReference().orElse(null);
        ctx.navigator().show("control-room");
        if (reference != null) {
            ctx.bus().publish(new IncidentShowRequested(reference));
        }
    }

    /**
     * The trainee typed something (a line, the CAD form): they are on the line, so the caller's silence starts
     * again. Throttled to twice a second.
     */
    public void traineeTyping() {
        CallSession call = session;
        if (call == null || clock == null || state.get() != CallState.CONNECTED) {
            return;
        }
        long now = clock.nowMs();
        if (now - lastTypingMs < 500) {
            return;
        }
        lastTypingMs = now;
        engine.execute(() -> call.traineePresent(now));
    }

    /** Hangs up and scores the call. */
    public void end() {
        voice.stopCaller();
        run(() -> session.end("completed"));
    }

    /** Called about four times a second by the view: ring timers; for the call up, silence and scripted events. */
    public void tick() {
        queueTick.set(queueTick.get() + 1);
        if (session == null || clock == null || state.get() == CallState.ENDED) {
            return;
        }
        long now = clock.nowMs();
        callMs.set(now);
        if (!busy.get()) {
            engine.execute(() -> {
                try {
                    session.tick(now);
                } catch (RuntimeException e) {
                    LOG.debug("Tick at {} ms: {}", now, e.getMessage());
                }
            });
        }
    }

    @Override
    public void close() {
        exerciseCalls.close();
        try {
            serverWatch.close();
        } catch (Exception e) {
            LOG.debug("Could not stop watching the server connection", e);
        }
        voice.close();
        for (Ringing r : List.copyOf(ringing)) {
            engine.execute(() -> {
                try {
                    r.session().end("abandoned");
                } catch (RuntimeException e) {
                    LOG.warn("Could not close an unanswered call on sign-out", e);
                }
            });
        }
        ringing.clear();
        if (session != null && state.get() != null && state.get() != CallState.ENDED) {
            CallSession open = session;
            engine.execute(() -> {
                try {
                    open.end("abandoned");
                } catch (RuntimeException e) {
                    LOG.warn("Could not end the call on sign-out", e);
                }
            });
        }
        engine.shutdown();
    }

    // ---- internals

    CallSession session() {
        return session;
    }

    /** Runs {@code work} on the engine thread; failures become the console's message. */
    <T> void run(Supplier<T> work) {
        if (session == null) {
            return;
        }
        busy.set(true);
        engine.execute(() -> {
            String error = null;
            try {
                work.get();
            } catch (RuntimeException e) {
                error = e.getMessage() == null ? e.toString() : e.getMessage();
                LOG.info("Call action refused: {}", error);
            }
            String shown = error;
            Platform.runLater(() -> {
                busy.set(false);
                if (shown != null) {
                    message.set(shown);
                }
                refreshCad();
            });
        });
    }

    private CallerEngine caller(Scenario s, long seed, boolean llm) {
        OfflineCaller offline = new OfflineCaller(s, seed);
        if (!llm) {
            return offline;
        }
        try {
            return new LlmCaller(s, seed, ctx.service(ChatService.class), offline);
        } catch (RuntimeException e) {
            LOG.info("No chat service for the caller; offline caller ({})", e.getMessage());
            return offline;
        }
    }

    private void reset() {
        transcript.clear();
        cad.clear();
        units.clear();
        pendingEntities.clear();
        location.set("");
        missing.set("");
        ready.set(false);
        verified.set(false);
        verifiedPoint.set(null);
        emotion.set(-1);
        callMs.set(0);
        answeredMs.set(-1);
        locationMs.set(-1);
        dispatchedMs.set(-1);
        score.set(null);
        message.set("");
        waiting.set("");
        partial.set("");
    }

    private void refreshCad() {
        if (session == null) {
            return;
        }
        var form = session.form();
        for (CadField f : CadField.values()) {
            String v = form.get(f);
            if (v != null && !v.isBlank()) {
                CadValue old = cad.get(f);
                cad.put(f, new CadValue(v, old == null ? "extraction" : old.by(), form.confirmed(f)));
            } else {
                cad.remove(f);
            }
        }
        form.verifiedLocation().ifPresentOrElse(
                p -> location.set(Text.get("call.cad.verified", p.name(), p.wardEn(),
                        String.format(java.util.Locale.ROOT, "%.4f, %.4f", p.position().lat(), p.position().lon()))),
                () -> location.set(form.get(CadField.ADDRESS) != null && !form.confirmed(CadField.ADDRESS)
                        ? Text.get("call.cad.confirmToVerify") : ""));
        List<String> need = form.missing();
        missing.set(need.isEmpty() ? "" : Text.get("call.cad.missing", String.join(", ", need)));
        ready.set(form.readyToDispatch() && dispatchedMs.get() < 0);
        verified.set(form.verifiedLocation().isPresent());
        LatLon point = form.verifiedLocation().map(p -> p.position()).orElse(null);
        if (!java.util.Objects.equals(point, verifiedPoint.get())) {
            verifiedPoint.set(point);
        }
    }

    private void addLine(CallLog.Utterance u) {
        List<CallLog.Entity> found = pendingEntities.remove(u.seq());
        transcript.add(new Line(u, found == null ? List.of() : found));
    }

    private void addEntities(List<CallLog.Entity> es) {
        Map<Integer, List<CallLog.Entity>> bySeq = new LinkedHashMap<>();
        es.forEach(e -> bySeq.computeIfAbsent(e.utterance(), k -> new ArrayList<>()).add(e));
        bySeq.forEach((seq, list) -> {
            for (int i = transcript.size() - 1; i >= 0; i--) {
                Line line = transcript.get(i);
                if (line.utterance().seq() == seq) {
                    List<CallLog.Entity> all = new ArrayList<>(line.entities());
                    all.addAll(list);
                    transcript.set(i, new Line(line.utterance(), all));
                    return;
                }
            }
            pendingEntities.computeIfAbsent(seq, k -> new ArrayList<>()).addAll(list);
        });
    }

    /** The session's reports, handed to the FX thread. */
    private final class Listener implements CallListener {

        /** The call this listener hears; only the call in progress updates the console. */
        private volatile CallSession owner;

        private boolean mine() {
            return owner != null && owner == session;
        }

        @Override
        public void callerSaid(CallLog.Utterance u, Pcm audioOrNull) {
            if (!mine()) {
                return;
            }
            Platform.runLater(() -> addLine(u));
        }

        @Override
        public void callerSentence(String sentence, Pcm audio, long startMs) {
            if (!mine()) {
                return;
            }
            voice.playCaller(audio);
        }

        @Override
        public void callerCutOff(long atMs) {
            if (!mine()) {
                return;
            }
            voice.stopCaller();
        }

        @Override
        public void traineeSaid(CallLog.Utterance u) {
            if (!mine()) {
                return;
            }
            Platform.runLater(() -> {
                partial.set("");
                addLine(u);
            });
        }

        @Override
        public void entities(List<CallLog.Entity> es) {
            if (!mine()) {
                return;
            }
            Platform.runLater(() -> addEntities(es));
        }

        @Override
        public void cadChanged(CadField f, String value, String by) {
            if (!mine()) {
                return;
            }
            Platform.runLater(() -> {
                CadValue old = cad.get(f);
                boolean confirmed = "confirmed".equals(by) || old != null && old.confirmed();
                String who = "confirmed".equals(by) && old != null ? old.by() : by;
                cad.put(f, new CadValue(value, who, confirmed));
                refreshCad();
            });
        }

        @Override
        public void locationVerified(String value) {
            if (!mine()) {
                return;
            }
            long at = clock.nowMs();
            Platform.runLater(() -> {
                if (locationMs.get() < 0) {
                    locationMs.set(at);
                }
                refreshCad();
            });
        }

        @Override
        public void emotion(double v) {
            if (!mine()) {
                return;
            }
            Platform.runLater(() -> emotion.set(v));
        }

        @Override
        public void stateChanged(CallState s) {
            if (!mine()) {
                return;
            }
            long at = clock.nowMs();
            Platform.runLater(() -> {
                state.set(s);
                if (s == CallState.CONNECTED && answeredMs.get() < 0) {
                    answeredMs.set(at);
                }
                if (s == CallState.ENDED) {
                    voice.stopCaller();
                }
            });
        }

        @Override
        public void dispatched(CallLog.Dispatch d) {
            if (!mine()) {
                return;
            }
            Platform.runLater(() -> {
                dispatchedMs.set(d.atMs());
                ready.set(false);
                message.set(Text.get("call.msg.dispatched", d.units().stream().map(Labels::responder)
                        .collect(java.util.stream.Collectors.joining(", ")), d.address()));
                waiting.set(Text.get("call.units.noAnswer"));
            });
        }

        @Override
        public void dispatchAnswered(CallLog.DispatchAnswer a) {
            if (!mine()) {
                return;
            }
            Platform.runLater(() -> {
                List<String> types = a.waiting().stream().distinct().map(Labels::responder).toList();
                waiting.set(types.isEmpty() ? "" : Text.get("call.units.waiting", String.join(", ", types)));
                if (!types.isEmpty()) {
                    message.set(Text.get("call.msg.dispatchedWaiting", a.sentUnits().isEmpty() ? "none"
                            : a.sentUnits().stream().map(Labels::unit)
                            .collect(java.util.stream.Collectors.joining(", ")), String.join(", ", types)));
                }
            });
        }

        @Override
        public void unit(CallLog.UnitUpdate u) {
            if (!mine()) {
                return;
            }
            Platform.runLater(() -> {
                units.removeIf(x -> x.unitId().equals(u.unitId()));
                units.add(u);
                units.sort(java.util.Comparator.comparing(CallLog.UnitUpdate::unitId));
                if (waiting.get().equals(Text.get("call.units.noAnswer"))) {
                    waiting.set("");
                }
                stillWaiting();
            });
        }

        @Override
        public void scored(CallLog.Score s) {
            if (!mine()) {
                return;
            }
            Platform.runLater(() -> score.set(s));
        }
    }

    /** Drops a "nobody free" note once every asked type has a unit answering. */
    private void stillWaiting() {
        if (waiting.get().isEmpty() || session == null) {
            return;
        }
        java.util.Set<String> answering = new java.util.HashSet<>();
        units.forEach(u -> answering.add(u.unitType()));
        if (answering.containsAll(session.form().units().stream().map(Enum::name).toList())) {
            waiting.set("");
        }
    }

    /** Shows {@code text} in the console's message line; from any thread. */
    void say(String text) {
        if (Platform.isFxApplicationThread()) {
            message.set(text);
        } else {
            Platform.runLater(() -> message.set(text));
        }
    }

    /** Used by {@link CallVoice} when a recognised line is ready. */
    void heard(String text, Optional<Runnable> submit) {
        Platform.runLater(() -> {
            partial.set(text);
            if (!text.isBlank()) {
                // Speaking counts as being there, like typing.
                traineeTyping();
            }
        });
        submit.ifPresent(engine::execute);
    }
}
