package dev.switchboard.workflow.engine.temporal;

import dev.switchboard.core.text.Counts;
import dev.switchboard.workflow.engine.Durations;
import dev.switchboard.workflow.engine.Expressions;
import dev.switchboard.workflow.engine.Inputs;
import dev.switchboard.workflow.engine.TaskTypes;
import dev.switchboard.workflow.engine.WorkflowReader;
import dev.switchboard.workflow.model.RetryPolicy;
import dev.switchboard.workflow.model.TaskSpec;
import dev.switchboard.workflow.model.WorkflowDefinition;
import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.failure.TimeoutFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks a definition's DAG inside Temporal's deterministic workflow code: ready tasks start as activities in
 * parallel (up to the workflow's concurrency), {@code approval} waits for a signal (with its deadline as a durable
 * timer), {@code wait} is a durable timer, {@code subflow} a child workflow of the same interpreter, everything else
 * is {@link TaskActivities}. The definition's retry policy becomes the activity's retry options (Temporal has no
 * jitter; its backoff is exact) and its timeout the start-to-close timeout. {@code onFailure}, {@code finally} and
 * compensation run as in the embedded engine. Each step is reported to the {@link RunRecorder} (a local activity) so
 * the workstation's store mirrors the run.
 */
public class InterpreterWorkflowImpl implements InterpreterWorkflow {

