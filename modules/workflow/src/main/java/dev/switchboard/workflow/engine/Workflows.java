package dev.switchboard.workflow.engine;

import dev.switchboard.core.account.AuditTrail;
import dev.switchboard.core.error.SwitchboardException;
import dev.switchboard.core.event.EventBus;
import dev.switchboard.store.Database;
import dev.switchboard.workflow.model.WorkflowDefinition;
import dev.switchboard.workflow.spi.TaskType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The workflows of one workstation: the library, the engine and the lease that makes this process the one that
 * runs them. Built once by the composition root; the window, the CLI and the benchmark use it.
 */
public final class Workflows implements AutoCloseable {

    /** What the composition root hands over. */
    public record Setup(EventBus bus, AuditTrail audit, List<Path> folders, Map<Class<?>, Object> services,
                        Inputs inputs, RunObserver observer, List<TaskType> extraTypes, EngineClock clock,
                        WorkflowEngine.Config config) {
        public Setup {
            Objects.requireNonNull(bus, "bus");
            Objects.requireNonNull(audit, "audit");
            folders = List.copyOf(folders);
            services = Map.copyOf(services);
            extraTypes = List.copyOf(extraTypes);
        }
    }

    private final Database db;
    private final TaskTypes types;
    private final Expressions expressions = new Expressions();
    private final List<Path> folders;
    private volatile WorkflowLibrary library;
    private final EngineLease lease;
    private final WorkflowEngine engine;

    private Workflows(Database db, Setup setup, EngineLease lease) {
        this.db = db;
        this.types = TaskTypes.standard(setup.extraTypes());
        this.folders = setup.folders();
        this.library = WorkflowLibrary.load(folders, types, expressions);
        this.lease = lease;
        this.engine = lease == null ? null : new WorkflowEngine(db, new WorkflowEngine.Services(setup.bus(),
                setup.clock() == null ? EngineClock.system() : setup.clock(), types, expressions, setup.inputs(),
                setup.audit(), id -> library.find(id), setup.services(), setup.observer()),
                setup.config() == null ? WorkflowEngine.Config.defaults() : setup.config());
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
            String who = EngineLease.holder(db).map(h -> "process " + h.pid()).orElse("another process");
            throw new SwitchboardException("The workflows of this data folder are run by " + who
                    + " (an open Switchboard window).",
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

    @Override
    public void close() {
        if (engine != null) {
            engine.close();
        }
        if (lease != null) {
            lease.close();
        }
    }
}
