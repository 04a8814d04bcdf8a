package dev.switchboard.app;

import dev.switchboard.ai.AiUse;
import dev.switchboard.ai.engine.AiGateway;
import dev.switchboard.ai.engine.embedding.LocalEmbeddingService;
import dev.switchboard.ai.engine.worker.QueueClient;
import dev.switchboard.ai.engine.worker.WorkerConfig;
import dev.switchboard.ai.engine.worker.WorkerPool;
import dev.switchboard.ai.engine.worker.WorkerRegistry;
import dev.switchboard.studio.engine.factory.ApplicationFactory;
import dev.switchboard.studio.engine.factory.FactoryRuns;
import dev.switchboard.studio.engine.factory.IntentReader;
import dev.switchboard.studio.engine.generation.Gallery;
import dev.switchboard.studio.engine.generation.GenerationService;
import dev.switchboard.studio.engine.ops.AutoScaler;
import dev.switchboard.studio.engine.ops.OpsMonitor;
import dev.switchboard.studio.engine.ops.PolicyStore;
import dev.switchboard.studio.engine.ops.ScalingAction;
import dev.switchboard.studio.engine.ops.ScalingLog;
import java.nio.file.Path;
import java.time.Duration;
import dev.switchboard.core.account.AccountService;
import dev.switchboard.core.account.PasswordHasher;
import dev.switchboard.core.event.EventBus;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.core.settings.CoreSettings;
import dev.switchboard.core.settings.Settings;
import dev.switchboard.core.time.SimClock;
import dev.switchboard.store.Backups;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.Database;
import dev.switchboard.store.DatabaseServer;
import dev.switchboard.store.SessionChangeListener;
import dev.switchboard.store.account.JdbiAccountRepository;
import dev.switchboard.store.audit.AuditLog;
import dev.switchboard.store.eventlog.EventLog;
import dev.switchboard.store.eventlog.Outbox;
import dev.switchboard.calltaking.engine.caller.CallerEngine;
import dev.switchboard.calltaking.engine.session.CallClock;
import dev.switchboard.calltaking.engine.session.CallConfig;
import dev.switchboard.calltaking.engine.session.CallRecording;
import dev.switchboard.calltaking.engine.session.CallRecovery;
import dev.switchboard.calltaking.engine.session.CallSession;
import dev.switchboard.places.CityPack;
import dev.switchboard.places.CityPackCatalog;
import dev.switchboard.places.CityPacks;
import dev.switchboard.app.surveillance.ControlRoomCameras;
import dev.switchboard.app.surveillance.GazetteerPlaces;
import dev.switchboard.app.surveillance.IncidentBridge;
import dev.switchboard.calltaking.engine.entities.PlaceNames;
import dev.switchboard.speech.TextToSpeech;
import dev.switchboard.surveillance.engine.Surveillance;
import dev.switchboard.surveillance.engine.TextEmbedder;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import dev.switchboard.speech.Speech;
import dev.switchboard.core.io.PrivateFiles;
import dev.switchboard.core.io.SafeOutput;
import dev.switchboard.store.integrity.Checkpoints;
import dev.switchboard.store.integrity.FileCheckpointKey;
import dev.switchboard.store.integrity.IntegrityCheck;
import dev.switchboard.store.session.RecordingCatalog;
import dev.switchboard.store.session.RecordingSeals;
import dev.switchboard.store.session.SessionSummary;
import java.util.ArrayList;
import java.util.List;
import dev.switchboard.store.session.SessionCatalog;
import dev.switchboard.store.SqliteSettingsStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: every headless service of the workstation, built once by constructor over
 * one open database. The GUI and the CLI both start here; nothing else builds these services.
 */
public final class Workstation implements AutoCloseable {

    private volatile String busyWith;

    private static final Logger LOG = LoggerFactory.getLogger(Workstation.class);
    /** How long opening waits for entries an earlier run kept on this seat to reach the server. */
    private static final java.time.Duration KEPT_SEND_WAIT = java.time.Duration.ofSeconds(20);

