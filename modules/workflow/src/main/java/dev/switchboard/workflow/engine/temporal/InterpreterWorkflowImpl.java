package dev.switchboard.workflow.engine.temporal;

import dev.switchboard.workflow.engine.Expressions;
import dev.switchboard.workflow.engine.Inputs;
import dev.switchboard.workflow.engine.TaskTypes;
import dev.switchboard.workflow.engine.WorkflowReader;
import dev.switchboard.workflow.model.RetryPolicy;
import dev.switchboard.workflow.model.TaskSpec;
import dev.switchboard.workflow.model.WorkflowDefinition;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Async;
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
 * timer), {@code wait} is a durable timer, everything else is {@link TaskActivities}. The definition's retry policy
 * becomes the activity's retry options (Temporal has no jitter; its backoff is exact) and its timeout the
 * start-to-close timeout. {@code onFailure}, {@code finally} and compensation run as in the embedded engine;
 * {@code subflow} is not offered on Temporal yet.
 */
public class InterpreterWorkflowImpl implements InterpreterWorkflow {

    private final TaskTypes types;
    private final Map<String, Map<String, Object>> decisions = new HashMap<>();
    private final Map<String, String> states = new LinkedHashMap<>();

    /** With the built-in task types. */
    public InterpreterWorkflowImpl() {
        this(TaskTypes.standard(List.of()));
    }

    /** With {@code types}, which must match the worker's activities. */
    public InterpreterWorkflowImpl(TaskTypes types) {
        this.types = types;
    }

    @Override
    public Map<String, Object> run(String yaml, Map<String, Object> given) {
        Expressions expressions = new Expressions();
        WorkflowReader.Result read = new WorkflowReader("temporal").read(yaml, types, expressions);
        WorkflowDefinition def = read.definition().orElseThrow(() -> ApplicationFailure.newNonRetryableFailure(
                "the definition does not read: " + read.problems(), "definition"));
        Map<String, Object> inputs = Inputs.unchecked().bind(def, given);
        Map<String, Object> outputs = new LinkedHashMap<>();
        String failure = runList(def, def.tasks(), inputs, outputs, expressions);
        if (failure != null) {
            compensate(def, inputs, outputs, expressions);
            runList(def, def.onFailure(), inputs, outputs, expressions);
        }
        runList(def, def.finallyTasks(), inputs, outputs, expressions);
        if (failure != null) {
            throw ApplicationFailure.newNonRetryableFailure("the run failed: " + failure, "failed");
        }
        return outputs;
    }

