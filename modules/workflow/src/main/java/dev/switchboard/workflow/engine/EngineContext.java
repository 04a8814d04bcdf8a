package dev.switchboard.workflow.engine;

import dev.switchboard.core.event.EventBus;
import dev.switchboard.workflow.model.Progress;
import dev.switchboard.workflow.spi.TaskContext;
import dev.switchboard.workflow.spi.TaskResult;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** The {@link TaskContext} of one attempt: reads are fixed when the attempt starts; changes go through the run. */
final class EngineContext implements TaskContext {

    private final WorkflowEngine engine;
    private final RunInstance run;
    private final TaskSlot slot;
    private final long token;
    private final Map<String, Object> params;
    private final Map<String, Object> waitingDetail;
    private volatile boolean cancelled;

    EngineContext(WorkflowEngine engine, RunInstance run, TaskSlot slot, long token, Map<String, Object> params,
                  Map<String, Object> waitingDetail) {
        this.engine = engine;
        this.run = run;
        this.slot = slot;
        this.token = token;
        this.params = params;
        this.waitingDetail = waitingDetail;
    }

    @Override
    public String runId() {
        return run.id;
    }

    @Override
    public String taskKey() {
        return slot.key;
    }

    @Override
    public int attempt() {
        return slot.attempts;
    }

    @Override
    public Map<String, Object> params() {
        return params;
    }

    @Override
    public Map<String, Object> inputs() {
        return run.inputs;
    }

    @Override
    public Object item() {
        return slot.kind == TaskSlot.Kind.ITEM ? slot.detail.get("item") : null;
    }

    @Override
    public String startedBy() {
        return run.startedBy;
    }

    @Override
    public EventBus bus() {
        return engine.bus();
    }

    @Override
    public Instant now() {
        return engine.now();
    }

    @Override
    public <T> Optional<T> service(Class<T> type) {
        return engine.service(type);
    }

    @Override
    public void log(String line) {
        slot.addLog(line);
        engine.progress().publish(new Progress(run.id, Progress.Kind.LOG, slot.key, line, -1, engine.now()));
    }

    @Override
    public void progress(double fraction) {
        engine.progress().publish(new Progress(run.id, Progress.Kind.PROGRESS, slot.key, "",
                Math.max(0, Math.min(1, fraction)), engine.now()));
    }

    @Override
    public boolean cancelled() {
        return cancelled;
    }

    void cancel() {
        cancelled = true;
    }

    long token() {
        return token;
    }

    @Override
    public CompletionStage<Void> waitingForEvent(Map<String, Object> detail) {
        return engine.waitingForEvent(run, slot, token, detail);
    }

    @Override
    public Map<String, Object> waitingDetail() {
        return waitingDetail;
    }

    @Override
    public AutoCloseable at(Instant at, Runnable action) {
        return engine.clock().schedule(at, () -> {
            if (!cancelled) {
                engine.execute(action);
            }
        });
    }

    @Override
    public boolean test(String expression, Map<String, Object> vars) {
        Map<String, Object> all;
        synchronized (run) {
            all = new java.util.HashMap<>(run.vars(item(), -1));
        }
        all.putAll(vars);
        return engine.expressions().test(expression, all);
    }

    @Override
    public void linkSession(String sessionId) {
        engine.link(run.id, sessionId, slot.key);
        engine.linked(run, sessionId);
    }

    @Override
    public CompletionStage<TaskResult> awaitApproval(ApprovalRequest request) {
        return engine.awaitApproval(run, slot, token, request);
    }

    @Override
    public CompletionStage<TaskResult> subflow(String workflowId, Map<String, Object> inputs) {
        return engine.subflow(run, slot, token, workflowId, inputs);
    }
}