    private static final LocalActivityOptions RECORD = LocalActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(30)).build();
    private static final ActivityOptions LOOKUP = ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(30))
            .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(3).build()).build();
    /** How long an attempt without a timeout of its own may take (a call that rings until answered). */
    static final Duration LONGEST_ATTEMPT = Duration.ofHours(24);
    /** Without a heartbeat for this long, an attempt's worker is taken for gone and the attempt runs elsewhere. */
    static final Duration HEARTBEAT = Duration.ofMinutes(1);

    private final TaskTypes types;
    private final Map<String, Map<String, Object>> decisions = new HashMap<>();
    private final Map<String, String> states = new LinkedHashMap<>();
    private final Map<String, String> errors = new HashMap<>();
    private final List<String> finishOrder = new ArrayList<>();
    private String runId;
    private Map<String, String> meta = Map.of();
    private RunRecorder recorder;
    private String runState = "";

    /** With the built-in task types. */
    public InterpreterWorkflowImpl() {
        this(TaskTypes.standard(List.of()));
    }

    /** With {@code types}, which must match the worker's activities. */
    public InterpreterWorkflowImpl(TaskTypes types) {
        this.types = types;
    }

    @Override
    public Map<String, Object> run(String yaml, Map<String, Object> given, Map<String, String> meta) {
        this.runId = Workflow.getInfo().getWorkflowId();
        this.meta = meta == null ? Map.of() : meta;
        this.recorder = Workflow.newLocalActivityStub(RunRecorder.class, RECORD);
        Expressions expressions = new Expressions();
        WorkflowReader.Result read = new WorkflowReader(this.meta.getOrDefault("file", "temporal")).read(yaml, types,
                expressions);
        if (read.definition().isEmpty()) {
            String why = "the definition does not read: " + read.problems();
            recorder.state(runId, "Failed", why, now());
            throw ApplicationFailure.newNonRetryableFailure(why, "definition");
        }
        WorkflowDefinition def = read.definition().get();
        Map<String, Object> inputs;
        try {
            inputs = Inputs.unchecked().bind(def, given == null ? Map.of() : given);
        } catch (RuntimeException e) {
            String why = "inputs: " + e.getMessage();
            recorder.state(runId, "Failed", why, now());
            throw ApplicationFailure.newNonRetryableFailure(why, "error");
        }
        recorder.started(runId, yaml, inputs, this.meta, now());
        Walk walk = new Walk(def, inputs, new LinkedHashMap<>(), expressions);
        String failure = null;
        String end;
        try {
            failure = walk.list(def.tasks());
            boolean rolledBack = false;
            if (failure != null) {
                rolledBack = walk.compensate();
                if (!rolledBack && walk.compensationFailure != null) {
                    failure = walk.compensationFailure;
                }
                walk.list(def.onFailure());
            }
            walk.list(def.finallyTasks());
            end = failure == null ? "Succeeded" : rolledBack ? "RolledBack" : "Failed";
        } catch (RuntimeException e) {
            if (!cancelled(e)) {
                throw e;
            }
            Workflow.newDetachedCancellationScope(() -> {
                walk.list(def.finallyTasks().stream().filter(t -> !states.containsKey(t.id())).toList());
                recorder.state(runId, "Cancelled", "cancelled", now());
            }).run();
            throw e;
        }
        recorder.state(runId, end, failure, now());
        if (failure != null) {
            throw ApplicationFailure.newNonRetryableFailure("the run failed: " + failure, "failed");
        }
        return walk.outputs;
    }

    /** One pass over a run's definition: what has run and its outputs. */
    private final class Walk {
        final WorkflowDefinition def;
        final Map<String, Object> inputs;
        final Map<String, Object> outputs;
        final Expressions expressions;
        String compensationFailure;

        Walk(WorkflowDefinition def, Map<String, Object> inputs, Map<String, Object> outputs, Expressions expressions) {
            this.def = def;
            this.inputs = inputs;
            this.outputs = outputs;
            this.expressions = expressions;
        }

        /** Runs one list of tasks to its end; the first failure, or null. */
        String list(List<TaskSpec> tasks) {
            Map<String, Promise<Map<String, Object>>> running = new LinkedHashMap<>();
            List<TaskSpec> pending = new ArrayList<>(tasks);
            String failure = null;
            while (!pending.isEmpty() || !running.isEmpty()) {
                for (TaskSpec t : List.copyOf(pending)) {
                    if (failure != null) {
                        pending.remove(t);
                        skip(t, "not run: the run failed");
                        continue;
                    }
                    boolean blocked = false;
                    boolean depFailed = false;
                    for (String dep : t.dependsOn()) {
                        String s = states.get(dep);
                        if (s == null || s.equals("Running") || s.equals("WaitingForApproval")) {
                            blocked = true;
                        } else if (!s.equals("Succeeded") && !s.equals("Skipped") && !s.equals("RolledBack")) {
                            depFailed = true;
                        }
                    }
                    if (blocked && !depFailed) {
                        continue;
                    }
                    pending.remove(t);
                    if (depFailed) {
                        skip(t, "not run: a task it depends on did not succeed");
                        continue;
                    }
                    if (t.when() != null) {
                        boolean go;
                        try {
                            go = expressions.test(t.when(), vars(null, -1));
                        } catch (RuntimeException e) {
                            fail(t.id(), t.id(), "when: " + e.getMessage(), "Failed", now());
                            failure = t.id() + ": when: " + e.getMessage();
                            continue;
                        }
                        if (!go) {
                            skip(t, "skipped: '" + t.when() + "' was false");
                            continue;
                        }
                    }
                    if (running.size() >= def.concurrency()) {
                        pending.add(0, t);
                        break;
                    }
                    states.put(t.id(), "Running");
                    running.put(t.id(), Async.function(() -> execute(t)));
                }
                updateRunState();
                if (running.isEmpty()) {
                    break;
                }
                Promise.anyOf(running.values()).get();
                for (String id : List.copyOf(running.keySet())) {
                    Promise<Map<String, Object>> p = running.get(id);
                    if (!p.isCompleted()) {
                        continue;
                    }
                    running.remove(id);
                    try {
                        outputs.put(id, p.get());
                        states.put(id, "Succeeded");
                        finishOrder.add(id);
                    } catch (RuntimeException e) {
                        if (cancelled(e)) {
                            throw e;
                        }
                        if (!states.get(id).equals("TimedOut")) {
                            states.put(id, "Failed");
                        }
                        failure = failure == null ? id + ": " + message(e) : failure;
                    }
                }
            }
            updateRunState();
            return failure;
        }

        private void skip(TaskSpec t, String why) {
            states.put(t.id(), "Skipped");
            errors.put(t.id(), why);
            row(t.id(), t.id(), "Skipped", 0, null, now(), null, why, null);
        }

        Map<String, Object> execute(TaskSpec t) {
            if (t.forEach() == null) {
                return once(t, t.id(), null, -1);
            }
            long started = now();
            row(t.id(), t.id(), "Running", 1, started, null, null, null, null);
            List<?> items;
            try {
                String text = t.forEach().items().strip();
                Object value = text.startsWith("${") ? expressions.resolve(text, vars(null, -1))
                        : expressions.evaluate(text, vars(null, -1));
                if (!(value instanceof List<?> list)) {
                    throw new IllegalArgumentException("forEach.items gave " + value + ", not a list");
                }
                items = list;
            } catch (RuntimeException e) {
                throw fail(t.id(), t.id(), "forEach: " + e.getMessage(), "Failed", started);
            }
            history(t.id(), "for each of " + Counts.of(items.size(), "item", "items"));
            List<Object> results = new ArrayList<>();
            String bad = null;
            int limit = !t.forEach().parallel() ? 1 : t.forEach().concurrency() > 0 ? t.forEach().concurrency()
                    : def.concurrency();
            for (int start = 0; start < items.size(); start += limit) {
                List<Promise<Map<String, Object>>> batch = new ArrayList<>();
                for (int i = start; i < Math.min(items.size(), start + limit); i++) {
                    int index = i;
                    batch.add(Async.function(() -> once(t, t.id() + "[" + index + "]", items.get(index), index)));
                }
                for (Promise<Map<String, Object>> p : batch) {
                    try {
                        results.add(p.get());
                    } catch (RuntimeException e) {
                        if (cancelled(e)) {
                            throw e;
                        }
                        bad = bad == null ? message(e) : bad;
                    }
                }
            }
            if (bad != null) {
                throw fail(t.id(), t.id(), bad, "Failed", started);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("items", results);
            row(t.id(), t.id(), "Succeeded", 1, started, now(), out, null, null);
            history(t.id(), "succeeded for all " + Counts.of(items.size(), "item", "items"));
            return out;
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> once(TaskSpec t, String key, Object item, int index) {
            long started = now();
            row(key, t.id(), "Running", 1, started, null, null, null, null);
            Map<String, Object> params;
            try {
                params = (Map<String, Object>) expressions.resolve(t.with(), vars(item, index));
            } catch (RuntimeException e) {
                throw fail(key, t.id(), "parameters: " + e.getMessage(), "Failed", started);
            }
            Map<String, Object> out;
            try {
                out = switch (t.type()) {
                    case "wait" -> {
                        if ("sim".equals(params.get("clock"))) {
                            throw ApplicationFailure.newNonRetryableFailure("waits in simulated time are not offered"
                                    + " on Temporal", "error");
                        }
                        Object d = params.get("duration");
                        Duration duration = d instanceof Number n ? Duration.ofMillis(n.longValue())
                                : Durations.parse(String.valueOf(d));
                        Workflow.sleep(duration);
                        yield Map.of("waitedMs", duration.toMillis());
                    }
                    case "approval" -> gate(key, t.id(), params, started);
                    case "subflow" -> subflow(key, t.id(), params, started);
                    default -> {
                        TaskActivities activities = Workflow.newActivityStub(TaskActivities.class, options(t));
                        yield activities.run(runId, key, t.type(), params, inputs, item, t.retry().retryOn());
                    }
                };
            } catch (RuntimeException e) {
                if (cancelled(e)) {
                    throw e;
                }
                boolean timeout = e instanceof ActivityFailure a && a.getCause() instanceof TimeoutFailure;
                String why = timeout ? "took longer than " + (t.timeout() == null ? Durations.format(LONGEST_ATTEMPT)
                        : Durations.format(t.timeout())) : message(e);
                if (timeout && key.equals(t.id())) {
                    states.put(key, "TimedOut");
                }
                throw fail(key, t.id(), why, timeout ? "TimedOut" : "Failed", started);
            }
            if (out == null) {
                out = Map.of();
            }
            row(key, t.id(), "Succeeded", 1, started, now(), out, null, null);
            return out;
        }

        private Map<String, Object> gate(String key, String taskId, Map<String, Object> params, long started) {
            List<Object> form = params.get("form") instanceof List<?> l ? new ArrayList<>(l) : List.of();
            List<String> roles = params.get("roles") instanceof List<?> r ? r.stream().map(String::valueOf).toList()
                    : List.of("SUPERVISOR", "INSTRUCTOR");
            Duration deadline = params.get("deadline") == null ? null : Durations.parse(String.valueOf(
                    params.get("deadline")));
            String onDeadline = String.valueOf(params.getOrDefault("onDeadline", "escalate"));
            String onReject = String.valueOf(params.getOrDefault("onReject", "fail"));
            Map<String, Object> gate = new LinkedHashMap<>();
            gate.put("title", String.valueOf(params.getOrDefault("title", key)));
            gate.put("message", String.valueOf(params.getOrDefault("message", "")));
            gate.put("form", form);
            gate.put("roles", roles);
            gate.put("since", started);
            if (deadline != null) {
                gate.put("deadline", started + deadline.toMillis());
            }
            gate.put("onDeadline", onDeadline);
            gate.put("onReject", onReject);
            states.put(key, "WaitingForApproval");
            row(key, taskId, "WaitingForApproval", 1, started, null, null, null, Map.of("gate", gate));
            history(key, "waiting for approval by " + String.join(" or ", roles));
            updateRunState();
            Map<String, Object> d;
            if (deadline == null || Workflow.await(deadline, () -> decisions.containsKey(key))) {
                Workflow.await(() -> decisions.containsKey(key));
                d = decisions.get(key);
            } else if (onDeadline.equals("approve") || onDeadline.equals("reject")) {
                d = Map.of("decision", onDeadline, "fields", Map.of(), "decidedBy", "deadline", "comment",
                        "the deadline passed");
                history(key, (onDeadline.equals("approve") ? "approved" : "rejected") + ": the deadline passed");
            } else {
                gate.put("roles", List.of("INSTRUCTOR"));
                gate.remove("deadline");
                gate.put("escalated", true);
                row(key, taskId, "WaitingForApproval", 1, started, null, null, null, Map.of("gate", gate));
                recorderHistory("deadline", key, "the deadline passed: escalated to instructors");
                Workflow.await(() -> decisions.containsKey(key));
                d = decisions.get(key);
            }
            states.put(key, "Running");
            boolean approved = "approve".equals(d.get("decision"));
            @SuppressWarnings("unchecked")
            Map<String, Object> out = new LinkedHashMap<>((Map<String, Object>) d.getOrDefault("fields", Map.of()));
            out.put("approved", approved);
            out.put("decidedBy", String.valueOf(d.get("decidedBy")));
            out.put("comment", d.get("comment") == null ? "" : String.valueOf(d.get("comment")));
            if (!approved && !"continue".equals(onReject)) {
                String comment = String.valueOf(out.get("comment"));
                throw ApplicationFailure.newNonRetryableFailure("rejected by " + out.get("decidedBy")
                        + (comment.isBlank() ? "" : ": " + comment), "rejected");
            }
            return out;
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> subflow(String key, String taskId, Map<String, Object> params, long started) {
            String workflowId = String.valueOf(params.getOrDefault("workflow", ""));
            Map<String, Object> childInputs = params.get("inputs") instanceof Map<?, ?> m
                    ? new LinkedHashMap<>((Map<String, Object>) m) : Map.of();
            String yaml;
            try {
                yaml = Workflow.newActivityStub(TaskActivities.class, LOOKUP).definition(workflowId);
            } catch (ActivityFailure e) {
                throw ApplicationFailure.newNonRetryableFailure(message(e), "error");
            }
            String childId = runId + "." + key.replaceAll("[^A-Za-z0-9_-]", "_");
            row(key, taskId, "Running", 1, started, null, null, null, Map.of("childRun", childId));
            history(key, "started subflow " + workflowId + " as run " + childId);
            Map<String, String> childMeta = new HashMap<>();
            childMeta.put("startedBy", meta.getOrDefault("startedBy", "temporal"));
            if (meta.get("trainee") != null) {
                childMeta.put("trainee", meta.get("trainee"));
            }
            childMeta.put("parentRun", runId);
            childMeta.put("parentTask", key);
            childMeta.put("file", workflowId);
            InterpreterWorkflow child = Workflow.newChildWorkflowStub(InterpreterWorkflow.class,
                    ChildWorkflowOptions.newBuilder().setWorkflowId(childId).build());
            Map<String, Object> childOutputs;
            try {
                childOutputs = child.run(yaml, childInputs, childMeta);
            } catch (ChildWorkflowFailure e) {
                if (cancelled(e)) {
                    throw e;
                }
                throw ApplicationFailure.newNonRetryableFailure("subflow run " + childId + " ended Failed: "
                        + message(e), "error");
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("run", childId);
            out.put("state", "Succeeded");
            out.put("outputs", childOutputs);
            return out;
        }

        /** Rolls back the succeeded tasks that have a compensating step, newest first; true when all did. */
        boolean compensate() {
            List<TaskSpec> done = new ArrayList<>();
            for (String id : finishOrder) {
                def.tasks().stream().filter(t -> t.id().equals(id) && t.compensate() != null).findFirst()
                        .ifPresent(t -> done.add(0, t));
            }
            if (done.isEmpty()) {
                return false;
            }
            history("", "rolling back " + done.size() + " task(s), newest first");
            updateRunStateTo("Compensating");
            for (TaskSpec t : done) {
                try {
                    once(t.compensate(), "compensate:" + t.id(), null, -1);
                } catch (RuntimeException e) {
                    if (cancelled(e)) {
                        throw e;
                    }
                    compensationFailure = "rolling back " + t.id() + " failed: " + message(e);
                    return false;
                }
                states.put(t.id(), "RolledBack");
                row(t.id(), t.id(), "RolledBack", 1, null, now(), outputs.get(t.id()), null, null);
                history(t.id(), "rolled back");
            }
            return true;
        }

        /** What expressions see, as in the embedded engine. */
        Map<String, Object> vars(Object item, int index) {
            Map<String, Object> tasks = new HashMap<>();
            for (TaskSpec t : def.allTasks().toList()) {
                Map<String, Object> one = new HashMap<>();
                String state = states.getOrDefault(t.id(), "Created");
                one.put("state", state);
                one.put("output", outputs.getOrDefault(t.id(), Map.of()));
                one.put("succeeded", "Succeeded".equals(state));
                one.put("attempts", states.containsKey(t.id()) && !"Skipped".equals(state) ? 1 : 0);
                one.put("error", errors.getOrDefault(t.id(), ""));
                tasks.put(t.id(), one);
            }
            Map<String, Object> run = new HashMap<>();
            run.put("id", runId);
            run.put("workflow", def.id());
            run.put("startedBy", meta.getOrDefault("startedBy", "temporal"));
            run.put("trainee", meta.getOrDefault("trainee", ""));
            run.put("error", "");
            Map<String, Object> vars = new HashMap<>();
            vars.put("inputs", inputs);
            vars.put("tasks", tasks);
            vars.put("run", run);
            if (index >= 0) {
                vars.put("item", item);
                vars.put("index", index);
            }
            return vars;
        }
    }

    // ---- reporting

    private ApplicationFailure fail(String key, String taskId, String why, String state, long started) {
        errors.put(taskId, why);
        row(key, taskId, state, 1, started, now(), null, why, null);
        history(key, state.equals("TimedOut") ? "timed out: " + why : "failed: " + why);
        return ApplicationFailure.newNonRetryableFailure(why, state.equals("TimedOut") ? "timeout" : "error");
    }

    private void row(String key, String taskId, String state, int attempts, Long startedAt, Long endedAt,
                     Object output, String error, Map<String, Object> detail) {
        Map<String, Object> row = new HashMap<>();
        row.put("key", key);
        row.put("taskId", taskId);
        row.put("state", state);
        row.put("attempts", attempts);
        row.put("startedAt", startedAt);
        row.put("endedAt", endedAt);
        row.put("output", output);
        row.put("error", error);
        row.put("detail", detail);
        recorder.task(runId, row);
    }

    private void history(String key, String what) {
        recorderHistory("engine", key, what);
    }

    private void recorderHistory(String actor, String key, String what) {
        recorder.history(runId, now(), actor, key, what);
    }

    private void updateRunState() {
        boolean running = states.values().stream().anyMatch("Running"::equals);
        boolean gate = states.values().stream().anyMatch("WaitingForApproval"::equals);
        updateRunStateTo(running || !gate ? "Running" : "WaitingForApproval");
    }

    private void updateRunStateTo(String state) {
        if (!state.equals(runState)) {
            runState = state;
            recorder.state(runId, state, null, null);
        }
    }

    private static long now() {
        return Workflow.currentTimeMillis();
    }

    static ActivityOptions options(TaskSpec t) {
        RetryPolicy r = t.retry();
        RetryOptions.Builder retry = RetryOptions.newBuilder().setMaximumAttempts(r.maxAttempts())
                .setBackoffCoefficient(Math.max(1.0, r.multiplier()));
        if (!r.initialDelay().isZero()) {
            retry.setInitialInterval(r.initialDelay());
        }
        if (!r.maxDelay().isZero() && r.maxDelay().compareTo(r.initialDelay()) >= 0) {
            retry.setMaximumInterval(r.maxDelay());
        }
        return ActivityOptions.newBuilder()
                .setStartToCloseTimeout(t.timeout() == null ? LONGEST_ATTEMPT : t.timeout())
                .setHeartbeatTimeout(HEARTBEAT)
                .setRetryOptions(retry.build())
                .build();
    }

    private static boolean cancelled(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CanceledFailure) {
                return true;
            }
        }
        return false;
    }

    /** The innermost failure's own words. */
    static String message(Throwable e) {
        String out = e.getMessage();
        for (Throwable t = e; t != null; t = t.getCause()) {
            out = t instanceof TemporalFailure f ? f.getOriginalMessage() : t.getMessage();
        }
        return out == null ? e.getClass().getSimpleName() : out;
    }

    @Override
    public void decide(String taskKey, String decision, Map<String, Object> fields, String decidedBy,
                       String comment) {
        Map<String, Object> d = new HashMap<>();
        d.put("decision", decision);
        d.put("fields", fields == null ? Map.of() : fields);
        d.put("decidedBy", decidedBy == null ? "" : decidedBy);
        d.put("comment", comment == null ? "" : comment);
        decisions.put(taskKey, d);
    }

    @Override
    public Map<String, String> states() {
        return Map.copyOf(states);
    }
}
