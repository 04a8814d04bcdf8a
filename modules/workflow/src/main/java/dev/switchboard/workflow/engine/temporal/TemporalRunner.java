package dev.switchboard.workflow.engine.temporal;

import dev.switchboard.core.account.AuditAction;
import dev.switchboard.core.account.AuditRecord;
import dev.switchboard.core.account.AuditTrail;
import dev.switchboard.core.error.InputException;
import dev.switchboard.core.error.SwitchboardException;
import dev.switchboard.core.event.EventBus;
import dev.switchboard.core.id.Ids;
import dev.switchboard.store.Database;
import dev.switchboard.workflow.engine.Expressions;
import dev.switchboard.workflow.engine.Gates;
import dev.switchboard.workflow.engine.Inputs;
import dev.switchboard.workflow.engine.RunObserver;
import dev.switchboard.workflow.engine.RunStore;
import dev.switchboard.workflow.engine.TaskTypes;
import dev.switchboard.workflow.engine.WorkflowEngine;
import dev.switchboard.workflow.model.RunState;
import dev.switchboard.workflow.model.RunSummary;
import dev.switchboard.workflow.model.TaskRun;
import dev.switchboard.workflow.model.TaskState;
import dev.switchboard.workflow.model.WorkflowDefinition;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs Switchboard workflows on a Temporal service instead of the embedded engine, when an address is set (setting
 * {@code workflow.temporal.address}): starts runs of the interpreter workflow, hosts a worker with the task
 * activities in this process (the one that holds the workflows of the data dir), decides gates by signal and cancels.
 * What the worker reports is mirrored in the store ({@link StoreRecorder}), so the window and the CLI list, show and
 * wait for a Temporal run as they do an embedded one. Pausing, resuming, retrying and skipping stay with the embedded
 * engine.
 */
