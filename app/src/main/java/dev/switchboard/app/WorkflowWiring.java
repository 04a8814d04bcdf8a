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
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Builds the workstation's {@link Workflows} from its services; kept apart so {@link Workstation} stays short. */
final class WorkflowWiring {

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
                List.of(ws.dataDir().root().resolve("workflows")), services, Inputs.unchecked(), recorder, List.of(),
                null, null));
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
