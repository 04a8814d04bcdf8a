package dev.switchboard.workflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.core.account.AuditAction;
import dev.switchboard.core.account.AuditRecord;
import dev.switchboard.core.error.SwitchboardException;
import dev.switchboard.core.event.EventBus;
import dev.switchboard.core.event.Subscription;
import dev.switchboard.core.exercise.CallRequested;
import dev.switchboard.core.exercise.CrisisRequested;
import dev.switchboard.core.exercise.IncidentRequested;
import dev.switchboard.core.exercise.RequestHandled;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.core.incident.DispatchOrdered;
import dev.switchboard.core.incident.ResponderType;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.Database;
import dev.switchboard.store.session.SessionCatalog;
import dev.switchboard.workflow.TestDatabases;
import dev.switchboard.workflow.engine.temporal.TemporalRunner;
import dev.switchboard.workflow.model.RunState;
import dev.switchboard.workflow.model.TaskRun;
import dev.switchboard.workflow.model.TaskState;
import dev.switchboard.workflow.model.WorkflowDefinition;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same definitions on Temporal (its in-process test server, one for the whole class) and on the embedded engine
 * leave the same tasks in the store, each in the same state with the same output: every bundled exercise (with its
 * gate decided by a signal on Temporal), the chaos workflow (retries, forEach, counters, a durable wait) and a
 * workflow with a subflow. Gates on Temporal refuse a role that may not decide, as the embedded engine does; an
 * address where nothing answers is reported as such.
 */
class TemporalRunnerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final WorkflowEngine.Actor SUE = new WorkflowEngine.Actor("sue", "SUPERVISOR");

    @TempDir
    static Path dir;
    private static Database db;
    private static EventBus bus;
    private static Subscription capabilities;
    private static TestWorkflowEnvironment env;
    private static TemporalRunner runner;
    private static final TaskTypes TYPES = TaskTypes.standard(ChaosTasks.all());
    private static final Expressions EXPRESSIONS = new Expressions();
    private static final Map<String, WorkflowDefinition> LIBRARY = new HashMap<>();
    private static final List<AuditRecord> AUDIT = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        db = TestDatabases.open(DataDir.of(dir));
        db.jdbi().useHandle(h -> h.execute(ChaosTasks.COUNTER_TABLE));
        bus = new EventBus();
        capabilities = fakeCapabilities(bus);
        WorkflowLibrary.load(List.of(), TYPES, EXPRESSIONS).workflows().forEach(d -> LIBRARY.put(d.id(), d));
        LIBRARY.put("child", read("""
                id: child
                name: Child
                inputs: {n: {type: number, default: 1}}
                tasks:
                  - {id: twice, type: work, with: {value: "${inputs.n * 2}"}}
                  - {id: note, type: log, dependsOn: [twice], with: {message: "twice is ${tasks.twice.output.value}"}}
                """));
        env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder().setUseTimeskipping(false)
                .build());
        runner = TemporalRunner.over(env.getWorkflowClient(), "switchboard-test", new TemporalRunner.Services(TYPES,
                EXPRESSIONS, Inputs.unchecked(), db, bus, Map.of(SessionCatalog.class, new SessionCatalog(db)),
                id -> Optional.ofNullable(LIBRARY.get(id)), AUDIT::add, RunObserver.NONE));
        runner.startWorker();
    }

    @AfterAll
    static void stop() {
        runner.close();
        env.close();
        capabilities.close();
        bus.close();
        db.close();
    }

    @Test
    void theChaosWorkflowLeavesTheSameTasksAndOutputs() throws Exception {
        sameOnBothEngines(ChaosChild.definition(), Map.of(), null, Map.of());
    }

    @Test
    void theEarthquakeShiftLeavesTheSameTasksAndOutputsWithItsGateAsASignal() throws Exception {
        Map<String, Map<String, String>> both = sameOnBothEngines(LIBRARY.get("earthquake-shift"), Map.of("trainee",
                "yui", "fireTarget", "10s", "gasLeakAfter", "1s"), "aftershockGate", Map.of("ward", "sumida",
                "priority", "1"));
        assertThat(both.get("temporal")).containsKeys("quake", "collapseCall", "fireDispatched", "aftershock",
                "summary");
        assertThat(both.get("temporal").get("fireDispatched")).contains("\"matched\":true");
        assertThat(both.get("temporal").get("coach")).startsWith("Skipped");
    }

    @Test
    void theGangViolenceEscalationLeavesTheSameTasksAndOutputs() throws Exception {
        Map<String, Map<String, String>> both = sameOnBothEngines(LIBRARY.get("gang-violence-escalation"),
                Map.of("trainee", "yui", "policeTarget", "10s"), "escalate", Map.of());
        assertThat(both.get("temporal").get("policeSent")).contains("\"matched\":true");
        assertThat(both.get("temporal").get("swatSent")).contains("\"matched\":true");
        assertThat(both.get("temporal").get("shooting")).startsWith("Succeeded");
    }

    @Test
    void theMultiCallSurgeLeavesTheSameTasksAndOutputs() throws Exception {
        Map<String, Map<String, String>> both = sameOnBothEngines(LIBRARY.get("multi-call-surge"), Map.of("trainee",
                "yui", "calls", "medical"), "surgeOver", Map.of());
        assertThat(both.get("temporal")).containsKeys("ring[0]", "ring[3]", "scores", "summary");
        assertThat(both.get("temporal").get("ring")).contains("ems-choking-infant");
    }

    @Test
    void aSubflowIsAChildWorkflowOnTemporalWithTheSameOutputs() throws Exception {
        WorkflowDefinition parent = read("""
                id: parent
                name: Parent
                tasks:
                  - {id: first, type: log, with: {message: start}}
                  - {id: sub, type: subflow, dependsOn: [first], with: {workflow: child, inputs: {n: 21}}}
                  - id: after
                    type: log
                    dependsOn: [sub]
                    with: {message: "got ${tasks.sub.output.outputs.twice.value}"}
                """);
        Map<String, Map<String, String>> both = sameOnBothEngines(parent, Map.of(), null, Map.of());
        assertThat(both.get("temporal").get("after")).contains("got 42");
        String child = db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM workflow_run WHERE parent_run IS NOT "
                + "NULL AND engine = 'temporal'").mapTo(String.class).one());
        assertThat(new RunStore(db).find(child).orElseThrow().state()).isEqualTo(RunState.SUCCEEDED);
    }

    @Test
    void aGateOnTemporalRefusesARoleThatMayNotDecideAndIsAudited() throws Exception {
        WorkflowDefinition def = read("""
                id: gated
                name: Gated
                tasks:
                  - id: ask
                    type: approval
                    with: {title: Go on, roles: [SUPERVISOR], form: [{name: n, type: number, required: true}]}
                  - {id: after, type: log, dependsOn: [ask], with: {message: "n=${tasks.ask.output.n}"}}
                """);
        String run = runner.start(def, Map.of(), "ines", null);
        assertThat(runner.settled(run).get(30, TimeUnit.SECONDS)).isEqualTo(RunState.WAITING_FOR_APPROVAL);
        assertThatThrownBy(() -> runner.decide(run, "ask", new WorkflowEngine.Actor("tom", "TRAINEE"),
                Map.of("n", "1"), "approve", "")).isInstanceOf(SwitchboardException.class)
                .hasMessageContaining("may not decide");
        assertThat(AUDIT).anyMatch(a -> a.actor().equals("tom") && a.action() == AuditAction.WORKFLOW_DECISION
                && a.outcome() == AuditRecord.Outcome.DENIED);
        runner.decide(run, "ask", SUE, Map.of("n", "7"), "approve", "ok");
        assertThat(runner.ended(run).get(30, TimeUnit.SECONDS)).isEqualTo(RunState.SUCCEEDED);
        assertThat(task(run, "after").outputJson()).contains("n=7");
        assertThat(new RunStore(db).history(run)).anyMatch(h -> h.actor().equals("sue") && h.what()
                .startsWith("approved"));
    }

    @Test
    void anAddressWhereNothingAnswersIsReportedWithTheWayOut() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        assertThatThrownBy(() -> TemporalRunner.connect("127.0.0.1:" + port, "default", null, Duration.ofSeconds(1),
                new TemporalRunner.Services(TYPES, EXPRESSIONS, Inputs.unchecked(), db, bus, Map.of(),
                        id -> Optional.empty(), r -> { }, RunObserver.NONE)))
                .isInstanceOf(SwitchboardException.class)
                .hasMessageContaining("The Temporal service at 127.0.0.1:" + port + " does not answer")
                .satisfies(e -> assertThat(((SwitchboardException) e).hint()).contains("Settings"));
        assertThatThrownBy(() -> TemporalRunner.connect("no port here", "default", null, Duration.ofSeconds(1),
                null)).hasMessageContaining("is not host:port");
    }

    /** Runs {@code def} on each engine (deciding {@code gate} as a supervisor) and checks their tasks match. */
    private Map<String, Map<String, String>> sameOnBothEngines(WorkflowDefinition def, Map<String, String> inputs,
                                                              String gate, Map<String, String> form)
            throws Exception {
        String temporalRun = runner.start(def, inputs, "test", "yui");
        if (gate != null) {
            for (int i = 0; i < 600 && !gateWaits(temporalRun, gate); i++) {
                Thread.sleep(50);
            }
            runner.decide(temporalRun, gate, SUE, form, "approve", "");
        }
        assertThat(runner.ended(temporalRun).get(60, TimeUnit.SECONDS)).as(() -> rows(temporalRun).toString())
                .isEqualTo(RunState.SUCCEEDED);
        Map<String, String> temporal = rows(temporalRun);

        WorkflowEngine engine = new WorkflowEngine(db, new WorkflowEngine.Services(bus, EngineClock.system(), TYPES,
                EXPRESSIONS, Inputs.unchecked(), AUDIT::add, id -> Optional.ofNullable(LIBRARY.get(id)),
                Map.of(SessionCatalog.class, new SessionCatalog(db)), RunObserver.NONE),
                new WorkflowEngine.Config(16, 1));
        Map<String, String> embedded;
        try {
            String run = engine.start(def, inputs, "test", "yui");
            if (gate != null) {
                for (int i = 0; i < 600 && !gateWaits(run, gate); i++) {
                    Thread.sleep(50);
                }
                engine.decide(run, gate, SUE, form, "approve", "");
            }
            assertThat(engine.ended(run).get(60, TimeUnit.SECONDS)).isEqualTo(RunState.SUCCEEDED);
            embedded = rows(run);
        } finally {
            engine.close();
        }
        assertThat(temporal).isEqualTo(embedded);
        return Map.of("temporal", temporal, "embedded", embedded);
    }

    private static boolean gateWaits(String run, String gate) {
        return new RunStore(db).tasks(run).stream().anyMatch(t -> t.key().equals(gate)
                && t.state() == TaskState.WAITING_FOR_APPROVAL);
    }

    private static TaskRun task(String run, String key) {
        return new RunStore(db).tasks(run).stream().filter(t -> t.key().equals(key)).findFirst().orElseThrow();
    }

    /**
     * Each task as {@code state output}, without what differs between any two runs: the run's id, times, waited
     * milliseconds, the events' own fields and a subflow's child run id.
     */
    private static Map<String, String> rows(String run) {
        Map<String, String> out = new TreeMap<>();
        for (TaskRun t : new RunStore(db).tasks(run)) {
            out.put(t.key(), t.state().code() + " " + normalise(t.outputJson(), run));
        }
        return out;
    }

    private static String normalise(String json, String run) {
        if (json == null) {
            return "-";
        }
        try {
            return JSON.writeValueAsString(strip(JSON.readValue(json.replace(run, "RUN"), Object.class)));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object strip(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new TreeMap<>();
            ((Map<String, Object>) m).forEach((k, v) -> {
                if (!List.of("waitedMs", "event", "run").contains(k)) {
                    out.put(k, strip(v));
                }
            });
            return out;
        }
        if (value instanceof List<?> l) {
            return l.stream().map(TemporalRunnerTest::strip).toList();
        }
        return value;
    }

    private static WorkflowDefinition read(String yaml) {
        WorkflowReader.Result r = new WorkflowReader("test.yaml").read(yaml, TYPES, EXPRESSIONS);
        return r.definition().orElseThrow(() -> new AssertionError(r.problems().toString()));
    }

    /**
     * A control room and a call console that answer at once; the trainee sends fire to the collapse, police to the
     * knife call and SWAT to the shooting (each order repeated for a few seconds, so a task that starts waiting a
     * little later still sees one).
     */
    private static Subscription fakeCapabilities(EventBus bus) {
        Subscription calls = bus.subscribe(CallRequested.class, r -> {
            bus.publish(new RequestHandled(r.requestId(), "call-" + r.scenario(), true, "rang " + r.scenario()));
            if (r.scenario().equals("fire-earthquake-collapse")) {
                orders(bus, ResponderType.FIRE, DispatchOrdered.CALL_CONSOLE);
            } else if (r.scenario().equals("police-domestic-weapon")) {
                orders(bus, ResponderType.POLICE, DispatchOrdered.CALL_CONSOLE);
            }
        });
        Subscription crises = bus.subscribe(CrisisRequested.class, r ->
                bus.publish(new RequestHandled(r.requestId(), "city-1", true, "started " + r.scenario())));
        Subscription incidents = bus.subscribe(IncidentRequested.class, r -> {
            bus.publish(new RequestHandled(r.requestId(), "city-1", true, "opened " + r.kind()));
            if (r.kind().equals("weapon")) {
                orders(bus, ResponderType.SWAT, DispatchOrdered.CONTROL_ROOM);
            }
        });
        return () -> {
            calls.close();
            crises.close();
            incidents.close();
        };
    }

    private static void orders(EventBus bus, ResponderType type, String screen) {
        Thread.ofVirtual().start(() -> {
            for (int i = 0; i < 16; i++) {
                sleep(250);
                bus.publish(new DispatchOrdered(new SessionId("city-1"), "INC-1", null, "FIRE", "sumida",
                        type + "-0" + i, type, screen, Instant.now()));
            }
        });
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