    /** Runs one list of tasks to its end; the first failure, or null. */
    private String runList(WorkflowDefinition def, List<TaskSpec> tasks, Map<String, Object> inputs,
                           Map<String, Object> outputs, Expressions expressions) {
        Map<String, Promise<Map<String, Object>>> running = new LinkedHashMap<>();
        List<TaskSpec> pending = new ArrayList<>(tasks);
        String failure = null;
        while (!pending.isEmpty() || !running.isEmpty()) {
            for (TaskSpec t : List.copyOf(pending)) {
                if (failure != null) {
                    pending.remove(t);
                    states.put(t.id(), "Skipped");
                    continue;
                }
                boolean blocked = false;
                boolean skip = false;
                for (String dep : t.dependsOn()) {
                    String s = states.get(dep);
                    if (s == null || s.equals("Running")) {
                        blocked = true;
                    } else if (!s.equals("Succeeded") && !s.equals("Skipped")) {
                        skip = true;
                    }
                }
                if (blocked && !skip) {
                    continue;
                }
                pending.remove(t);
                if (skip || t.when() != null && !expressions.test(t.when(), vars(def, inputs, outputs, null, -1))) {
                    states.put(t.id(), "Skipped");
                    continue;
                }
                if (running.size() >= def.concurrency()) {
                    pending.add(0, t);
                    break;
                }
                states.put(t.id(), "Running");
                running.put(t.id(), Async.function(() -> execute(def, t, inputs, outputs, expressions)));
            }
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
                } catch (RuntimeException e) {
                    states.put(id, "Failed");
                    failure = failure == null ? id + ": " + message(e) : failure;
                }
            }
        }
        return failure;
    }

    private Map<String, Object> execute(WorkflowDefinition def, TaskSpec t, Map<String, Object> inputs,
                                        Map<String, Object> outputs, Expressions expressions) {
        if (t.forEach() != null) {
            String text = t.forEach().items().strip();
            Object value = text.startsWith("${") ? expressions.resolve(text, vars(def, inputs, outputs, null, -1))
                    : expressions.evaluate(text, vars(def, inputs, outputs, null, -1));
            List<?> items = (List<?>) value;
            List<Object> results = new ArrayList<>();
            int limit = !t.forEach().parallel() ? 1 : t.forEach().concurrency() > 0 ? t.forEach().concurrency()
                    : def.concurrency();
            for (int start = 0; start < items.size(); start += limit) {
                List<Promise<Map<String, Object>>> batch = new ArrayList<>();
                for (int i = start; i < Math.min(items.size(), start + limit); i++) {
                    int index = i;
                    batch.add(Async.function(() -> once(def, t, t.id() + "[" + index + "]", inputs, outputs,
                            expressions, items.get(index), index)));
                }
                batch.forEach(p -> results.add(p.get()));
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("items", results);
            return out;
        }
        return once(def, t, t.id(), inputs, outputs, expressions, null, -1);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> once(WorkflowDefinition def, TaskSpec t, String key, Map<String, Object> inputs,
                                     Map<String, Object> outputs, Expressions expressions, Object item, int index) {
        Map<String, Object> params = (Map<String, Object>) expressions.resolve(t.with(),
                vars(def, inputs, outputs, item, index));
        switch (t.type()) {
            case "wait" -> {
                Object d = params.get("duration");
                Duration duration = d instanceof Number n ? Duration.ofMillis(n.longValue())
                        : dev.switchboard.workflow.engine.Durations.parse(String.valueOf(d));
                Workflow.sleep(duration);
                return Map.of("waitedMs", duration.toMillis());
            }
            case "approval" -> {
                Object deadline = params.get("deadline");
                states.put(key, "WaitingForApproval");
                boolean decided;
                if (deadline == null) {
                    Workflow.await(() -> decisions.containsKey(key));
                    decided = true;
                } else {
                    decided = Workflow.await(dev.switchboard.workflow.engine.Durations.parse(
                            String.valueOf(deadline)), () -> decisions.containsKey(key));
                    if (!decided && "escalate".equals(String.valueOf(params.getOrDefault("onDeadline", "escalate")))) {
                        // Escalated: the gate waits on, for an instructor this time.
                        states.put(key, "WaitingForApproval");
                        Workflow.await(() -> decisions.containsKey(key));
                        decided = true;
                    }
                }
                Map<String, Object> d = decided ? decisions.get(key) : Map.of("decision",
                        String.valueOf(params.getOrDefault("onDeadline", "reject")).equals("approve") ? "approve"
                                : "reject");
                boolean approved = "approve".equals(d.get("decision"));
                Map<String, Object> out = new LinkedHashMap<>((Map<String, Object>) d.getOrDefault("fields",
                        Map.of()));
                out.put("approved", approved);
                if (!approved && !"continue".equals(params.get("onReject"))) {
                    throw ApplicationFailure.newNonRetryableFailure("rejected", "rejected");
                }
                return out;
            }
            case "subflow" -> throw ApplicationFailure.newNonRetryableFailure("subflow is not offered on Temporal",
                    "error");
            default -> {
                TaskActivities activities = Workflow.newActivityStub(TaskActivities.class, options(t));
                try {
                    return activities.run(Workflow.getInfo().getWorkflowId(), key, t.type(), params, inputs, item,
                            t.retry().retryOn());
                } catch (ActivityFailure e) {
                    throw ApplicationFailure.newNonRetryableFailure(message(e), "failed");
                }
            }
        }
    }

    private void compensate(WorkflowDefinition def, Map<String, Object> inputs, Map<String, Object> outputs,
                            Expressions expressions) {
        List<TaskSpec> done = new ArrayList<>();
        for (TaskSpec t : def.tasks()) {
            if ("Succeeded".equals(states.get(t.id())) && t.compensate() != null) {
                done.add(0, t);
            }
        }
        for (TaskSpec t : done) {
            once(def, t.compensate(), "compensate:" + t.id(), inputs, outputs, expressions, null, -1);
            states.put(t.id(), "RolledBack");
        }
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
                .setStartToCloseTimeout(t.timeout() == null ? Duration.ofMinutes(30) : t.timeout())
                .setRetryOptions(retry.build())
                .build();
    }

    private Map<String, Object> vars(WorkflowDefinition def, Map<String, Object> inputs, Map<String, Object> outputs,
                                     Object item, int index) {
        Map<String, Object> tasks = new HashMap<>();
        for (TaskSpec t : def.allTasks().toList()) {
            Map<String, Object> one = new HashMap<>();
            one.put("state", states.getOrDefault(t.id(), "Created"));
            one.put("output", outputs.getOrDefault(t.id(), Map.of()));
            one.put("succeeded", "Succeeded".equals(states.get(t.id())));
            tasks.put(t.id(), one);
        }
        Map<String, Object> vars = new HashMap<>();
        vars.put("inputs", inputs);
        vars.put("tasks", tasks);
        vars.put("run", Map.of("id", Workflow.getInfo().getWorkflowId(), "workflow", def.id()));
        if (index >= 0) {
            vars.put("item", item);
            vars.put("index", index);
        }
        return vars;
    }

    private static String message(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    @Override
    public void decide(String taskKey, String decision, Map<String, Object> fields) {
        Map<String, Object> d = new HashMap<>();
        d.put("decision", decision);
        d.put("fields", fields == null ? Map.of() : fields);
        decisions.put(taskKey, d);
    }

    @Override
    public Map<String, String> states() {
        return Map.copyOf(states);
    }
}
