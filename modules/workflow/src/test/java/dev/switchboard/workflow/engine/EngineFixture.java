package dev.switchboard.workflow.engine;

import dev.switchboard.core.account.AuditRecord;
import dev.switchboard.core.event.EventBus;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.Database;
import dev.switchboard.workflow.TestDatabases;
import dev.switchboard.workflow.model.RunState;
import dev.switchboard.workflow.model.TaskRun;
import dev.switchboard.workflow.model.WorkflowDefinition;
import dev.switchboard.workflow.spi.TaskType;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A database in a temporary folder with an engine over it, a test clock and a list of audit records. */
final class EngineFixture implements AutoCloseable {

    final Path dir;
    final Database db;
    final EventBus bus = new EventBus();
    final TestClock clock = new TestClock();
    final List<AuditRecord> audit = new CopyOnWriteArrayList<>();
    final Map<String, WorkflowDefinition> library = new HashMap<>();
    final Expressions expressions = new Expressions();
    TaskTypes types;
    WorkflowEngine engine;
    private final int concurrency;

    EngineFixture(Path dir, TaskType... extra) {
        this(dir, 64, extra);
    }

    /** With at most {@code concurrency} tasks of all runs running at once. */
    EngineFixture(Path dir, int concurrency, TaskType... extra) {
        this.dir = dir;
        this.concurrency = concurrency;
        this.db = TestDatabases.open(DataDir.of(dir));
        this.types = TaskTypes.standard(List.of(extra));
        this.engine = newEngine();
    }

    WorkflowEngine newEngine() {
        return new WorkflowEngine(db, new WorkflowEngine.Services(bus, clock, types, expressions, Inputs.unchecked(),
                audit::add, id -> Optional.ofNullable(library.get(id)), Map.of(), RunObserver.NONE),
                new WorkflowEngine.Config(concurrency, 7));
    }

    /** Reads a definition or fails the test with its problems. */
    WorkflowDefinition read(String yaml) {
        WorkflowReader.Result r = new WorkflowReader("test.yaml").read(yaml, types, expressions);
        if (r.definition().isEmpty()) {
            throw new AssertionError("does not read: " + r.problems());
        }
        return r.definition().get();
    }

    WorkflowReader.Result check(String yaml) {
        return new WorkflowReader("test.yaml").read(yaml, types, expressions);
    }

    RunState settle(String runId) throws Exception {
        return engine.settled(runId).get(20, TimeUnit.SECONDS);
    }

    TaskRun task(String runId, String key) {
        return engine.store().tasks(runId).stream().filter(t -> t.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no task " + key));
    }

    @Override
    public void close() {
        engine.close();
        bus.close();
        db.close();
    }
}
