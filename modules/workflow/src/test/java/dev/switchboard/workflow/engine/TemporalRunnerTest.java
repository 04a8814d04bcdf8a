package dev.switchboard.workflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.event.EventBus;
import dev.switchboard.core.event.Subscription;
import dev.switchboard.core.exercise.CallRequested;
import dev.switchboard.core.exercise.CrisisRequested;
import dev.switchboard.core.exercise.IncidentRequested;
import dev.switchboard.core.exercise.RequestHandled;
import dev.switchboard.core.geo.LatLon;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.core.incident.IncidentCreated;
import dev.switchboard.core.incident.ResponderType;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.Database;
import dev.switchboard.store.session.SessionCatalog;
import dev.switchboard.workflow.engine.temporal.InterpreterWorkflow;
import dev.switchboard.workflow.engine.temporal.TaskActivitiesImpl;
import dev.switchboard.workflow.engine.temporal.TemporalRunner;
import dev.switchboard.workflow.model.RunState;
import dev.switchboard.workflow.model.TaskRun;
import dev.switchboard.workflow.model.WorkflowDefinition;
import io.temporal.testing.TestWorkflowEnvironment;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same definitions on Temporal's in-process test server and on the embedded engine give the same outputs: the
 * chaos workflow (retries, forEach, counters, a durable wait) and the earthquake exercise (a crisis, calls, an event
 * with a timeout branch, a gate decided by a signal, a score query).
 */
class TemporalRunnerTest {

    @TempDir
    Path dir;
    private Database db;
    private EventBus bus;
    private TestWorkflowEnvironment env;
    private TemporalRunner runner;
    private Subscription console;
    private final TaskTypes types = TaskTypes.standard(ChaosTasks.all());

    @BeforeEach
    void start() {
        db = Database.open(DataDir.of(dir));
        db.jdbi().useHandle(h -> h.execute(ChaosTasks.COUNTER_TABLE));
        bus = new EventBus();
        console = fakeCapabilities(bus);
        env = TestWorkflowEnvironment.newInstance(io.temporal.testing.TestEnvironmentOptions.newBuilder()
                .setUseTimeskipping(false).build());
        runner = new TemporalRunner(env.getWorkflowClient(), types, new TaskActivitiesImpl(types, bus,
                Map.of(SessionCatalog.class, new SessionCatalog(db)), db));
    }

    @AfterEach
    void stop() {
        runner.close();
        env.close();
        console.close();
        bus.close();
        db.close();
    }

    @Test
    void theChaosWorkflowGivesTheSameOutputsOnTemporal() throws Exception {
        WorkflowDefinition def = ChaosChild.definition();
        runner.start("chaos-1", def.source(), Map.of());
        Map<String, Object> temporal = new TreeMap<>(runner.result("chaos-1"));
        Map<String, Object> embedded = embedded(def, Map.of(), null);
        assertThat(temporal).isEqualTo(embedded);
        int most = db.jdbi().withHandle(h -> h.createQuery("SELECT max(n) FROM chaos_counter").mapTo(Integer.class)
                .one());
        assertThat(most).as("each counter of the Temporal run counted once, then once more for the embedded run")
                .isEqualTo(2);
    }

    @Test
    void theEarthquakeExerciseGivesTheSameOutputsOnTemporalWithItsGateAsASignal() throws Exception {
        WorkflowDefinition def = WorkflowLibrary.load(List.of(), types, new Expressions()).find("earthquake-shift")
                .orElseThrow();
        Map<String, Object> inputs = Map.of("trainee", "yui", "fireTarget", "10s", "gasLeakAfter", "1s");
        InterpreterWorkflow stub = runner.start("quake-1", def.source(), inputs);
        CompletableFuture<Map<String, Object>> result = CompletableFuture.supplyAsync(() ->
                runner.result("quake-1"));
        for (int i = 0; i < 400 && !"WaitingForApproval".equals(stub.states().get("aftershockGate")); i++) {
            Thread.sleep(50);
        }
        stub.decide("aftershockGate", "approve", Map.of("ward", "sumida", "priority", 1));
        Map<String, Object> temporal = normalise(result.get(60, TimeUnit.SECONDS));
        Map<String, Object> embedded = normalise(embedded(def, inputs, "aftershockGate"));
        assertThat(temporal).isEqualTo(embedded);
        assertThat(temporal).containsKeys("quake", "collapseCall", "fireDispatched", "aftershock", "summary");
        assertThat(temporal.get("fireDispatched").toString()).contains("matched=true");
    }