    private final DataDir dataDir;
    private final Clock wallClock;
    private final Database database;
    private final EventLog eventLog;
    /** On a server: where the log keeps entries while the server does not answer; null on the seat's own file. */
    private final Outbox outbox;
    private final AuditLog auditLog;
    private final Settings settings;
    private final AccountService accounts;
    private final Backups backups;
    private final SessionCatalog sessions;
    private final RecordingCatalog recordings;
    private final RecordingSeals seals;
    private Checkpoints checkpoints;
    private List<String> recovered = List.of();
    private final EventBus bus;
    private final SimClock simClock;
    private final CityPackCatalog cityPacks;
    // Built on first use: their libraries take about half a second to load, which the login window need not
    // wait for.
    private AiGateway ai;
    private LocalEmbeddingService embeddings;
    private WorkerRegistry workers;
    private final Speech speech;
    private WorkerPool images;
    private dev.switchboard.workflow.engine.Workflows workflows;
    private Surveillance surveillance;
    private IncidentBridge incidentBridge;
    private ScheduledExecutorService liveFeed;
    private QueueClient queueClient;
    private GenerationService generation;
    private ApplicationFactory factory;
    private OpsMonitor ops;
    private final List<AutoCloseable> alsoClose = new ArrayList<>();
    private volatile String temporalOverride;
    private boolean closed;
    private volatile boolean logClosed;

    private Workstation(DataDir dataDir, Clock wallClock, Database database) {
        this.dataDir = dataDir;
        this.wallClock = wallClock;
        this.database = database;
        this.outbox = database.isServer() ? Outbox.open(dataDir, database.location()) : null;
        this.eventLog = outbox != null ? new EventLog(database, wallClock, outbox) : new EventLog(database, wallClock);
        this.auditLog = new AuditLog(eventLog);
        this.settings = new Settings(new SqliteSettingsStore(database));
        this.accounts = new AccountService(new JdbiAccountRepository(database), auditLog, new PasswordHasher(),
                wallClock, () -> settings.get(CoreSettings.MAX_FAILED_LOGONS));
        // Each backup carries a signed checkpoint of the log as it was taken.
        this.backups = new Backups(database, wallClock, this::checkpointQuietly);
        this.sessions = new SessionCatalog(database, eventLog);
        this.recordings = new RecordingCatalog(database);
        this.seals = new RecordingSeals(eventLog, recordings, dataDir.recordings());
        this.bus = new EventBus();
        this.simClock = new SimClock(wallClock);
        this.speech = Speech.offline(dataDir.cache().resolve("speech"));
        this.cityPacks = new CityPackCatalog(dataDir.root().resolve("packs"),
                () -> settings.get(CityPackCatalog.SELECTED));
    }

    /**
     * Opens the database under {@code dataDir} (checking and migrating it) and builds the services.
     *
     * @throws dev.switchboard.store.DatabaseCorruptException when the file cannot be read; nothing is changed
     */
    public static Workstation open(DataDir dataDir, Clock wallClock) {
        return open(dataDir, wallClock, Optional.empty());
    }

    /**
     * As {@link #open(DataDir, Clock)}, on the training center's PostgreSQL server when {@code server} is given;
     * {@code dataDir} then keeps this seat's logs, caches and recordings.
     */
    public static Workstation open(DataDir dataDir, Clock wallClock, Optional<DatabaseServer> server) {
        Objects.requireNonNull(dataDir, "dataDir");
        dataDir.ensureCreated();
        PrivateFiles.Fixed fixed = dataDir.makePrivate();
        if (fixed.rootWasOpen()) {
            // Said on stderr too (a warning): other users could read the database, backups and recordings.
            LOG.warn("Made the data folder {} private: other users of this computer could read it; now only you "
                    + "can (folders 0700, files 0600; {} folder(s) and {} file(s) changed)", dataDir.root(),
                    fixed.folders(), fixed.files());
        } else if (fixed.any()) {
            LOG.info("Made {} folder(s) and {} file(s) in the private data folder {} private too", fixed.folders(),
                    fixed.files(), dataDir.root());
        }
        Database database = Database.open(dataDir, server);
        LOG.info("Opened {} (schema {})", database.location(), database.schemaVersion());
        Workstation ws;
        try {
            ws = new Workstation(dataDir, wallClock, database);
        } catch (RuntimeException e) {
            // E.g. the outbox file cannot be opened: nothing else was started yet.
            database.close();
            throw e;
        }
        try {
            ws.sessions.adoptUnchainedRows();
            // On a server other seats' sessions may be running: only a seat's own file says a run was cut short.
            if (database.openedAlone() && !database.isServer()) {
                // Nobody else has the data dir open, so whatever is marked running was cut short: close it now,
                // whether this is the window or a command.
                ws.sessions.completeInterruptedChange();
                ws.recovered = ws.recoverInterruptedSessions();
            } else if (database.isServer()) {
                ws.recovered = ws.recoverOnServer();
            }
            // On a server, what other seats start, end and grade reaches this seat's lists through the bus.
            SessionChangeListener.start(database, ws.bus).ifPresent(ws.alsoClose::add);
        } catch (RuntimeException e) {
            ws.close();
            throw e;
        }
        return ws;
    }