public final class TemporalRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TemporalRunner.class);
    /** The task queue the worker listens on unless another is set. */
    public static final String TASK_QUEUE = "switchboard-workflows";
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9._-]+:\\d{1,5}");

    /** What the runner and its worker work with; the same services the embedded engine gets. */
    public record Services(TaskTypes types, Expressions expressions, Inputs inputs, Database db, EventBus bus,
                           Map<Class<?>, Object> services, Function<String, Optional<WorkflowDefinition>> library,
                           AuditTrail audit, RunObserver observer) {
        public Services {
            Objects.requireNonNull(types, "types");
            Objects.requireNonNull(expressions, "expressions");
            Objects.requireNonNull(inputs, "inputs");
            Objects.requireNonNull(db, "db");
            Objects.requireNonNull(bus, "bus");
            services = Map.copyOf(services);
            Objects.requireNonNull(library, "library");
            Objects.requireNonNull(audit, "audit");
            observer = observer == null ? RunObserver.NONE : observer;
        }
    }

    private final WorkflowServiceStubs stubs;
    private final WorkflowClient client;
    private final String address;
    private final String taskQueue;
    private final Services services;
    private final StoreRecorder recorder;
    private final RunStore store;
    private final ScheduledExecutorService polls = Executors.newSingleThreadScheduledExecutor(r ->
            Thread.ofPlatform().name("temporal-runs").daemon(true).unstarted(r));
    private WorkerFactory factory;

    private TemporalRunner(WorkflowServiceStubs stubs, WorkflowClient client, String address, String taskQueue,
                           Services services) {
        this.stubs = stubs;
        this.client = client;
        this.address = address;
        this.taskQueue = taskQueue;
        this.services = services;
        this.recorder = new StoreRecorder(services.db(), services.types(), services.expressions(), services.observer());
        this.store = recorder.store();
    }

    /**
     * Connects to the Temporal service at {@code address} ({@code host:port}).
     *
     * @throws InputException when the address is not {@code host:port}
     * @throws SwitchboardException when the service does not answer within {@code timeout}, saying so and the way out
     */
    public static TemporalRunner connect(String address, String namespace, String taskQueue, Duration timeout,
                                         Services services) {
        String a = address.strip();
        if (!ADDRESS.matcher(a).matches()) {
            throw InputException.field("Temporal address", "'" + a + "' is not host:port (e.g. localhost:7233)");
        }
        WorkflowServiceStubs stubs;
        try {
            stubs = WorkflowServiceStubs.newConnectedServiceStubs(WorkflowServiceStubsOptions.newBuilder().setTarget(a)
                    .build(), timeout);
        } catch (RuntimeException e) {
            LOG.warn("The Temporal service at {} does not answer", a, e);
            throw unreachable(a, e);
        }
        WorkflowClient client = WorkflowClient.newInstance(stubs, WorkflowClientOptions.newBuilder()
                .setNamespace(namespace == null || namespace.isBlank() ? "default" : namespace.strip()).build());
        return new TemporalRunner(stubs, client, a, taskQueue == null || taskQueue.isBlank() ? TASK_QUEUE
                : taskQueue.strip(), services);
    }

    /** Over a client made elsewhere (Temporal's in-process test server). */
    public static TemporalRunner over(WorkflowClient client, String taskQueue, Services services) {
        return new TemporalRunner(null, client, "in-process", taskQueue, services);
    }

    private static SwitchboardException unreachable(String address, Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String why = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return new SwitchboardException("The Temporal service at " + address + " does not answer (" + why + ").",
                "Start it, correct the address (Settings, Workflows; --temporal; SWITCHBOARD_TEMPORAL), or clear it to"
                        + " run workflows on this workstation's own engine.");
    }

    /** Where the service is, for messages: {@code host:port}. */
    public String address() {
        return address;
    }

    /**
     * Starts a worker in this process for the interpreter workflow and the task activities, so runs move on. Only
     * the process that holds the workflows of the data dir hosts one (the bus it posts on is that window's).
     */
    public synchronized void startWorker() {
        if (factory != null) {
            return;
        }
        factory = WorkerFactory.newInstance(client);
        Worker worker = factory.newWorker(taskQueue);
        worker.registerWorkflowImplementationFactory(InterpreterWorkflow.class,
                () -> new InterpreterWorkflowImpl(services.types()));
        worker.registerActivitiesImplementations(new TaskActivitiesImpl(services.types(), services.bus(),
                services.services(), services.db(), services.library(), recorder), recorder);
        factory.start();
        LOG.info("Temporal worker on task queue {} at {}", taskQueue, address);
    }

    /**
     * Starts a run of {@code def}: stored first (so it lists at once), then handed to Temporal.
     *
     * @throws InputException when an input is missing or wrong
     * @throws SwitchboardException when the service refuses the run; the stored run is marked failed
     */
    public String start(WorkflowDefinition def, Map<String, ?> given, String actor, String trainee) {
        Map<String, Object> inputs = services.inputs().bind(def, given);
        long now = System.currentTimeMillis();
        String id = Ids.next(now);
        Map<String, String> meta = new HashMap<>();
        meta.put("startedBy", actor);
        if (trainee != null) {
            meta.put("trainee", trainee);
        }
        meta.put("file", def.file());
        recorder.insertRun(id, def, inputs, meta, now);
        store.find(id).ifPresent(s -> tell(() -> services.observer().started(store, s, def)));
        try {
            InterpreterWorkflow stub = client.newWorkflowStub(InterpreterWorkflow.class, WorkflowOptions.newBuilder()
                    .setTaskQueue(taskQueue).setWorkflowId(id).build());
            WorkflowClient.start(stub::run, def.source(), inputs, meta);
        } catch (RuntimeException e) {
            recorder.state(id, RunState.FAILED.code(), "the Temporal service refused the run: " + e.getMessage(),
                    System.currentTimeMillis());
            throw unreachable(address, e);
        }
        return id;
    }

    /** Completes when the run has ended or waits for a person, with the state it reached (read from the mirror). */
    public CompletableFuture<RunState> settled(String runId) {
        return poll(runId, s -> s.terminal() || s == RunState.WAITING_FOR_APPROVAL);
    }

    /** Completes when the run has ended, with its state. */
    public CompletableFuture<RunState> ended(String runId) {
        return poll(runId, RunState::terminal);
    }

    private CompletableFuture<RunState> poll(String runId, java.util.function.Predicate<RunState> done) {
        CompletableFuture<RunState> f = new CompletableFuture<>();
        ScheduledFuture<?>[] poll = new ScheduledFuture<?>[1];
        synchronized (poll) {
            poll[0] = polls.scheduleWithFixedDelay(() -> {
                try {
                    RunSummary s = store.find(runId).orElse(null);
                    if (s == null) {
                        f.completeExceptionally(InputException.field("RUN", "no workflow run '" + runId + "'"));
                    } else if (done.test(s.state())) {
                        f.complete(s.state());
                    }
                } catch (RuntimeException e) {
                    f.completeExceptionally(e);
                }
                if (f.isDone()) {
                    synchronized (poll) {
                        poll[0].cancel(false);
                    }
                }
            }, 0, 100, TimeUnit.MILLISECONDS);
        }
        return f;
    }

    /**
     * A person's decision at a gate of a Temporal run: checked (role, form) and audited here as the embedded engine
     * does, then sent to the run as a signal.
     *
     * @throws SwitchboardException when {@code actor}'s role may not decide; refused and audited
     * @throws InputException when the task does not wait at a gate or a field is wrong
     */
    public void decide(String runId, String taskKey, WorkflowEngine.Actor actor, Map<String, String> inputs,
                       String decision, String comment) {
        if (!decision.equals("approve") && !decision.equals("reject")) {
            throw InputException.field("decision", "must be approve or reject");
        }
        TaskRun task = store.tasks(runId).stream().filter(t -> t.key().equals(taskKey)).findFirst()
                .orElseThrow(() -> InputException.field("TASK", "run " + runId + " has no task '" + taskKey + "'"));
        if (task.state() != TaskState.WAITING_FOR_APPROVAL) {
            throw InputException.field("TASK", "task '" + taskKey + "' of run " + runId + " is not waiting for "
                    + "approval (it is " + task.state().label().toLowerCase(java.util.Locale.ROOT) + ")");
        }
        Map<String, Object> detail = StoreRecorder.map(task.detailJson());
        @SuppressWarnings("unchecked")
        Map<String, Object> gate = (Map<String, Object>) detail.getOrDefault("gate", Map.of());
        @SuppressWarnings("unchecked")
        List<String> roles = (List<String>) gate.getOrDefault("roles", List.of());
        Instant now = Instant.now();
        if (!roles.contains(actor.role())) {
            services.audit().record(new AuditRecord(now, actor.username(), AuditAction.WORKFLOW_DECISION,
                    "run " + runId + " task " + taskKey, AuditRecord.Outcome.DENIED, decision + " refused: role "
                    + actor.role() + " may not decide (allowed: " + String.join(", ", roles) + ")"));
            recorder.history(runId, now.toEpochMilli(), actor.username(), taskKey, decision + " refused: "
                    + actor.role().toLowerCase(java.util.Locale.ROOT) + " may not decide this gate");
            throw new SwitchboardException("Refused: " + actor.username() + " (" + WorkflowEngine.roleWord(
                    actor.role()) + ") may not decide gate '" + taskKey + "'; it waits for " + String.join(" or ",
                    roles.stream().map(WorkflowEngine::roleWord).toList()) + ".",
                    "Ask someone with that role to decide; the refusal was recorded.");
        }
        Map<String, Object> typed = decision.equals("approve") ? Gates.check(gate, inputs) : new HashMap<>(inputs);
        services.audit().record(new AuditRecord(now, actor.username(), AuditAction.WORKFLOW_DECISION,
                "run " + runId + " task " + taskKey, AuditRecord.Outcome.SUCCESS, decision + " as " + actor.role()
                + (typed.isEmpty() ? "" : " with " + StoreRecorder.json(typed))
                + (comment == null || comment.isBlank() ? "" : "; " + comment)));
        recorder.decision(runId, taskKey, actor.username(), actor.role(), decision, typed, comment,
                now.toEpochMilli());
        recorder.history(runId, now.toEpochMilli(), actor.username(), taskKey, (decision.equals("approve")
                ? "approved" : "rejected") + (typed.isEmpty() ? "" : " with " + StoreRecorder.json(typed))
                + (comment == null || comment.isBlank() ? "" : ": " + comment));
        client.newWorkflowStub(InterpreterWorkflow.class, runId).decide(taskKey, decision, typed, actor.username(),
                comment == null ? "" : comment);
    }

    /** Cancels a run: what runs and waits stops, its final tasks run. Recorded with who did it. */
    public void cancel(String runId, WorkflowEngine.Actor actor) {
        RunSummary s = store.find(runId).orElseThrow(() -> InputException.field("RUN", "no workflow run '" + runId
                + "'"));
        if (s.state().terminal()) {
            throw InputException.field("RUN", "run " + runId + " has ended (" + s.state().label().toLowerCase(
                    java.util.Locale.ROOT) + ")");
        }
        client.newUntypedWorkflowStub(runId).cancel();
        Instant now = Instant.now();
        recorder.history(runId, now.toEpochMilli(), actor.username(), "", "cancelled by " + actor.username());
        services.audit().record(new AuditRecord(now, actor.username(), AuditAction.WORKFLOW_CONTROL, "run " + runId,
                AuditRecord.Outcome.SUCCESS, "cancelled (on Temporal)"));
    }

    /** The outputs of a run by task id, waiting for it to end; for tests and checks. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> result(String runId) {
        return client.newUntypedWorkflowStub(runId).getResult(Map.class);
    }

    /** A stub of a run, to signal and query it; for tests. */
    public InterpreterWorkflow run(String runId) {
        return client.newWorkflowStub(InterpreterWorkflow.class, runId);
    }

    private static void tell(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.warn("A workflow observer failed on a Temporal run", e);
        }
    }

    @Override
    public synchronized void close() {
        polls.shutdownNow();
        if (factory != null) {
            factory.shutdown();
            factory.awaitTermination(5, TimeUnit.SECONDS);
        }
        if (stubs != null) {
            stubs.shutdown();
        }
    }
}
