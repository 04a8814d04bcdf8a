package dev.switchboard.workflow.engine.tasks;

import dev.switchboard.core.event.Subscription;
import dev.switchboard.core.exercise.CallRequested;
import dev.switchboard.core.exercise.CrisisRequested;
import dev.switchboard.core.exercise.IncidentRequested;
import dev.switchboard.core.exercise.RequestHandled;
import dev.switchboard.workflow.spi.TaskContext;
import dev.switchboard.workflow.spi.TaskResult;
import dev.switchboard.workflow.spi.TaskType;
import dev.switchboard.workflow.spi.TaskTypeInfo;
import dev.switchboard.workflow.spi.TaskTypeInfo.Param;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A request to another capability through the bus (ring a call, start a crisis, open an incident), repeated every
 * few seconds until the capability answers with {@link RequestHandled}: the control room or the call console may
 * not be open yet, and the bus keeps nothing. The request id is stored, so after a restart the same request is
 * posted again (the console that would have taken it stopped with the program). Not idempotent: a task stopped
 * between posting and storing its wait is interrupted for a person to decide.
 */
abstract class ExerciseRequestTask implements TaskType {

    static final Duration REPEAT = Duration.ofSeconds(5);

    /** The request to post for {@code requestId}. */
    abstract Object request(TaskContext ctx, String requestId);

    @Override
    public CompletionStage<TaskResult> start(TaskContext ctx) {
        Map<String, Object> before = ctx.waitingDetail();
        String requestId = before.get("requestId") instanceof String s ? s : ctx.runId() + "/" + ctx.taskKey() + "/"
                + ctx.attempt();
        Object request;
        try {
            request = request(ctx, requestId);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(TaskResult.failure("error", e.getMessage()));
        }
        CompletableFuture<TaskResult> done = new CompletableFuture<>();
        AtomicReference<Subscription> sub = new AtomicReference<>();
        sub.set(ctx.bus().subscribe(RequestHandled.class, handled -> {
            if (!handled.requestId().equals(requestId) || done.isDone()) {
                return;
            }
            if (handled.accepted()) {
                if (!handled.sessionId().isEmpty()) {
                    ctx.linkSession(handled.sessionId());
                }
                ctx.log(handled.message());
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("session", handled.sessionId());
                out.put("message", handled.message());
                done.complete(TaskResult.success(out));
            } else {
                done.complete(TaskResult.failure("refused", handled.message()));
            }
        }));
        ctx.waitingForEvent(Map.of("requestId", requestId)).thenRun(() -> post(ctx, request, done));
        return done.whenComplete((r, e) -> sub.get().close());
    }

    private static void post(TaskContext ctx, Object request, CompletableFuture<TaskResult> done) {
        if (done.isDone() || ctx.cancelled()) {
            return;
        }
        ctx.bus().publish(request);
        ctx.at(ctx.now().plus(REPEAT), () -> post(ctx, request, done));
    }

    /** {@code call.ring}: rings a call of a scenario on the trainee's call console. */
    static final class CallRing extends ExerciseRequestTask {
        @Override
        public String name() {
            return "call.ring";
        }

        @Override
        public TaskTypeInfo info() {
            return new TaskTypeInfo("Ring a call", "Rings a call of a scenario on the trainee's call console.",
                    List.of(Param.required("scenario", "text", "The call scenario's id, e.g. fire-gas-leak"),
                            Param.optional("trainee", "text", "Whose console; default the run's trainee")), false,
                    false);
        }

        @Override
        Object request(TaskContext ctx, String requestId) {
            String trainee = BuiltInTasks.text(ctx.params().get("trainee"), BuiltInTasks.text(ctx.inputs()
                    .get("trainee"), ""));
            return new CallRequested(requestId, ctx.runId(), BuiltInTasks.text(ctx.params().get("scenario"), ""),
                    trainee);
        }
    }

    /** {@code city.scenario}: starts a scripted crisis in the control room. */
    static final class CityScenario extends ExerciseRequestTask {
        @Override
        public String name() {
            return "city.scenario";
        }

        @Override
        public TaskTypeInfo info() {
            return new TaskTypeInfo("Start a crisis", "Starts a scripted crisis in the control room.",
                    List.of(Param.required("scenario", "text", "earthquake, gang-violence or expressway-pileup"),
                            Param.optional("seed", "number", "The simulation's seed")), false, false);
        }

        @Override
        Object request(TaskContext ctx, String requestId) {
            return new CrisisRequested(requestId, ctx.runId(), BuiltInTasks.text(ctx.params().get("scenario"), ""),
                    BuiltInTasks.number(ctx.params().get("seed"), 42));
        }
    }

    /** {@code city.incident}: opens an incident in the running control room. */
    static final class CityIncident extends ExerciseRequestTask {
        static final List<String> KINDS = List.of("fire", "violence", "weapon", "accident", "earthquake", "medical",
                "general");

        @Override
        public String name() {
            return "city.incident";
        }

        @Override
        public TaskTypeInfo info() {
            return new TaskTypeInfo("Inject an incident", "Opens an incident in the running control room.",
                    List.of(new Param("kind", "choice", true, "What happened", KINDS),
                            Param.required("ward", "text", "The ward's id, e.g. shibuya"),
                            Param.optional("priority", "number", "1 (highest) to 5; default 2"),
                            Param.optional("title", "text", "The incident's title")), false, false);
        }

        @Override
        public List<String> check(Map<String, Object> with) {
            List<String> out = new ArrayList<>(super.check(with));
            Object kind = with.get("kind");
            if (kind != null && !KINDS.contains(kind.toString()) && !"${…}".equals(kind)) {
                out.add("kind: '" + kind + "' is not one of " + String.join(", ", KINDS));
            }
            return out;
        }

        @Override
        Object request(TaskContext ctx, String requestId) {
            int priority = (int) BuiltInTasks.number(ctx.params().get("priority"), 2);
            return new IncidentRequested(requestId, ctx.runId(), BuiltInTasks.text(ctx.params().get("kind"),
                    "general"), BuiltInTasks.text(ctx.params().get("ward"), ""), priority,
                    BuiltInTasks.text(ctx.params().get("title"), ""));
        }
    }
}