    /** What {@link #open} closed because a crash or kill left it running, one line each; empty when nothing. */
    public List<String> recoveredAtOpen() {
        return recovered;
    }

    public DataDir dataDir() {
        return dataDir;
    }

    public Clock wallClock() {
        return wallClock;
    }

    public Database database() {
        return database;
    }

    public EventLog eventLog() {
        return eventLog;
    }

    public AuditLog auditLog() {
        return auditLog;
    }

    public Settings settings() {
        return settings;
    }

    public AccountService accounts() {
        return accounts;
    }

    public Backups backups() {
        return backups;
    }

    public SessionCatalog sessions() {
        return sessions;
    }

    /** Which audio recordings belong to which session, with their checksums. */
    public RecordingCatalog recordings() {
        return recordings;
    }

    /** The recordings' seals on their sessions' chains: check a WAV before opening, playing or exporting it. */
    public RecordingSeals seals() {
        return seals;
    }

    /** The signed checkpoints of the event log, with this installation's key (made on first use). */
    public synchronized Checkpoints checkpoints() {
        if (checkpoints == null) {
            checkpoints = new Checkpoints(eventLog, FileCheckpointKey.loadOrCreate(dataDir.keys()), wallClock);
        }
        return checkpoints;
    }

    /** Everything {@code log verify} checks; {@code withRecordings} also reads every recording. */
    public IntegrityCheck integrityCheck(boolean withRecordings) {
        return new IntegrityCheck(eventLog, sessions, checkpoints(), withRecordings ? seals : null);
    }

    /** How exports (reports, CSV, WAV) are written: never into the data dir, replacing only with {@code force}. */
    public SafeOutput safeOutput(boolean force) {
        return dataDir.safeOutput(force);
    }

    /** Signs a checkpoint of what changed since the last one; logs instead of failing (for exit and backups). */
    public void checkpointQuietly() {
        if (logClosed) {
            // The exit backup: its checkpoint was taken just before the log closed.
            return;
        }
        try {
            checkpoints().take();
        } catch (RuntimeException e) {
            LOG.warn("Could not take a checkpoint of the event log: {}", e.getMessage(), e);
        }
    }

    public EventBus bus() {
        return bus;
    }

    public SimClock simClock() {
        return simClock;
    }

    /** The city packs on offer and the one chosen in Settings; packs are read on first use. */
    public CityPackCatalog cityPacks() {
        return cityPacks;
    }

    /** Chat for every capability: online through the configured providers, offline otherwise. */
    public synchronized AiGateway ai() {
        if (ai == null) {
            ai = new AiGateway(database, settings, wallClock);
        }
        return ai;
    }

    /** In-process sentence embeddings; the model loads on first use or after {@code warmUp()}. */
    public synchronized LocalEmbeddingService embeddings() {
        if (embeddings == null) {
            embeddings = new LocalEmbeddingService(dataDir.cache());
        }
        return embeddings;
    }

    /** The registry of remote GPU workers and their health. */
    public synchronized WorkerRegistry workers() {
        if (workers == null) {
            workers = new WorkerRegistry(database, WorkerConfig.defaults()
                    .withWorkflowDir(dataDir.root().resolve("studio").resolve("workflows")));
        }
        return workers;
    }

