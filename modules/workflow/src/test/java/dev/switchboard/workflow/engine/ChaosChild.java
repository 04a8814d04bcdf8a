package dev.switchboard.workflow.engine;

import dev.switchboard.core.event.EventBus;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.Database;
import dev.switchboard.workflow.model.RunState;
import dev.switchboard.workflow.model.RunSummary;
import dev.switchboard.workflow.model.WorkflowDefinition;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The process the chaos test kills: {@code ChaosChild DIR MIN_RUNS IN_FLIGHT}. Opens the data dir, resumes every
 * unfinished run, keeps {@code IN_FLIGHT} runs of the chaos workflow going (starting new ones until the file
 * {@code DIR/stop} exists, and at least {@code MIN_RUNS}), prints {@code STARTED <runs>} once it has resumed and
 * started, and {@code DONE <runs>} when it stopped starting and every run has ended. Needs only the engine, the store
 * and their libraries on its class path, so it starts fast.
 */
public final class ChaosChild {

    private ChaosChild() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int minRuns = Integer.parseInt(args[1]);
        int inFlight = Integer.parseInt(args[2]);
        Database db = Database.open(DataDir.of(dir));
        db.jdbi().useHandle(h -> h.execute(ChaosTasks.COUNTER_TABLE));
        WorkflowEngine engine = newEngine(db, new EventBus());
        WorkflowDefinition def = definition();
        engine.resumeAll();
        boolean told = false;
        while (true) {
            List<RunSummary> runs = engine.store().recent(100_000);
            List<String> going = new ArrayList<>(runs.stream().filter(r -> r.endedAt() == null).map(RunSummary::id)
                    .toList());
            int total = runs.size();
            boolean stop = Files.exists(dir.resolve("stop"));
            while (going.size() < inFlight && (total < minRuns || !stop)) {
                going.add(engine.start(def, Map.of(), "chaos", null));
                total++;
            }
            if (!told) {
                System.out.println("STARTED " + total);
                System.out.flush();
                told = true;
            }
            if (going.isEmpty()) {
                System.out.println("DONE " + total);
                System.out.flush();
                break;
            }
            List<CompletableFuture<RunState>> ends = new ArrayList<>();
            for (String id : going) {
                ends.add(engine.ended(id));
            }
            CompletableFuture.anyOf(ends.toArray(CompletableFuture[]::new)).get();
        }
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
