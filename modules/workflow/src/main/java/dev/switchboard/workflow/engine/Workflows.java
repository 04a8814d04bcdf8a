package dev.switchboard.workflow.engine;

import dev.switchboard.core.account.AuditTrail;
import dev.switchboard.core.error.SwitchboardException;
import dev.switchboard.core.event.EventBus;
import dev.switchboard.store.Database;
import dev.switchboard.workflow.model.WorkflowDefinition;
import dev.switchboard.workflow.spi.TaskType;
import dev.switchboard.core.error.InputException;
import dev.switchboard.workflow.engine.temporal.TemporalRunner;
import dev.switchboard.workflow.model.RunState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The workflows of one workstation: the library, the engine and the lease that makes this process the one that
 * runs them. Built once by the composition root; the window, the CLI and the benchmark use it.
 */
public final class Workflows implements AutoCloseable {

    /**
     * What the composition root hands over.
     *
     * @param temporal where new runs go: a Temporal service when it gives an address, else the embedded engine; read
     *                 each time, so a changed setting takes effect; null for the embedded engine always
     */
    public record Setup(EventBus bus, AuditTrail audit, List<Path> folders, Map<Class<?>, Object> services,
                        Inputs inputs, RunObserver observer, List<TaskType> extraTypes, EngineClock clock,
                        WorkflowEngine.Config config, Supplier<TemporalTarget> temporal) {
        public Setup {
            Objects.requireNonNull(bus, "bus");
            Objects.requireNonNull(audit, "audit");
            folders = List.copyOf(folders);
            services = Map.copyOf(services);
            extraTypes = List.copyOf(extraTypes);
            inputs = inputs == null ? Inputs.unchecked() : inputs;
            temporal = temporal == null ? () -> TemporalTarget.NONE : temporal;
        }

        /** Without a Temporal service. */
        public Setup(EventBus bus, AuditTrail audit, List<Path> folders, Map<Class<?>, Object> services,
                     Inputs inputs, RunObserver observer, List<TaskType> extraTypes, EngineClock clock,
                     WorkflowEngine.Config config) {
            this(bus, audit, folders, services, inputs, observer, extraTypes, clock, config, null);
        }
    }

    /**
     * A Temporal service to run workflows on.
     *
     * @param address   {@code host:port}; blank for none (the embedded engine)
     * @param namespace the Temporal namespace, {@code default} when blank
     * @param taskQueue the task queue of this workstation's worker
     */
    public record TemporalTarget(String address, String namespace, String taskQueue) {
        /** No Temporal service: the embedded engine runs everything. */
        public static final TemporalTarget NONE = new TemporalTarget("", "default", TemporalRunner.TASK_QUEUE);

        public TemporalTarget {
            address = address == null ? "" : address.strip();
            namespace = namespace == null || namespace.isBlank() ? "default" : namespace.strip();
            taskQueue = taskQueue == null || taskQueue.isBlank() ? TemporalRunner.TASK_QUEUE : taskQueue.strip();
        }

        public boolean set() {
            return !address.isEmpty();
        }
    }

    /** How long connecting to a Temporal service may take before it counts as unreachable. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** How long a Temporal service that did not answer is taken as still not answering. */
    static final Duration RETRY_CONNECT = Duration.ofSeconds(20);

    private final Database db;
    private final TaskTypes types;
    private final Expressions expressions = new Expressions();
    private final List<Path> folders;
    private volatile WorkflowLibrary library;
    private final EngineLease lease;
    private final WorkflowEngine engine;
    private final Setup setup;
    private TemporalRunner temporal;
    private TemporalTarget connectedTo;
    private TemporalTarget failedTarget;
    private long failedUntil;
    private SwitchboardException failure;
    private final RunCommands commands;

    private Workflows(Database db, Setup setup, EngineLease lease) {
        this.db = db;
        this.setup = setup;
        this.types = TaskTypes.standard(setup.extraTypes());
        this.folders = setup.folders();
        this.library = WorkflowLibrary.load(folders, types, expressions);
        this.lease = lease;
        this.engine = lease == null ? null : new WorkflowEngine(db, new WorkflowEngine.Services(setup.bus(),
                setup.clock() == null ? EngineClock.system() : setup.clock(), types, expressions, setup.inputs(),
                setup.audit(), id -> library.find(id), setup.services(), setup.observer()),
                setup.config() == null ? WorkflowEngine.Config.defaults() : setup.config());
        this.commands = new RunCommands(this, db);
        if (lease != null) {
            commands.serve();
        }
    }

    /**
     * Opens the workflows of {@code db}: takes the engine's lease when no other live process holds it. Without the
     * lease the library and the stored runs can be read, but runs cannot be started or operated here.
     */
    public static Workflows open(Database db, Setup setup) {
        EngineLease lease = EngineLease.acquire(db, java.time.Instant.now()).orElse(null);
        return new Workflows(db, setup, lease);
    }

    /** Whether this process runs the workflows (holds the lease). */
    public boolean runsEngine() {
        return engine != null;
    }

    /**
     * The engine.
     *
     * @throws SwitchboardException naming the process that runs the workflows of this data dir
     */
    public WorkflowEngine engine() {
        if (engine == null) {
            String who = EngineLease.holder(db).map(EngineLease.Holder::describe).orElse("another process");
            throw new SwitchboardException("The workflows of this " + (db.isServer() ? "database" : "data folder")
                    + " are run by " + who + " (an open Switchboard window).",
                    "Do this in that window's Workflows workspace, or close it and run the command again.");
        }
        return engine;
    }

    /** The runs in the store, readable without the lease. */
    public RunStore store() {
        return engine != null ? engine.store() : new RunStore(db);
    }

