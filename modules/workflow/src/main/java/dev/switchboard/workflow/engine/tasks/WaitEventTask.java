package dev.switchboard.workflow.engine.tasks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.switchboard.core.event.Subscription;
import dev.switchboard.core.exercise.ExerciseNotice;
import dev.switchboard.core.exercise.RequestHandled;
import dev.switchboard.core.incident.DispatchOrdered;
import dev.switchboard.core.incident.IncidentCreated;
import dev.switchboard.core.incident.ResponseUpdated;
import dev.switchboard.workflow.spi.TaskContext;
import dev.switchboard.workflow.spi.TaskResult;
import dev.switchboard.workflow.spi.TaskType;
import dev.switchboard.workflow.spi.TaskTypeInfo;
import dev.switchboard.workflow.spi.TaskTypeInfo.Param;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Waits for a domain event on the bus that passes a condition, e.g. "the trainee sent fire", from the control room's
 * screen or the call console: {@code event: dispatch.ordered, where: "event.unitType == 'FIRE'", timeout: 3m}. At
 * the timeout it fails, or with {@code onTimeout: continue} succeeds with {@code matched: false} so a later task
 * can branch on it. The
 * deadline is stored, so a restart waits only for what is left; events that came while the program was stopped
 * are not seen.
 */
final class WaitEventTask implements TaskType {

    /** The events a workflow can wait for, by the name used in YAML. */
    static final Map<String, Class<?>> EVENTS = Map.of(
            "dispatch.ordered", DispatchOrdered.class,
            "incident.created", IncidentCreated.class,
            "response.updated", ResponseUpdated.class,
            "request.handled", RequestHandled.class,
            "notice", ExerciseNotice.class);

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Override
    public String name() {
        return "wait.event";
    }

    @Override
    public TaskTypeInfo info() {
        return new TaskTypeInfo("Wait for an event", "Waits for an event on the bus that passes a condition.",
                List.of(new Param("event", "choice", true, "Which event", List.copyOf(new java.util.TreeSet<>(
                                EVENTS.keySet()))),
                        Param.optional("where", "expression",
                                "A condition over event, e.g. event.natureCode =^ 'FIRE'"),
                        Param.optional("timeout", "duration", "How long to wait, e.g. 3m"),
                        new Param("onTimeout", "choice", false, "fail (default) or continue",
                                List.of("fail", "continue"))), true, false);
    }

    @Override
    public List<String> check(Map<String, Object> with) {
        List<String> out = new ArrayList<>(info().checkRequired(with));
        Object event = with.get("event");
        if (event != null && !EVENTS.containsKey(event.toString()) && !"${…}".equals(event)) {
            out.add("event: '" + event + "' is not an event a workflow can wait for (known: "
                    + String.join(", ", new java.util.TreeSet<>(EVENTS.keySet())) + ")");
        }
        Object onTimeout = with.get("onTimeout");
        if (onTimeout != null && !List.of("fail", "continue").contains(onTimeout.toString())) {
            out.add("onTimeout: must be fail or continue");
        }
        return out;
    }

    @Override
    public CompletionStage<TaskResult> start(TaskContext ctx) {
        String name = BuiltInTasks.text(ctx.params().get("event"), "");
        Class<?> type = EVENTS.get(name);
        if (type == null) {
            return CompletableFuture.completedFuture(TaskResult.failure("error", "unknown event '" + name + "'"));
        }
        String where = BuiltInTasks.text(ctx.params().get("where"), "");
        Duration timeout = BuiltInTasks.duration(ctx.params().get("timeout"), null);
        boolean continueOnTimeout = "continue".equals(ctx.params().get("onTimeout"));
        Map<String, Object> before = ctx.waitingDetail();
        Instant since = before.get("since") instanceof Number n ? Instant.ofEpochMilli(n.longValue()) : ctx.now();
        Instant deadline = timeout == null ? null : since.plus(timeout);
        CompletableFuture<TaskResult> done = new CompletableFuture<>();
        AtomicReference<Subscription> subscription = new AtomicReference<>();
        AtomicReference<AutoCloseable> timer = new AtomicReference<>();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("event", name);
        detail.put("since", since.toEpochMilli());
        if (deadline != null) {
            detail.put("deadline", deadline.toEpochMilli());
        }
        subscription.set(ctx.bus().subscribe(type, event -> {
            if (done.isDone()) {
                return;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = MAPPER.convertValue(event, LinkedHashMap.class);
            boolean matches;
            try {
                matches = where.isBlank() || ctx.test(where, Map.of("event", fields));
            } catch (RuntimeException e) {
                ctx.log("condition failed on an event: " + e.getMessage());
                matches = false;
            }
            if (matches) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("matched", true);
                out.put("event", fields);
                out.put("waitedMs", Duration.between(since, ctx.now()).toMillis());
                done.complete(TaskResult.success(out));
            }
        }));
        ctx.waitingForEvent(detail).thenRun(() -> {
            if (deadline != null) {
                timer.set(ctx.at(deadline, () -> {
                    String what = "no " + name + " event" + (where.isBlank() ? "" : " where " + where) + " within "
                            + dev.switchboard.workflow.engine.Durations.format(timeout);
                    ctx.log(what);
                    done.complete(continueOnTimeout ? TaskResult.success(Map.of("matched", false, "waitedMs",
                            timeout.toMillis())) : TaskResult.failure("timeout", what));
                }));
            }
        });
        return done.whenComplete((r, e) -> {
            Subscription s = subscription.get();
            if (s != null) {
                s.close();
            }
            AutoCloseable t = timer.get();
            if (t != null) {
                try {
                    t.close();
                } catch (Exception ignored) {
                    // Already ran.
                }
            }
        });
    }
}
