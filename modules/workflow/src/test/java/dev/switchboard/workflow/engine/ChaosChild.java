package dev.switchboard.workflow.engine;

import dev.switchboard.core.event.EventBus;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.Database;
import dev.switchboard.workflow.model.RunState;
import dev.switchboard.workflow.model.WorkflowDefinition;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The process the chaos test kills: opens the data dir, starts the chaos run (first time) or resumes it, prints
 * {@code STARTED}, and prints {@code DONE <state>} when the run ends.
 */
public final class ChaosChild {

    private ChaosChild() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Database db = Database.open(DataDir.of(dir));
        db.jdbi().useHandle(h -> h.execute(ChaosTasks.COUNTER_TABLE));
        WorkflowEngine engine = newEngine(db, new EventBus());
        engine.resumeAll();
        String run = engine.store().recent(1).stream().map(r -> r.id()).findFirst().orElse(null);
        if (run == null) {
            run = engine.start(definition(), Map.of(), "chaos", null);
        }
        System.out.println("STARTED " + run);
        System.out.flush();
        RunState state = engine.ended(run).get();
        System.out.println("DONE " + state.code());
        System.out.flush();
        engine.close();
        db.close();
        System.exit(0);
    }

    static WorkflowEngine newEngine(Database db, EventBus bus) {
        TaskTypes types = TaskTypes.standard(ChaosTasks.all());
        return new WorkflowEngine(db, new WorkflowEngine.Services(bus, EngineClock.system(), types, new Expressions(),
                Inputs.unchecked(), r -> { }, id -> Optional.empty(), Map.of(), RunObserver.NONE),
                new WorkflowEngine.Config(64, 3));
    }

    static WorkflowDefinition definition() throws java.io.IOException {
        try (var in = ChaosChild.class.getClassLoader().getResourceAsStream("workflows-test/chaos.yaml")) {
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new WorkflowReader("chaos.yaml").read(yaml, TaskTypes.standard(ChaosTasks.all()),
                    new Expressions()).definition().orElseThrow();
        }
    }
}