    /**
     * The persistent image-job queue over the registered workers. Built on first use, because building
     * it resumes queued jobs and starts the dispatcher and health checks: short CLI commands must not.
     */
    public synchronized WorkerPool images() {
        if (closed) {
            throw new IllegalStateException("The workstation is closed");
        }
        if (images == null) {
            images = new WorkerPool(database, workers(), imagesDir(), wallClock);
        }
        return images;
    }

    /**
     * The workflows: the library, and the engine when this process holds its lease (one process per data dir runs
     * them). Built on first use; unfinished runs resume only through {@code workflows().engine().resumeAll()}.
     */
    public synchronized dev.switchboard.workflow.engine.Workflows workflows() {
        if (closed) {
            throw new IllegalStateException("The workstation is closed");
        }
        if (workflows == null) {
            workflows = WorkflowWiring.open(this);
        }
        return workflows;
    }

    /**
     * Sends new workflow runs of this process to the Temporal service at {@code address} ({@code host:port}), or
     * keeps them on this workstation's engine ({@code off}), whatever Settings say; for {@code --temporal}.
     */
    public void useTemporal(String address) {
        this.temporalOverride = address;
    }

    /** The Temporal address given with {@link #useTemporal}, or null to go by the environment and Settings. */
    public String temporalOverride() {
        return temporalOverride;
    }

    /**
     * Surveillance chat's engine over this store: the control room's cameras, the call console's gazetteer, the
     * in-process embeddings and the chat gateway. Built on first use; opening it opens (or rebuilds) its index.
     */
    public synchronized Surveillance surveillance() {
        if (closed) {
            throw new IllegalStateException("The workstation is closed");
        }
        if (surveillance == null) {
            AiGateway gateway = ai();
            CityPack pack = cityPacks.pack();
            surveillance = new Surveillance(new Surveillance.Services(database, dataDir.root(),
                    ControlRoomCameras.of(pack), new GazetteerPlaces(names(pack)),
                    TextEmbedder.of(embeddings()), gateway,
                    () -> gateway.providers().providerFor(AiUse.CHAT).isPresent(), eventLog, auditLog, wallClock))
                    .open();
        }
        return surveillance;
    }

