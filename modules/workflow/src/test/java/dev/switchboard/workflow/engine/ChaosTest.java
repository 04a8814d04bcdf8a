package dev.switchboard.workflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.event.EventBus;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.Database;
import dev.switchboard.workflow.model.RunState;
import dev.switchboard.workflow.model.TaskRun;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM runs the chaos workflow and is killed with SIGKILL at 55 random moments, then let finish. The
 * outputs must equal those of an uninterrupted run, and the counter behind every non-idempotent task must show
 * that it ran exactly once.
 */
class ChaosTest {

    private static final int KILLS = 55;

    @Test
    void killedAtRandomMomentsTheRunEndsWithTheSameOutputsAndEachCounterOnce(@TempDir Path reference,
                                                                             @TempDir Path chaos) throws Exception {
        Map<String, String> expected = uninterrupted(reference);
        SplittableRandom random = new SplittableRandom(20251207);
        int kills = 0;
        String done = null;
        while (done == null) {
            Process child = start(chaos);
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8));
            String line = out.readLine();
            assertThat(line).as("the child starts or resumes the run").isNotNull().startsWith("STARTED");
            if (kills < KILLS) {
                if (child.waitFor(random.nextInt(5, 120), TimeUnit.MILLISECONDS)) {
                    String after;
                    while ((after = out.readLine()) != null) {
                        if (after.startsWith("DONE")) {
                            done = after;
                        }
                    }
                    break;
                }
                child.destroyForcibly();
                child.waitFor(30, TimeUnit.SECONDS);
                kills++;
            } else {
                done = out.readLine();
                child.waitFor(60, TimeUnit.SECONDS);
            }
        }
        assertThat(kills).isGreaterThanOrEqualTo(50);
        assertThat(done).isEqualTo("DONE Succeeded");
        try (Database db = Database.open(DataDir.of(chaos))) {
            RunStore store = new RunStore(db);
            String run = store.recent(1).get(0).id();
            assertThat(outputs(store, run)).isEqualTo(expected);
            Map<String, Integer> counters = new TreeMap<>();
            db.jdbi().useHandle(h -> h.createQuery("SELECT key, n FROM chaos_counter").map((rs, c) ->
                    new Object[] {rs.getString(1), rs.getInt(2)}).forEach(r -> counters.put((String) r[0],
                    (Integer) r[1])));
            assertThat(counters).hasSize(14).allSatisfy((k, n) -> assertThat(n).as(k).isEqualTo(1));
            assertThat(store.history(run)).as("the kills landed while tasks ran")
                    .anyMatch(h -> h.what().startsWith("was running when the program stopped"));
        }
    }

    private static Map<String, String> uninterrupted(Path dir) throws Exception {
        try (Database db = Database.open(DataDir.of(dir)); EventBus bus = new EventBus()) {
            db.jdbi().useHandle(h -> h.execute(ChaosTasks.COUNTER_TABLE));
            WorkflowEngine engine = ChaosChild.newEngine(db, bus);
            String run = engine.start(ChaosChild.definition(), Map.of(), "chaos", null);
            assertThat(engine.ended(run).get(60, TimeUnit.SECONDS)).isEqualTo(RunState.SUCCEEDED);
            Map<String, String> out = outputs(engine.store(), run);
            engine.close();
            return out;
        }
    }

    private static Map<String, String> outputs(RunStore store, String run) {
        Map<String, String> out = new TreeMap<>();
        for (TaskRun t : store.tasks(run)) {
            out.put(t.key(), t.state().code() + " " + t.outputJson());
        }
        return out;
    }

    private static Process start(Path dir) throws java.io.IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), ChaosChild.class.getName(), dir.toString()))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }
}
