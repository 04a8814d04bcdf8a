package dev.switchboard.app;

import dev.switchboard.ai.ChatReply;
import dev.switchboard.ai.ChatRequest;
import dev.switchboard.ai.ChatService;
import dev.switchboard.ai.OfflineResponder;
import dev.switchboard.ai.ChatListener;
import dev.switchboard.core.time.SimClock;
import dev.switchboard.store.account.JdbiAccountRepository;
import dev.switchboard.store.eventlog.EventLog;
import dev.switchboard.store.session.SessionCatalog;
import dev.switchboard.workflow.engine.ExerciseRecorder;
import dev.switchboard.workflow.engine.Inputs;
import dev.switchboard.workflow.engine.Workflows;
import dev.switchboard.workflow.engine.tasks.HttpTask;
import dev.switchboard.workflow.model.WorkflowSettings;
import dev.switchboard.places.Gazetteer;
import dev.switchboard.calltaking.engine.scenario.ScenarioLibrary;
import dev.switchboard.city.engine.sim.Scenarios;
import java.util.TreeMap;
import org.slf4j.LoggerFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Builds the workstation's {@link Workflows} from its services; kept apart so {@link Workstation} stays short. */
final class WorkflowWiring {

    /** The environment variable that sets the Temporal address (over the setting, under --temporal). */
    static final String TEMPORAL_ENV = "SWITCHBOARD_TEMPORAL";

    /** Setting (comma-separated URL prefixes) of the endpoints the http task may call; empty turns it off. */
    static final String HTTP_ALLOWED = "workflow.http.allowed";

    private WorkflowWiring() {
    }

    static Workflows open(Workstation ws) {
        JdbiAccountRepository accounts = new JdbiAccountRepository(ws.database());
        ExerciseRecorder recorder = new ExerciseRecorder(ws.sessions(), ws.eventLog(), username ->
                accounts.credentials(username).map(c -> new ExerciseRecorder.Trainee(c.account().id(),
                        c.account().displayName())));
        String allowed = System.getProperty(HTTP_ALLOWED, "");
        Map<Class<?>, Object> services = Map.of(
                EventLog.class, ws.eventLog(),
                SessionCatalog.class, ws.sessions(),
                SimClock.class, ws.simClock(),
                ChatService.class, new LazyChat(ws),
                HttpTask.AllowList.class, new HttpTask.AllowList(Arrays.stream(allowed.split(","))
                        .map(String::strip).filter(p -> !p.isEmpty()).toList()));
        return Workflows.open(ws.database(), new Workflows.Setup(ws.bus(), ws.auditLog(),
                List.of(ws.dataDir().root().resolve("workflows")), services, new Inputs(WARDS::get, SCENARIOS::get),
                recorder, List.of(), null, null, () -> temporal(ws)));
    }

    /**
     * Where new runs go: {@code --temporal} of the command line, else {@code SWITCHBOARD_TEMPORAL}, else the setting;
     * {@code off} or empty for this workstation's own engine.
     */
    static Workflows.TemporalTarget temporal(Workstation ws) {
        String address = ws.temporalOverride();
        if (address == null) {
            String env = System.getenv(TEMPORAL_ENV);
            address = env != null && !env.isBlank() ? env : ws.settings().get(WorkflowSettings.TEMPORAL_ADDRESS);
        }
        if (address.strip().equalsIgnoreCase("off")) {
            address = "";
        }
        return new Workflows.TemporalTarget(address, ws.settings().get(WorkflowSettings.TEMPORAL_NAMESPACE),
                ws.settings().get(WorkflowSettings.TEMPORAL_TASK_QUEUE));
    }

    /** The wards a workflow's ward input may name (id to English name), read once. */
    private static final Lazy WARDS = new Lazy(() -> {
        Map<String, String> out = new TreeMap<>();
        Gazetteer.tokyo().wards().forEach(p -> out.put(p.wardId(), p.wardEn()));
        return out;
    });

    /** The call scenarios (id to title) and the control room's crises a scenario input may name, read once. */
    private static final Lazy SCENARIOS = new Lazy(() -> {
        Map<String, String> out = new TreeMap<>();
        ScenarioLibrary.bundled().scenarios().forEach(sc -> out.put(sc.id(), sc.title()));
        Scenarios.names().forEach(n -> out.put(n, n));
        return out;
    });

    /** A map worked out on first use; a failure to read gives an empty map (any id then passes). */
    private static final class Lazy {
        private final java.util.function.Supplier<Map<String, String>> make;
        private volatile Map<String, String> value;

        Lazy(java.util.function.Supplier<Map<String, String>> make) {
            this.make = make;
        }

        Map<String, String> get() {
            Map<String, String> v = value;
            if (v == null) {
                try {
                    v = Map.copyOf(make.get());
                } catch (RuntimeException e) {
                    LoggerFactory.getLogger(WorkflowWiring.class).warn("Could not list wards or scenarios", e);
                    v = Map.of();
                }
                value = v;
            }
            return v;
        }
    }

    /** The AI gateway, built only when a workflow first asks the model (it takes half a second to load). */
    private record LazyChat(Workstation ws) implements ChatService {
        @Override
        public ChatReply chat(ChatRequest request, OfflineResponder offline) {
            return ws.ai().chat(request, offline);
        }

        @Override
        public StreamHandle stream(ChatRequest request, OfflineResponder offline, ChatListener listener) {
            return ws.ai().stream(request, offline, listener);
        }
    }
}
