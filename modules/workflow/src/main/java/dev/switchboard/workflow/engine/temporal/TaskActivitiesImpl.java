package dev.switchboard.workflow.engine.temporal;

import dev.switchboard.core.event.EventBus;
import dev.switchboard.store.Database;
import dev.switchboard.workflow.engine.TaskTypes;
import dev.switchboard.workflow.model.WorkflowDefinition;
import dev.switchboard.workflow.spi.TaskContext;
import dev.switchboard.workflow.spi.TaskResult;
import dev.switchboard.workflow.spi.TaskType;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.failure.ApplicationFailure;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The task types as Temporal activities: one attempt of a task runs here with a {@link TaskContext} that has the
 * bus and the services, waits on the worker's own timers and logs to the worker's log. A type's store effect is
 * written in its own transaction after it succeeds (Temporal keeps no Switchboard store). Failures whose kind the
 * task's {@code retryOn} does not name are not retried.
 */
public final class TaskActivitiesImpl implements TaskActivities {

    private static final Logger LOG = LoggerFactory.getLogger(TaskActivitiesImpl.class);

    /** How often a running attempt tells Temporal its worker is alive. */
    private static final long HEARTBEAT_MILLIS = 10_000;

    private final TaskTypes types;
    private final EventBus bus;
    private final Map<Class<?>, Object> services;
    private final Database db;
    private final Function<String, Optional<WorkflowDefinition>> library;
    private final StoreRecorder recorder;
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r ->
            Thread.ofPlatform().name("temporal-task-timers").daemon(true).unstarted(r));

    /**
     * @param db       where store effects are written, or null to refuse such tasks
     * @param library  the workflows a subflow may name
     * @param recorder where the sessions a run drove are linked, or null to only log them
     */
    public TaskActivitiesImpl(TaskTypes types, EventBus bus, Map<Class<?>, Object> services, Database db,
                              Function<String, Optional<WorkflowDefinition>> library, StoreRecorder recorder) {
        this.types = types;
        this.bus = bus;
        this.services = Map.copyOf(services);
        this.db = db;
        this.library = library;
        this.recorder = recorder;
    }

    @Override
    public String definition(String workflowId) {
        return library.apply(workflowId).map(WorkflowDefinition::source).orElseThrow(() ->
                ApplicationFailure.newNonRetryableFailure("no workflow '" + workflowId + "' in the library", "error"));
    }

    @Override
    public Map<String, Object> run(String runId, String taskKey, String type, Map<String, Object> params,
                                   Map<String, Object> inputs, Object item, List<String> retryOn) {
        TaskType taskType = types.find(type).orElseThrow(() -> ApplicationFailure.newNonRetryableFailure(
                "unknown task type '" + type + "'", "error"));
        ActivityExecutionContext activity = Activity.getExecutionContext();
        int attempt = activity.getInfo().getAttempt();
        TaskResult result;
        try {
            CompletableFuture<TaskResult> running = taskType.start(new Context(runId, taskKey, attempt, params,
                    inputs, item)).toCompletableFuture();
            while (true) {
                try {
                    result = running.get(HEARTBEAT_MILLIS, TimeUnit.MILLISECONDS);
                    break;
                } catch (java.util.concurrent.TimeoutException stillRunning) {
                    activity.heartbeat(null);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApplicationFailure.newFailure("interrupted", "error");
        } catch (ExecutionException e) {
            result = TaskResult.failure("error", e.getCause().getMessage());
        }
        if (!result.succeeded()) {
            if (!retryOn.isEmpty() && !retryOn.contains(result.errorKind())) {
                throw ApplicationFailure.newNonRetryableFailure(result.error(), result.errorKind());
            }
            throw ApplicationFailure.newFailure(result.error(), result.errorKind());
        }
        if (result.storeEffect() != null) {
            if (db == null) {
                throw ApplicationFailure.newNonRetryableFailure("this worker has no store for " + type, "error");
            }
            TaskResult done = result;
            db.jdbi().useTransaction(h -> done.storeEffect().accept(h));
        }
        return result.output();
    }

    /** The context of one attempt on a Temporal worker. */
    private final class Context implements TaskContext {
        private final String runId;
        private final String taskKey;
        private final int attempt;
        private final Map<String, Object> params;
        private final Map<String, Object> inputs;
        private final Object item;

        Context(String runId, String taskKey, int attempt, Map<String, Object> params, Map<String, Object> inputs,
                Object item) {
            this.runId = runId;
            this.taskKey = taskKey;
            this.attempt = attempt;
            this.params = params;
            this.inputs = inputs;
            this.item = item;
        }

        @Override
        public String runId() {
            return runId;
        }

        @Override
        public String taskKey() {
            return taskKey;
        }

        @Override
        public int attempt() {
            return attempt;
        }

        @Override
        public Map<String, Object> params() {
            return params;
        }

        @Override
        public Map<String, Object> inputs() {
            return inputs;
        }

        @Override
        public Object item() {
            return item;
        }

        @Override
        public String startedBy() {
            return "temporal";
        }

        @Override
        public EventBus bus() {
            return bus;
        }

        @Override
        public Instant now() {
            return Instant.now();
        }

        @Override
        public <T> Optional<T> service(Class<T> type) {
            return Optional.ofNullable(services.get(type)).map(type::cast);
        }

        @Override
        public void log(String line) {
            LOG.info("{} {}: {}", runId, taskKey, line);
        }

        @Override
        public void progress(double fraction) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }

        @Override
        public CompletionStage<Void> waitingForEvent(Map<String, Object> detail) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public Map<String, Object> waitingDetail() {
            return Map.of();
        }

        @Override
        public AutoCloseable at(Instant at, Runnable action) {
            long delay = Math.max(0, at.toEpochMilli() - System.currentTimeMillis());
            var f = timers.schedule(action, delay, TimeUnit.MILLISECONDS);
            return () -> f.cancel(false);
        }

        @Override
        public boolean test(String expression, Map<String, Object> vars) {
            Map<String, Object> all = new java.util.HashMap<>(vars);
            all.put("inputs", inputs);
            return new dev.switchboard.workflow.engine.Expressions().test(expression, all);
        }

        @Override
        public void linkSession(String sessionId) {
            LOG.info("{} drove session {}", runId, sessionId);
            if (recorder != null) {
                recorder.link(runId, sessionId, taskKey, System.currentTimeMillis());
            }
        }

        @Override
        public CompletionStage<TaskResult> awaitApproval(ApprovalRequest request) {
            return CompletableFuture.failedFuture(new IllegalStateException("gates are signals on Temporal"));
        }

        @Override
        public CompletionStage<TaskResult> subflow(String workflowId, Map<String, Object> inputs) {
            return CompletableFuture.failedFuture(new IllegalStateException("a subflow on Temporal is a child workflow"
                    + " the interpreter starts itself"));
        }
    }
}