    /**
     * Starts the surveillance live feed for the GUI: incidents of the control room and the call console reach
     * surveillance, and what the cameras see is stored every five seconds.
     */
    public synchronized void startSurveillanceFeed() {
        if (incidentBridge != null || closed) {
            return;
        }
        Surveillance s = surveillance();
        incidentBridge = new IncidentBridge(bus, s, wallClock);
        liveFeed = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "surveillance-live");
            t.setDaemon(true);
            return t;
        });
        liveFeed.scheduleWithFixedDelay(() -> {
            try {
                s.tick(wallClock.instant());
            } catch (RuntimeException e) {
                LOG.warn("The surveillance live feed skipped a tick", e);
            }
        }, 5, 5, TimeUnit.SECONDS);
    }

    /** Where generated pictures and clips are kept. */
    public Path imagesDir() {
        return dataDir.root().resolve("studio").resolve("images");
    }

    /**
     * The queue as short commands use it: queue, read and cancel jobs without dispatching (the window's queue
     * picks queued jobs up).
     */
    public synchronized QueueClient queueClient() {
        if (queueClient == null) {
            queueClient = new QueueClient(database, workers(), imagesDir(), wallClock);
        }
        return queueClient;
    }

    /** The studio's generation and gallery over the running queue (the window's). */
    public synchronized GenerationService generation() {
        if (generation == null) {
            generation = new GenerationService(images(), new Gallery(database.jdbi()), bus, wallClock);
        }
        return generation;
    }

    /** The application factory; its runs live under {@code <data>/studio/factory}. */
    public synchronized ApplicationFactory factory() {
        if (factory == null) {
            factory = new ApplicationFactory(new IntentReader(ai()), new FactoryRuns(database.jdbi()),
                    dataDir.root().resolve("studio").resolve("factory"), wallClock);
        }
        return factory;
    }

    /** Operations: samples, meters, the metrics endpoint and the auto-scaler, over the running queue. */
    public synchronized OpsMonitor ops() {
        if (ops == null) {
            PolicyStore policies = policies();
            AutoScaler scaler = new AutoScaler(policies::get, ScalingAction.Factory.standard(images()), scalingLog(),
                    wallClock);
            ops = new OpsMonitor(images(), images(), ai().usage(), eventLog, bus, settings, scaler, wallClock,
                    Duration.ofSeconds(5));
        }
        return ops;
    }

    /** The auto-scaling policy in Settings. */
    public PolicyStore policies() {
        return new PolicyStore(settings);
    }

    /** The auto-scaler's kept decisions. */
    public ScalingLog scalingLog() {
        return new ScalingLog(database.jdbi());
    }

    /** Closes {@code resource} with the workstation (e.g. the demo's loopback worker). */
    public synchronized void closeWithWorkstation(AutoCloseable resource) {
        alsoClose.add(resource);
    }

    /**
     * Starts what runs in the background for the GUI: the generation queue with health checks, the gallery's
     * recording, operations sampling, the speech models and the surveillance live feed. The embedding model is not
     * loaded here: it loads on first use (about half a second), when surveillance first embeds a question.
     */
    public void startBackgroundServices() {
        images();
        generation().start();
        ops().start();
        speech.warmUpInBackground();
        startSurveillanceFeed();
    }

    /** Text to speech, speech to text, audio in and out; the voice and model load in the background. */
    public Speech speech() {
        return speech;
    }

    /**
     * A call kept in this workstation's store and recorded under its recordings folder, with no console listening:
     * what the CLI's {@code call simulate} and the demo's recorded calls run.
     *
     * @param ttsOrNull the caller's voice, or null for a silent caller
     */
    public CallSession newCall(CallConfig config, CallerEngine caller, CallClock clock, TextToSpeech ttsOrNull) {
        return new CallSession(config, new CallSession.Services(eventLog, sessions, recordings, dataDir.recordings(),
                wallClock, bus), language(), caller, clock, ttsOrNull,
                CallRecording.opener(database, dataDir.recordings(), CallSession.SAMPLE_RATE), null);
    }

    /** The language tools over the chosen city pack's gazetteer (the bundled ones for the bundled pack). */
    private CallSession.Language language() {
        CityPack pack = cityPacks.pack();
        return pack == CityPacks.tokyo() ? CallSession.Language.standard() : CallSession.Language.of(pack.gazetteer());
    }

    /** The place names of {@code pack} (the bundled ones, built once, for the bundled pack). */
    private static PlaceNames names(CityPack pack) {
        return pack == CityPacks.tokyo() ? PlaceNames.tokyo() : PlaceNames.of(pack.gazetteer());
    }

    /**
     * Closes sessions a crash or kill left running: calls get {@code call.interrupted} on their log, a repaired
     * and sealed recording and the status {@code interrupted}, everything logged before the crash kept; other
     * kinds of session are marked interrupted, ending at their last logged entry. {@link #open} runs it whenever
     * no other process has the data dir open (the window and every command alike); never while another process
     * runs, whose sessions may be live.
     */
    List<String> recoverInterruptedSessions() {
        List<String> lines = new ArrayList<>();
        new CallRecovery(eventLog, sessions, recordings, dataDir.recordings(), wallClock).recover()
                .forEach(r -> lines.add("call " + r.session() + " (" + r.title() + "): " + r.detail()));
        for (SessionSummary s : sessions.running()) {
            Instant end = eventLog.last(s.id()).map(e -> e.wallTime()).orElse(s.startedAt());
            sessions.finish(s.id(), end, "interrupted", null);
            lines.add(s.kind() + " " + s.id() + " (" + s.title() + "): interrupted");
        }
        lines.forEach(l -> LOG.warn("Recovered an unfinished session: {}", l));
        return lines;
    }

    /**
     * On a server, where other seats' sessions may be live: first finishes the calls an earlier run scored while the
     * server was away (their entries waited on this seat), then, when no other process has this seat's data folder
     * open, closes this seat's own sessions that a crash or kill left running: calls recorded here
     * ({@link CallRecovery#recoverRecordedHere}) and every session the catalogue says this seat started.
     * While entries of an earlier run still wait on this seat, nothing is closed: the server does not yet have those
     * calls' last entries, so the next start does it.
     */
    private List<String> recoverOnServer() {
        CallRecovery recovery = new CallRecovery(eventLog, sessions, recordings, dataDir.recordings(), wallClock);
        List<String> lines = new ArrayList<>();
        List<SessionId> kept = eventLog.keptAtStart();
        boolean sent = kept.isEmpty() || eventLog.awaitKeptSent(KEPT_SEND_WAIT);
        if (!kept.isEmpty() && sent) {
            // Calls an earlier run scored while the server was away: their catalogue updates follow now.
            recovery.completeScored(kept).forEach(r -> lines.add(
                    "call " + r.session() + " (" + r.title() + "): " + r.detail()));
        }
        if (!database.openedAlone()) {
            // Another process of this seat runs: its calls may be live.
            return List.copyOf(lines);
        }
        if (!sent) {
            LOG.warn("Did not look for this seat's interrupted calls: entries of an earlier run still wait on this "
                    + "seat for the server; the next start closes them");
            return List.copyOf(lines);
        }
        List<String> own = new ArrayList<>();
        List<SessionSummary> startedHere = sessions.runningStartedHere();
        recovery.recoverRecordedHere(startedHere.stream().map(SessionSummary::id)
                        .collect(Collectors.toSet()))
                .forEach(r -> own.add("call " + r.session() + " (" + r.title() + "): " + r.detail()));
        for (SessionSummary s : startedHere) {
            if (!"call".equals(s.kind())) {
                // A control-room exercise (or any other kind) this seat ran when it was killed.
                Instant end = eventLog.last(s.id()).map(e -> e.wallTime()).orElse(s.startedAt());
                sessions.finish(s.id(), end, "interrupted", null);
                own.add(s.kind() + " " + s.id() + " (" + s.title() + "): interrupted");
            }
        }
        own.forEach(l -> LOG.warn("Recovered an unfinished session: {}", l));
        lines.addAll(own);
        return List.copyOf(lines);
    }

    /**
     * Says what the workstation is busy with in the background (e.g. recording the demo calls), or clears it with
     * null; sign-in names it when it has to wait.
     */
    public void busyWith(String what) {
        busyWith = what;
    }

    /** What the workstation is busy with in the background, if anything. */
    public java.util.Optional<String> busyWith() {
        return java.util.Optional.ofNullable(busyWith);
    }

    /** Whether {@link #close} was called: background work started at opening then stops quietly. */
    public synchronized boolean isClosed() {
        return closed;
    }

    /**
     * Flushes the event log, takes the clean-exit backup and closes the database. Safe to call twice.
     *
     * @param cleanExit whether to take the "exit" backup (skipped for short CLI commands)
     */
    public synchronized void close(boolean cleanExit) {
        if (closed) {
            return;
        }
        closed = true;
        bus.close();
        if (liveFeed != null) {
            liveFeed.shutdown();
        }
        if (incidentBridge != null) {
            incidentBridge.close();
        }
        if (surveillance != null) {
            closeQuietly(surveillance);
        }
        for (AutoCloseable built : new AutoCloseable[] {ops, generation}) {
            if (built != null) {
                closeQuietly(built);
            }
        }
        if (images != null) {
            closeQuietly(images);
        }
        alsoClose.forEach(Workstation::closeQuietly);
        for (AutoCloseable built : new AutoCloseable[] {workflows, workers, ai, embeddings}) {
            if (built != null) {
                closeQuietly(built);
            }
        }
        closeQuietly(speech);
        try {
            // Anchors what this run wrote (nothing is signed when no chain changed).
            checkpointQuietly();
            eventLog.close();
            logClosed = true;
            if (cleanExit) {
                backups.onCleanExit();
            }
        } catch (RuntimeException e) {
            LOG.error("Closing the event log or taking the exit backup failed", e);
        } finally {
            if (outbox != null) {
                outbox.close();
            }
            database.close();
        }
    }

    @Override
    public void close() {
        close(false);
    }

    private static void closeQuietly(AutoCloseable service) {
        try {
            service.close();
        } catch (Exception e) {
            LOG.error("Closing {} failed", service.getClass().getSimpleName(), e);
        }
    }
}