    public WorkflowLibrary library() {
        return library;
    }

    /** Reads the library's folders again, e.g. after an instructor saved a workflow. */
    public WorkflowLibrary reload() {
        library = WorkflowLibrary.load(folders, types, expressions);
        return library;
    }

    /** How run inputs are checked, and the wards and scenarios a picker offers. */
    public Inputs inputs() {
        return setup.inputs();
    }

    public TaskTypes types() {
        return types;
    }

    public Expressions expressions() {
        return expressions;
    }

    /** Reads one definition with this workstation's task types. */
    public WorkflowReader.Result read(String file, String yaml) {
        return new WorkflowReader(file).read(yaml, types, expressions);
    }

    /** The newest definition of {@code id} in the library. */
    public Optional<WorkflowDefinition> find(String id) {
        return library.find(id);
    }

    /** The folder where instructors keep their own workflows. */
    public Optional<Path> userFolder() {
        return folders.stream().findFirst();
    }

    // ---- where runs go: the embedded engine, or a Temporal service when an address is set

    /** The Temporal service new runs go to, as set now; {@link TemporalTarget#NONE} for the embedded engine. */
    public TemporalTarget temporalTarget() {
        TemporalTarget t = setup.temporal().get();
        return t == null ? TemporalTarget.NONE : t;
    }

    /**
     * The runner for the Temporal service set now, connected (and, in the process that runs the workflows, with its
     * worker started); empty when no address is set.
     *
     * @throws SwitchboardException when the service does not answer
     */
    public synchronized Optional<TemporalRunner> temporal() {
        TemporalTarget target = temporalTarget();
        if (!target.set()) {
            return Optional.empty();
        }
        if (temporal != null && target.equals(connectedTo)) {
            return Optional.of(temporal);
        }
        if (target.equals(failedTarget) && System.currentTimeMillis() < failedUntil) {
            throw failure;
        }
        if (temporal != null) {
            temporal.close();
            temporal = null;
        }
        TemporalRunner runner;
        try {
            runner = TemporalRunner.connect(target.address(), target.namespace(), target.taskQueue(),
                    CONNECT_TIMEOUT, new TemporalRunner.Services(types, expressions, setup.inputs(), db, setup.bus(),
                            setup.services(), id -> library.find(id), setup.audit(), setup.observer()));
        } catch (SwitchboardException e) {
            // Asked again at once (each refresh of the window), the answer would be the same: wait a little.
            failedTarget = target;
            failedUntil = System.currentTimeMillis() + RETRY_CONNECT.toMillis();
            failure = e;
            throw e;
        }
        failedTarget = null;
        if (runsEngine()) {
            runner.startWorker();
        }
        temporal = runner;
        connectedTo = target;
        return Optional.of(runner);
    }

    /** Whether {@code runId} runs on a Temporal service. */
    public boolean onTemporal(String runId) {
        return store().engineOf(runId).map(RunStore.TEMPORAL::equals).orElse(false);
    }

    private TemporalRunner temporalFor(String runId) {
        return temporal().orElseThrow(() -> new SwitchboardException("Run " + runId + " runs on a Temporal service, "
                + "but no Temporal address is set.", "Set it in Settings (Workflows), with --temporal or "
                + "SWITCHBOARD_TEMPORAL."));
    }

    /**
     * Starts a run of {@code def}: on the Temporal service when an address is set, else on the embedded engine.
     *
     * @throws InputException when an input is missing or wrong
     * @throws SwitchboardException when the Temporal service does not answer, or another process runs the workflows
     */
    public String start(WorkflowDefinition def, Map<String, ?> inputs, String actor, String trainee) {
        Optional<TemporalRunner> t = temporal();
        if (t.isPresent()) {
            engine();
            return t.get().start(def, inputs, actor, trainee);
        }
        return engine().start(def, inputs, actor, trainee);
    }

    /** A decision at a gate, by the engine that runs the run. */
    public void decide(String runId, String taskKey, WorkflowEngine.Actor actor, Map<String, String> inputs,
                       String decision, String comment) {
        if (onTemporal(runId)) {
            temporalFor(runId).decide(runId, taskKey, actor, inputs, decision, comment);
        } else {
            WorkflowEngine e = engine();
            e.resume(runId);
            e.decide(runId, taskKey, actor, inputs, decision, comment);
        }
    }

    /** Cancels a run, by the engine that runs it. */
    public void cancel(String runId, WorkflowEngine.Actor actor) {
        if (onTemporal(runId)) {
            temporalFor(runId).cancel(runId, actor);
        } else {
            WorkflowEngine e = engine();
            e.resume(runId);
            e.cancel(runId, actor);
        }
    }

    /** Completes when the run ends or waits for a person or an event, with the state it reached. */
    public CompletableFuture<RunState> settled(String runId) {
        return onTemporal(runId) ? temporalFor(runId).settled(runId) : engine().settled(runId);
    }

    /** Completes when the run has ended, with its state. */
    public CompletableFuture<RunState> ended(String runId) {
        return onTemporal(runId) ? temporalFor(runId).ended(runId) : engine().ended(runId);
    }

    /** Where new runs go, in words for a status line: "this workstation" or "Temporal at host:port". */
    public String runsOn() {
        TemporalTarget t = temporalTarget();
        return t.set() ? "Temporal at " + t.address() : "this workstation";
    }

    /** Operations on runs as commands: carried out here, or queued for the process that runs the workflows. */
    public RunCommands commands() {
        return commands;
    }

    @Override
    public void close() {
        commands.close();
        synchronized (this) {
            if (temporal != null) {
                temporal.close();
                temporal = null;
            }
        }
        if (engine != null) {
            engine.close();
        }
        if (lease != null) {
            lease.close();
        }
    }
}