    private Map<String, Object> embedded(WorkflowDefinition def, Map<String, Object> inputs, String gate)
            throws Exception {
        WorkflowEngine engine = new WorkflowEngine(db, new WorkflowEngine.Services(bus, EngineClock.system(), types,
                new Expressions(), Inputs.unchecked(), r -> { }, id -> Optional.empty(),
                Map.of(SessionCatalog.class, new SessionCatalog(db)), RunObserver.NONE),
                new WorkflowEngine.Config(16, 1));
        try {
            String run = engine.start(def, inputs, "test", null);
            if (gate != null) {
                for (int i = 0; i < 600 && engine.inbox(null).isEmpty(); i++) {
                    Thread.sleep(50);
                }
                assertThat(engine.inbox(null)).as(() -> engine.store().tasks(run).toString()).hasSize(1);
                engine.decide(run, gate, new WorkflowEngine.Actor("sue", "SUPERVISOR"), Map.of("ward", "sumida",
                        "priority", "1"), "approve", "");
            }
            assertThat(engine.ended(run).get(60, TimeUnit.SECONDS)).isEqualTo(RunState.SUCCEEDED);
            Map<String, Object> out = new TreeMap<>();
            for (TaskRun t : engine.store().tasks(run)) {
                if (t.outputJson() != null && !t.key().contains("[") && !t.key().contains(":")) {
                    out.put(t.key(), WorkflowEngine.parse(t.outputJson()));
                }
            }
            return out;
        } finally {
            engine.close();
        }
    }

    /** Drops what differs between any two runs: times, waited milliseconds, the events' own fields. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> normalise(Map<String, Object> outputs) {
        Map<String, Object> out = new TreeMap<>();
        outputs.forEach((k, v) -> {
            if (v instanceof Map<?, ?> m) {
                Map<String, Object> copy = new TreeMap<>((Map<String, Object>) m);
                copy.keySet().removeAll(List.of("waitedMs", "event", "decidedBy", "comment"));
                out.put(k, copy.toString());
            } else {
                out.put(k, String.valueOf(v));
            }
        });
        return out;
    }

    /** A control room and a call console that answer at once; the trainee dispatches fire to the collapse call. */
    private static Subscription fakeCapabilities(EventBus bus) {
        Subscription calls = bus.subscribe(CallRequested.class, r -> {
            bus.publish(new RequestHandled(r.requestId(), "call-" + r.scenario(), true, "rang " + r.scenario()));
            if (r.scenario().equals("fire-earthquake-collapse")) {
                Thread.ofVirtual().start(() -> {
                    for (int i = 0; i < 5; i++) {
                        sleep(300);
                        bus.publish(new IncidentCreated(new SessionId("call-x"), "ref-" + i, "DIS-COLLAPSE",
                                "collapse", 1, new LatLon(35.7, 139.8), "sumida", "1-1", List.of(ResponderType.FIRE,
                                ResponderType.AMBULANCE), Instant.now()));
                    }
                });
            }
        });
        Subscription crises = bus.subscribe(CrisisRequested.class, r ->
                bus.publish(new RequestHandled(r.requestId(), "city-1", true, "started " + r.scenario())));
        Subscription incidents = bus.subscribe(IncidentRequested.class, r ->
                bus.publish(new RequestHandled(r.requestId(), "city-1", true, "opened " + r.kind())));
        return () -> {
            calls.close();
            crises.close();
            incidents.close();
        };
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
