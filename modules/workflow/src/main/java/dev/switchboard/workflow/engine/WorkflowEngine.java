package dev.switchboard.workflow.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.core.account.AuditAction;
import dev.switchboard.core.account.AuditRecord;
import dev.switchboard.core.account.AuditTrail;
import dev.switchboard.core.error.InputException;
import dev.switchboard.core.error.SwitchboardException;
import dev.switchboard.core.event.EventBus;
import dev.switchboard.core.id.Ids;
import dev.switchboard.store.Database;
import dev.switchboard.workflow.model.PendingApproval;
import dev.switchboard.workflow.model.RunDetail;
import dev.switchboard.workflow.model.RunState;
import dev.switchboard.workflow.model.RunSummary;
import dev.switchboard.workflow.model.TaskState;
import dev.switchboard.workflow.model.WorkflowDefinition;
import dev.switchboard.workflow.spi.TaskContext;
import dev.switchboard.workflow.spi.TaskResult;
import dev.switchboard.workflow.spi.TaskType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded, durable workflow engine. Runs live in memory while active and in the store always: every
 * transition and task result is committed (group commit, {@code synchronous=FULL}) before the step that follows
 * it, so after a kill at any moment {@link #resumeAll()} carries every unfinished run on. A task that finished never
 * runs again; one that was running runs again only when it is idempotent or its effect is transactional, otherwise
 * it waits as interrupted for a person to retry or skip it.
 *
 * <p>Independent tasks run in parallel up to the workflow's concurrency and the engine's overall limit. Every
 * operation by a person (approve, reject, pause, resume, cancel, retry, skip, rerun) is recorded in the run's
 * history with who did it and on the audit chain. Thread-safe. One engine per data dir at a time (see
 * {@link EngineLease}).
 */
public final class WorkflowEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WorkflowEngine.class);
    static final ObjectMapper JSON = new ObjectMapper();

    /** What the engine works with, built by the composition root. */
    public record Services(EventBus bus, EngineClock clock, TaskTypes types, Expressions expressions, Inputs inputs,
                           AuditTrail audit, Function<String, Optional<WorkflowDefinition>> library,
                           Map<Class<?>, Object> services, RunObserver observer) {
        public Services {
            Objects.requireNonNull(bus, "bus");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(types, "types");
            Objects.requireNonNull(expressions, "expressions");
            Objects.requireNonNull(inputs, "inputs");
            Objects.requireNonNull(audit, "audit");
            Objects.requireNonNull(library, "library");
            services = Map.copyOf(services);
            observer = observer == null ? RunObserver.NONE : observer;
        }
    }

    /**
     * Limits and seeds.
     *
     * @param concurrency how many tasks of all runs together may run at once
     * @param seed        seeds the jitter of retries
     */
    public record Config(int concurrency, long seed) {
        public static Config defaults() {
            return new Config(256, System.nanoTime());
        }
    }

    /** Who decides at a gate or operates a run: a user name and role name (TRAINEE, SUPERVISOR, INSTRUCTOR). */
    public record Actor(String username, String role) {
        public Actor {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(role, "role");
        }
    }

    private final Database db;
    private final Services services;
    private final Config config;
    private final Checkpointer checkpointer;
    private final RunStore store;
    private final ProgressHub progress = new ProgressHub();
    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("workflow-task-", 0).factory());
    private final ConcurrentHashMap<String, RunInstance> active = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, WorkflowDefinition> byHash = new ConcurrentHashMap<>();
    /** SHA-256 by definition text, so starting many runs of one definition hashes it once. */
    private final ConcurrentHashMap<String, String> hashes = new ConcurrentHashMap<>();
    private final AtomicInteger globalRunning = new AtomicInteger();
    /** Runs that wanted a task slot when all were taken, oldest first; each at most once (its flag). */
    private final java.util.concurrent.ConcurrentLinkedQueue<RunInstance> starved =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    /** Definitions this engine has written (each is written once; the write is idempotent anyway). */
    private final java.util.Set<String> storedHashes = ConcurrentHashMap.newKeySet();
    private final SplittableRandom random;
    private volatile boolean closed;

    public WorkflowEngine(Database db, Services services, Config config) {
        this.db = Objects.requireNonNull(db, "db");
        this.services = Objects.requireNonNull(services, "services");
        this.config = Objects.requireNonNull(config, "config");
        this.checkpointer = new Checkpointer(db);
        this.store = new RunStore(db);
        this.random = new SplittableRandom(config.seed());
    }

    // ---- what the runs use

    Instant now() {
        return services.clock().now();
    }

    EngineClock clock() {
        return services.clock();
    }

    Expressions expressions() {
        return services.expressions();
    }

    TaskTypes types() {
        return services.types();
    }

    EventBus bus() {
        return services.bus();
    }

    Checkpointer checkpointer() {
        return checkpointer;
    }

    /** Live progress of every run. */
    public ProgressHub progress() {
        return progress;
    }

    /** Reads of the store. */
    public RunStore store() {
        return store;
    }

    <T> Optional<T> service(Class<T> type) {
        return Optional.ofNullable(services.services().get(type)).map(type::cast);
    }

    synchronized double random() {
        return random.nextDouble();
    }

    String json(Object value) {
        if (value instanceof Map<?, ?> m && m.isEmpty()) {
            return "{}";
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not JSON-like: " + e.getOriginalMessage(), e);
        }
    }

    static Map<String, Object> parseMap(String json) {
        if (json == null || json.isBlank()) {
            return new LinkedHashMap<>();
        }
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    static Object parse(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    void execute(Runnable r) {
        executor.execute(r);
    }

    boolean tryTakeSlot(RunInstance run) {
        while (true) {
            int n = globalRunning.get();
            if (n >= config.concurrency()) {
                if (run.waitingForSlot.compareAndSet(false, true)) {
                    starved.add(run);
                    if (globalRunning.get() < config.concurrency()) {
                        // Every slot came free between the test and the queueing: nobody else will poke.
                        try {
                            executor.execute(this::pokeStarved);
                        } catch (java.util.concurrent.RejectedExecutionException closing) {
                            // Closing: the run resumes at the next start.
                        }
                    }
                }
                return false;
            }
            if (globalRunning.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    void releaseSlot() {
        globalRunning.decrementAndGet();
    }

    /** Runs {@code change} on {@code run} under its lock, then moves the run on and checkpoints. */
    void onRun(RunInstance run, Runnable change) {
        synchronized (run) {
            change.run();
            run.advance();
            run.flush();
        }
        pokeStarved();
    }

    /** Lets runs that waited for a slot take the ones that came free; call holding no run's lock. */
    private void pokeStarved() {
        while (globalRunning.get() < config.concurrency()) {
            RunInstance r = starved.poll();
            if (r == null) {
                return;
            }
            r.waitingForSlot.set(false);
            synchronized (r) {
                r.advance();
                r.flush();
            }
        }
    }

    // ---- starting

    /**
     * Starts a run of {@code def} and returns its id once the run is stored.
     *
     * @param inputs  given inputs, text or typed; checked against the definition
     * @param trainee the trainee whose shift an exercise runs on, or null
     * @throws InputException when an input is missing or wrong
     */
    public String start(WorkflowDefinition def, Map<String, ?> inputs, String actor, String trainee) {
        return startAsync(def, inputs, actor, trainee, null, null).join();
    }

    /** Starts a run and completes once it is stored; for the benchmark and for starting many at once. */
    public CompletableFuture<String> startAsync(WorkflowDefinition def, Map<String, ?> inputs, String actor,
                                                String trainee, String parentRun, String parentTask) {
        requireOpen();
        Map<String, Object> bound = services.inputs().bind(def, inputs);
        String id = Ids.next(now().toEpochMilli());
        RunInstance run = newInstance(id, def, bound, actor, trainee, parentRun, parentTask);
        CompletableFuture<String> started = new CompletableFuture<>();
        synchronized (run) {
            run.history(actor, "", "started by " + actor + " (" + def.id() + " version " + def.version() + ")");
            run.afterCommit(() -> {
                RunSummary summary = summary(run);
                executeQuietly(() -> {
                    try {
                        services.observer().started(store, summary, def);
                    } catch (RuntimeException e) {
                        LOG.warn("Recording the start of run {} failed", id, e);
                    }
                });
                started.complete(id);
            });
            armRunTimeout(run);
            run.advance();
            run.flush();
        }
        return started;
    }

    private RunInstance newInstance(String id, WorkflowDefinition def, Map<String, Object> inputs, String actor,
                                    String trainee, String parentRun, String parentTask) {
        String hash = hashes.computeIfAbsent(def.source(), WorkflowEngine::hash);
        byHash.putIfAbsent(hash, def);
        RunInstance run = new RunInstance(this, id, def, hash, inputs, json(inputs), actor, trainee, parentRun,
                parentTask, now());
        if (storedHashes.add(hash)) {
            run.write(new Checkpointer.DefinitionRow(hash, def.id(), def.version(), def.name(), def.source(),
                    def.file(), now().toEpochMilli()));
        }
        run.markRunDirty();
        active.put(id, run);
        return run;
    }

    private void armRunTimeout(RunInstance run) {
        if (run.def.timeout() == null) {
            return;
        }
        Instant at = run.createdAt.plus(run.def.timeout());
        run.runTimer = clock().schedule(at, () -> onRun(run, () -> {
            if (run.outcome == null && run.phase == RunInstance.Phase.MAIN) {
                run.outcome = RunState.TIMED_OUT;
                run.error = "the run took longer than " + Durations.format(run.def.timeout());
                run.markRunDirty();
                run.history("engine", "", run.error);
            }
        }));
    }

    /** Starts the task of one attempt; called once its RUNNING state is durable. */
    void launch(RunInstance run, TaskSlot slot, long token, Map<String, Object> vars) {
        executor.execute(() -> {
            TaskType type = types().find(slot.spec.type()).orElse(null);
            if (type == null) {
                onRun(run, () -> run.finished(slot, token, TaskResult.failure("error", "unknown task type '"
                        + slot.spec.type() + "'")));
                return;
            }
            Map<String, Object> params;
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> resolved = (Map<String, Object>) expressions().resolve(slot.spec.with(), vars);
                params = resolved;
            } catch (RuntimeException e) {
                onRun(run, () -> run.finished(slot, token, TaskResult.failure("error", "parameters: "
                        + e.getMessage())));
                return;
            }
            Map<String, Object> waiting;
            synchronized (run) {
                if (slot.token != token) {
                    return;
                }
                waiting = Map.copyOf(new LinkedHashMap<>(slot.detail));
                slot.context = new EngineContext(this, run, slot, token, params, waiting);
                armTimeout(run, slot, token);
            }
            CompletionStage<TaskResult> stage;
            try {
                stage = type.start(slot.context);
            } catch (RuntimeException e) {
                stage = CompletableFuture.failedFuture(e);
            }
            stage.whenComplete((result, error) -> onRun(run, () -> run.finished(slot, token,
                    error != null ? TaskResult.failure("error", message(error))
                            : result == null ? TaskResult.success() : result)));
        });
    }

    private void armTimeout(RunInstance run, TaskSlot slot, long token) {
        Duration timeout = slot.spec.timeout();
        if (timeout == null) {
            return;
        }
        Instant at = (slot.startedAt == null ? now() : slot.startedAt).plus(timeout);
        slot.timeoutTimer = clock().schedule(at, () -> onRun(run, () -> {
            if (slot.token == token && slot.context != null) {
                slot.context.cancel();
                run.finished(slot, token, TaskResult.failure("timeout", "took longer than "
                        + Durations.format(timeout)));
            }
        }));
    }

    private static String message(Throwable e) {
        Throwable t = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    // ---- what tasks ask of the engine

    CompletionStage<Void> waitingForEvent(RunInstance run, TaskSlot slot, long token, Map<String, Object> detail) {
        CompletableFuture<Void> stored = new CompletableFuture<>();
        onRun(run, () -> {
            if (slot.token != token) {
                stored.completeExceptionally(new java.util.concurrent.CancellationException("no longer current"));
                return;
            }
            if (slot.state == TaskState.WAITING_FOR_EVENT) {
                slot.detail.putAll(detail);
                slot.dirty = true;
                run.afterCommit(() -> executeQuietly(() -> stored.complete(null)));
                return;
            }
            slot.detail.putAll(detail);
            slot.set(TaskState.WAITING_FOR_EVENT);
            run.release(slot);
            run.history("engine", slot.key, "waiting for an event");
            run.afterCommit(() -> executeQuietly(() -> stored.complete(null)));
        });
        return stored;
    }

    CompletionStage<TaskResult> awaitApproval(RunInstance run, TaskSlot slot, long token,
                                              TaskContext.ApprovalRequest request) {
        CompletableFuture<TaskResult> decided = new CompletableFuture<>();
        onRun(run, () -> {
            if (slot.token != token) {
                decided.cancel(false);
                return;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> gate = (Map<String, Object>) slot.detail.get("gate");
            if (gate == null) {
                gate = new LinkedHashMap<>();
                gate.put("title", request.title());
                gate.put("message", request.message() == null ? "" : request.message());
                gate.put("form", request.form());
                gate.put("roles", request.roles());
                gate.put("since", now().toEpochMilli());
                if (request.deadline() != null) {
                    gate.put("deadline", request.deadline().toEpochMilli());
                }
                gate.put("onDeadline", request.onDeadline() == null ? "escalate" : request.onDeadline());
                gate.put("onReject", request.onReject() == null ? "fail" : request.onReject());
                slot.detail.put("gate", gate);
                slot.set(TaskState.WAITING_FOR_APPROVAL);
                run.history("engine", slot.key, "waiting for approval by " + String.join(" or ", request.roles()));
            } else if (slot.state != TaskState.WAITING_FOR_APPROVAL) {
                slot.set(TaskState.WAITING_FOR_APPROVAL);
            }
            run.release(slot);
            slot.approval = decided;
            armDeadline(run, slot, token, gate);
        });
        return decided;
    }

    private void armDeadline(RunInstance run, TaskSlot slot, long token, Map<String, Object> gate) {
        Object deadline = gate.get("deadline");
        if (!(deadline instanceof Number n)) {
            return;
        }
        TaskSlot.closeQuietly(slot.deadlineTimer);
        slot.deadlineTimer = clock().schedule(Instant.ofEpochMilli(n.longValue()), () -> onRun(run, () -> {
            if (slot.token != token || slot.state != TaskState.WAITING_FOR_APPROVAL) {
                return;
            }
            String what = String.valueOf(gate.getOrDefault("onDeadline", "escalate"));
            Actor deadlineActor = new Actor("deadline", "ENGINE");
            switch (what) {
                case "approve", "reject" ->
                        decideLocked(run, slot, deadlineActor, Map.of(), what, "the deadline passed");
                default -> {
                    gate.put("roles", List.of("INSTRUCTOR"));
                    gate.remove("deadline");
                    gate.put("escalated", true);
                    slot.dirty = true;
                    run.write(new Checkpointer.DecisionRow(run.id, slot.key, "deadline", "ENGINE", "escalate", "{}",
                            "the deadline passed", now().toEpochMilli()));
                    run.history("deadline", slot.key, "the deadline passed: escalated to instructors");
                }
            }
        }));
    }

    /**
     * A person's decision at a gate.
     *
     * @param decision {@code approve} or {@code reject}
     * @param inputs   the form's fields as text; checked against the form
     * @throws InputException when the task is not waiting at a gate or a field is wrong
     * @throws SwitchboardException when {@code actor}'s role may not decide; refused and audited
     */
    public void decide(String runId, String taskKey, Actor actor, Map<String, String> inputs, String decision,
                       String comment) {
        if (!decision.equals("approve") && !decision.equals("reject")) {
            throw InputException.field("decision", "must be approve or reject");
        }
        RunInstance run = requireActive(runId);
        CompletableFuture<TaskResult> toRelease;
        synchronized (run) {
            TaskSlot slot = run.slots.get(taskKey);
            if (slot == null) {
                throw InputException.field("TASK", "run " + runId + " has no task '" + taskKey + "'");
            }
            if (slot.state != TaskState.WAITING_FOR_APPROVAL) {
                throw InputException.field("TASK", "task '" + taskKey + "' of run " + runId
                        + " is not waiting for approval (it is " + slot.state.label().toLowerCase(java.util.Locale.ROOT)
                        + ")");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> gate = (Map<String, Object>) slot.detail.get("gate");
            @SuppressWarnings("unchecked")
            List<String> roles = (List<String>) gate.getOrDefault("roles", List.of());
            if (!roles.contains(actor.role())) {
                services.audit().record(new AuditRecord(now(), actor.username(), AuditAction.WORKFLOW_DECISION,
                        "run " + runId + " task " + taskKey, AuditRecord.Outcome.DENIED, decision + " refused: role "
                        + actor.role() + " may not decide (allowed: " + String.join(", ", roles) + ")"));
                run.history(actor.username(), taskKey, decision + " refused: " + actor.role().toLowerCase(
                        java.util.Locale.ROOT) + " may not decide this gate");
                run.flush();
                throw new SwitchboardException("Refused: " + actor.username() + " (" + roleWord(actor.role())
                        + ") may not decide gate '" + taskKey + "'; it waits for " + String.join(" or ",
                        roles.stream().map(WorkflowEngine::roleWord).toList()) + ".",
                        "Ask someone with that role to decide; the refusal was recorded.");
            }
            Map<String, Object> typed = decision.equals("approve") ? Gates.check(gate, inputs) : new LinkedHashMap<>(
                    inputs);
            services.audit().record(new AuditRecord(now(), actor.username(), AuditAction.WORKFLOW_DECISION,
                    "run " + runId + " task " + taskKey, AuditRecord.Outcome.SUCCESS, decision + " as "
                    + actor.role() + (typed.isEmpty() ? "" : " with " + json(typed))
                    + (comment == null || comment.isBlank() ? "" : "; " + comment)));
            toRelease = slot.approval;
            decideLocked(run, slot, actor, typed, decision, comment);
            run.advance();
            run.flush();
        }
        if (toRelease != null) {
            toRelease.cancel(false);
        }
        pokeStarved();
    }

    private void decideLocked(RunInstance run, TaskSlot slot, Actor actor, Map<String, Object> inputs,
                              String decision, String comment) {
        @SuppressWarnings("unchecked")
        Map<String, Object> gate = (Map<String, Object>) slot.detail.get("gate");
        run.write(new Checkpointer.DecisionRow(run.id, slot.key, actor.username(), actor.role(), decision,
                json(inputs), comment == null ? "" : comment, now().toEpochMilli()));
        run.history(actor.username(), slot.key, (decision.equals("approve") ? "approved" : "rejected")
                + (inputs.isEmpty() ? "" : " with " + json(inputs)) + (comment == null || comment.isBlank() ? ""
                : ": " + comment));
        Map<String, Object> out = new LinkedHashMap<>(inputs);
        out.put("approved", decision.equals("approve"));
        out.put("decidedBy", actor.username());
        out.put("comment", comment == null ? "" : comment);
        TaskResult result = decision.equals("approve") || "continue".equals(gate.get("onReject"))
                ? TaskResult.success(out) : TaskResult.failure("rejected", "rejected by " + actor.username()
                + (comment == null || comment.isBlank() ? "" : ": " + comment));
        run.finished(slot, slot.token, result);
    }

    /** A role's name in words, for messages: "a supervisor". */
    public static String roleWord(String role) {
        return switch (role) {
            case "TRAINEE" -> "a trainee";
            case "SUPERVISOR" -> "a supervisor";
            case "INSTRUCTOR" -> "an instructor";
            default -> role.toLowerCase(java.util.Locale.ROOT);
        };
    }

    CompletionStage<TaskResult> subflow(RunInstance parent, TaskSlot slot, long token, String workflowId,
                                        Map<String, Object> inputs) {
        CompletableFuture<TaskResult> done = new CompletableFuture<>();
        String existing = (String) slot.detail.get("childRun");
        if (existing != null) {
            attachChild(existing, done);
            return done;
        }
        WorkflowDefinition def = services.library().apply(workflowId).orElse(null);
        if (def == null) {
            return CompletableFuture.completedFuture(TaskResult.failure("error", "no workflow '" + workflowId
                    + "' in the library"));
        }
        Map<String, Object> bound;
        try {
            bound = services.inputs().bind(def, inputs);
        } catch (InputException e) {
            return CompletableFuture.completedFuture(TaskResult.failure("error", "subflow inputs: "
                    + e.getMessage()));
        }
        String childId = Ids.next(now().toEpochMilli());
        RunInstance child = newInstance(childId, def, bound, parent.startedBy, parent.trainee, parent.id, slot.key);
        onRun(parent, () -> {
            if (slot.token != token) {
                active.remove(childId);
                done.cancel(false);
                return;
            }
            slot.detail.put("childRun", childId);
            slot.set(TaskState.WAITING_FOR_EVENT);
            parent.release(slot);
            parent.history("engine", slot.key, "started subflow " + def.id() + " as run " + childId);
            synchronized (child) {
                child.history(parent.startedBy, "", "started by run " + parent.id + " task " + slot.key);
                for (Checkpointer.Write w : drain(child)) {
                    parent.write(w);
                }
            }
            parent.afterCommit(() -> {
                attachChild(childId, done);
                onRun(child, () -> { });
            });
        });
        return done;
    }

    private static List<Checkpointer.Write> drain(RunInstance child) {
        List<Checkpointer.Write> out = new ArrayList<>();
        out.add(child.runRow());
        out.add(new Checkpointer.DefinitionRow(child.hash, child.def.id(), child.def.version(), child.def.name(),
                child.def.source(), child.def.file(), child.createdAt.toEpochMilli()));
        return out;
    }

    private void attachChild(String childId, CompletableFuture<TaskResult> done) {
        RunInstance child = active.get(childId);
        if (child != null) {
            synchronized (child) {
                if (child.phase != RunInstance.Phase.DONE) {
                    child.endListeners.add(c -> done.complete(childResult(c.id, c.state)));
                    return;
                }
            }
        }
        RunSummary stored = store.find(childId).orElse(null);
        if (stored == null) {
            done.complete(TaskResult.failure("error", "the subflow run " + childId + " is gone"));
        } else if (stored.state().terminal()) {
            done.complete(childResult(childId, stored.state()));
        } else {
            // Not loaded yet (resuming): wait for it to be loaded and end.
            executor.execute(() -> {
                for (int i = 0; i < 100 && !active.containsKey(childId); i++) {
                    sleep(50);
                }
                attachChild(childId, done);
            });
        }
    }

    private TaskResult childResult(String childId, RunState state) {
        Map<String, Object> outputs = new LinkedHashMap<>();
        store.tasks(childId).forEach(t -> {
            if (t.outputJson() != null && !t.key().contains("[") && !t.key().contains(":")) {
                outputs.put(t.taskId(), parse(t.outputJson()));
            }
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("run", childId);
        out.put("state", state.code());
        out.put("outputs", outputs);
        return state == RunState.SUCCEEDED ? TaskResult.success(out)
                : TaskResult.failure("error", "subflow run " + childId + " ended " + state.label());
    }

    void cancelChild(RunInstance run, TaskSlot slot) {
        Object child = slot.detail.get("childRun");
        if (child instanceof String childId && active.containsKey(childId)) {
            executor.execute(() -> cancel(childId, new Actor("engine", "ENGINE")));
        }
    }

    void ended(RunInstance run) {
        active.remove(run.id);
        RunSummary summary = summary(run);
        executeQuietly(() -> {
            try {
                services.observer().ended(store, summary);
            } catch (RuntimeException e) {
                LOG.warn("Recording the end of run {} failed", run.id, e);
            }
        });
    }

    /** Runs {@code r} on a worker thread, or here when the engine is closing. */
    private void executeQuietly(Runnable r) {
        try {
            executor.execute(r);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            r.run();
        }
    }

    // ---- operations

    /** Waits for the run to end or to wait for a person or an event; completes with the state it reached. */
    public CompletableFuture<RunState> settled(String runId) {
        RunInstance run = active.get(runId);
        CompletableFuture<RunState> f = new CompletableFuture<>();
        if (run != null) {
            synchronized (run) {
                RunState s = run.state;
                if (run.phase == RunInstance.Phase.DONE) {
                    return run.end.thenApply(x -> x);
                }
                if (s.waiting() && run.computeState() == s) {
                    // The state is set when its checkpoint is queued, not when it is stored: answer once
                    // everything queued so far is durable, so that the caller reads the gate from the store.
                    checkpointer().submit(new Checkpointer.Checkpoint(List.of(), () -> f.complete(s),
                            e -> f.complete(s)));
                } else {
                    run.settledWaiters.add(f);
                }
                return f;
            }
        }
        f.complete(store.find(runId).map(RunSummary::state).orElseThrow(() -> noSuchRun(runId)));
        return f;
    }

    /** Completes when the run has ended (durably), with the state it ended in. */
    public CompletableFuture<RunState> ended(String runId) {
        RunInstance run = active.get(runId);
        if (run != null) {
            return run.end.thenApply(s -> s);
        }
        RunSummary s = store.find(runId).orElseThrow(() -> noSuchRun(runId));
        if (!s.state().terminal()) {
            throw InputException.field("RUN", "run " + runId + " is not running in this program");
        }
        return CompletableFuture.completedFuture(s.state());
    }

    /** Stops starting tasks of the run; running ones finish. Recorded with who did it. */
    public void pause(String runId, Actor actor) {
        operate(runId, actor, "paused", run -> {
            if (run.paused) {
                throw InputException.field("RUN", "run " + runId + " is already paused");
            }
            run.paused = true;
            run.markRunDirty();
        });
    }

    public void resume(String runId, Actor actor) {
        operate(runId, actor, "resumed", run -> {
            if (!run.paused) {
                throw InputException.field("RUN", "run " + runId + " is not paused");
            }
            run.paused = false;
            run.markRunDirty();
        });
    }

    /** Cancels the run: nothing more starts, running and waiting tasks stop, the final tasks still run. */
    public void cancel(String runId, Actor actor) {
        operate(runId, actor, "cancelled", run -> {
            run.outcome = RunState.CANCELLED;
            run.error = "cancelled by " + actor.username();
            run.paused = false;
            run.markRunDirty();
            if (run.phase == RunInstance.Phase.COMPENSATING || run.phase == RunInstance.Phase.FAILURE) {
                run.slots.values().stream().filter(s -> s.phase == run.phase && !s.state.terminal())
                        .forEach(run::cancelSlot);
                run.phase = RunInstance.Phase.FINALLY;
            }
        });
    }

    /** Skips a task that has not succeeded: interrupted, failed, waiting or not started; later tasks run. */
    public void skip(String runId, String taskKey, Actor actor) {
        operate(runId, actor, "skipped " + taskKey, run -> {
            TaskSlot s = slot(run, taskKey);
            if (s.state == TaskState.SUCCEEDED || s.state == TaskState.SKIPPED) {
                throw InputException.field("TASK", "task '" + taskKey + "' is " + s.state.label().toLowerCase(
                        java.util.Locale.ROOT) + "; there is nothing to skip");
            }
            if (s.state.active() || s.state == TaskState.INTERRUPTED) {
                run.cancelSlot(s);
            }
            s.set(TaskState.SKIPPED);
            s.error = "skipped by " + actor.username();
            s.endedAt = now();
            if (run.outcome != null && run.outcome != RunState.CANCELLED && run.phase == RunInstance.Phase.MAIN) {
                run.outcome = null;
                run.error = null;
            }
        });
    }

    /**
     * Runs a task again: an interrupted one (after a stop) now; on an ended run, {@code fromTask} and everything
     * after it, or with {@code fromTask} null every task that did not succeed.
     */
    public void retry(String runId, String fromTask, Actor actor) {
        RunInstance live = active.get(runId);
        if (live != null && fromTask != null) {
            TaskSlot s;
            synchronized (live) {
                s = live.slots.get(fromTask);
            }
            if (s != null) {
                operate(runId, actor, "retried " + fromTask, run -> {
                    if (s.state != TaskState.INTERRUPTED) {
                        throw InputException.field("TASK", "task '" + fromTask + "' is not interrupted (it is "
                                + s.state.label().toLowerCase(java.util.Locale.ROOT) + "); only an interrupted task of"
                                + " a run that has not ended can be retried");
                    }
                    s.set(TaskState.QUEUED);
                    s.error = null;
                });
                return;
            }
        }
        if (live != null) {
            throw InputException.field("RUN", "run " + runId + " has not ended (it is "
                    + live.state.label().toLowerCase(java.util.Locale.ROOT) + "); retry an interrupted task by name,"
                    + " or cancel the run first");
        }
        RunState ended = store.find(runId).map(RunSummary::state).orElseThrow(() -> noSuchRun(runId));
        if (ended == RunState.SUCCEEDED && fromTask == null) {
            throw InputException.field("RUN", "run " + runId + " succeeded; give --from TASK or --from-start");
        }
        RunInstance run = load(notOnTemporal(store.stored(runId).orElseThrow(() -> noSuchRun(runId))), true);
        if (run == null) {
            throw new SwitchboardException("Run " + runId + " cannot be retried: its definition no longer reads.",
                    "Start a new run with --from-start.");
        }
        if (fromTask != null && !run.slots.containsKey(fromTask)) {
            active.remove(runId);
            throw InputException.field("--from", "run " + runId + " has no task '" + fromTask + "'");
        }
        operate(runId, actor, fromTask == null ? "retried from the failed tasks" : "retried from " + fromTask, r -> {
            java.util.Set<String> reset = new java.util.HashSet<>();
            if (fromTask != null) {
                reset.add(fromTask);
                boolean grew = true;
                while (grew) {
                    grew = false;
                    for (TaskSlot s : r.slots.values()) {
                        if (!reset.contains(s.taskId) && s.spec.dependsOn().stream().anyMatch(reset::contains)) {
                            grew = reset.add(s.taskId);
                        }
                    }
                }
            }
            for (TaskSlot s : List.copyOf(r.slots.values())) {
                boolean again = s.phase != RunInstance.Phase.MAIN || s.kind == TaskSlot.Kind.COMPENSATION
                        || (fromTask != null ? reset.contains(s.taskId)
                        : !(s.state == TaskState.SUCCEEDED || s.state == TaskState.SKIPPED && s.error != null
                        && s.error.startsWith("skipped:")));
                if (s.kind == TaskSlot.Kind.COMPENSATION || s.kind == TaskSlot.Kind.ITEM && again) {
                    r.slots.remove(s.key);
                    continue;
                }
                if (again) {
                    s.set(TaskState.CREATED);
                    s.attempts = 0;
                    s.output = null;
                    s.outputJson = null;
                    s.error = null;
                    s.startedAt = null;
                    s.endedAt = null;
                    s.wakeAt = null;
                    s.finishedSeq = null;
                    s.detail.clear();
                }
            }
            r.outcome = null;
            r.error = null;
            r.endedAt = null;
            r.phase = RunInstance.Phase.MAIN;
            r.state = RunState.RUNNING;
            r.markRunDirty();
        }, true);
    }

    /** Starts the same workflow again from the start with its newest definition and the same inputs. */
    public String rerun(String runId, WorkflowDefinition newest, Actor actor) {
        RunStore.StoredRun old = store.stored(runId).orElseThrow(() -> noSuchRun(runId));
        Map<String, Object> inputs = parseMap(old.inputs());
        String id = start(newest, inputs, actor.username(), old.summary().trainee());
        RunInstance run = active.get(id);
        if (run != null) {
            onRun(run, () -> run.history(actor.username(), "", "a rerun of " + runId + " with version "
                    + newest.version()));
        }
        services.audit().record(new AuditRecord(now(), actor.username(), AuditAction.WORKFLOW_CONTROL, "run " + runId,
                AuditRecord.Outcome.SUCCESS, "rerun from the start as " + id + " (version " + newest.version() + ")"));
        return id;
    }

    private void operate(String runId, Actor actor, String what, java.util.function.Consumer<RunInstance> change) {
        operate(runId, actor, what, change, false);
    }

    private void operate(String runId, Actor actor, String what, java.util.function.Consumer<RunInstance> change,
                         boolean loaded) {
        RunInstance run = requireActive(runId);
        onRun(run, () -> {
            change.accept(run);
            run.history(actor.username(), "", what + " by " + actor.username());
        });
        services.audit().record(new AuditRecord(now(), actor.username(), AuditAction.WORKFLOW_CONTROL, "run " + runId,
                AuditRecord.Outcome.SUCCESS, what));
    }

    private TaskSlot slot(RunInstance run, String key) {
        TaskSlot s = run.slots.get(key);
        if (s == null) {
            throw InputException.field("TASK", "run " + run.id + " has no task '" + key + "'");
        }
        return s;
    }

    private RunInstance requireActive(String runId) {
        RunInstance run = active.get(runId);
        if (run != null) {
            return run;
        }
        notOnTemporal(store.stored(runId).orElseThrow(() -> noSuchRun(runId)));
        RunSummary s = store.find(runId).orElseThrow(() -> noSuchRun(runId));
        throw InputException.field("RUN", "run " + runId + " has ended (" + s.state().label().toLowerCase(
                java.util.Locale.ROOT) + "); retry it with 'workflow retry'");
    }

    private static RunStore.StoredRun notOnTemporal(RunStore.StoredRun run) {
        if (RunStore.TEMPORAL.equals(run.engine())) {
            throw InputException.field("RUN", "run " + run.summary().id() + " runs on the Temporal service; there only"
                    + " approving, rejecting and cancelling are offered");
        }
        return run;
    }

    private static InputException noSuchRun(String runId) {
        return InputException.field("RUN", "no workflow run '" + runId + "' (see 'switchboard workflow list')");
    }

    // ---- resuming

    /**
     * Loads every unfinished run from the store and carries it on. Tasks that were running run again when they
     * may; otherwise they wait as interrupted. Gates and event waits are armed again; retries keep their times.
     *
     * @return how many runs were resumed
     */
    public int resumeAll() {
        requireOpen();
        int n = 0;
        for (RunStore.StoredRun stored : store.unfinished()) {
            if (active.containsKey(stored.summary().id())) {
                continue;
            }
            if (load(stored, false) != null) {
                n++;
            }
        }
        for (RunInstance run : List.copyOf(active.values())) {
            synchronized (run) {
                run.advance();
                run.flush();
            }
        }
        if (n > 0) {
            LOG.info("Resumed {} unfinished workflow run(s)", n);
        }
        return n;
    }

    /**
     * Loads one unfinished run and carries it on, as {@link #resumeAll()} does for all; nothing when it is loaded.
     *
     * @throws InputException when there is no such run or it has ended
     */
    public void resume(String runId) {
        requireOpen();
        if (active.containsKey(runId)) {
            return;
        }
        RunStore.StoredRun stored = notOnTemporal(store.stored(runId).orElseThrow(() -> noSuchRun(runId)));
        if (stored.summary().state().terminal()) {
            throw InputException.field("RUN", "run " + runId + " has ended (" + stored.summary().state().label()
                    .toLowerCase(java.util.Locale.ROOT) + ")");
        }
        RunInstance run = load(stored, false);
        if (run == null) {
            throw new SwitchboardException("Run " + runId + " cannot resume: its definition no longer reads.",
                    "See the log for the problems; cancel it or start a new run.");
        }
        synchronized (run) {
            run.advance();
            run.flush();
        }
    }

    private RunInstance load(RunStore.StoredRun stored, boolean ended) {
        RunSummary s = stored.summary();
        WorkflowDefinition def = definition(stored.hash());
        if (def == null) {
            LOG.error("Run {} cannot resume: its definition {} does not read any more", s.id(), stored.hash());
            return null;
        }
        Map<String, Object> inputs = parseMap(stored.inputs());
        RunInstance run = new RunInstance(this, s.id(), def, stored.hash(), inputs, stored.inputs(), s.startedBy(),
                s.trainee(), s.parentRun(), stored.parentTask(), s.createdAt());
        synchronized (run) {
            run.state = s.state();
            run.phase = RunInstance.Phase.of(stored.phase());
            run.outcome = stored.outcome() == null ? null : RunState.ofCode(stored.outcome()).orElse(null);
            run.paused = stored.paused();
            run.error = s.error();
            run.endedAt = s.endedAt();
            for (Object[] row : store.tasksWithSeq(s.id())) {
                dev.switchboard.workflow.model.TaskRun t = (dev.switchboard.workflow.model.TaskRun) row[0];
                TaskSlot slot = run.slots.get(t.key());
                if (slot == null) {
                    slot = restoredSlot(run, t);
                    if (slot == null) {
                        continue;
                    }
                    run.slots.put(t.key(), slot);
                }
                slot.state = t.state();
                slot.attempts = t.attempts();
                slot.startedAt = t.startedAt();
                slot.endedAt = t.endedAt();
                slot.wakeAt = t.wakeAt();
                slot.outputJson = t.outputJson();
                slot.output = parse(t.outputJson());
                slot.error = t.error();
                slot.detail = parseMap(t.detailJson());
                slot.finishedSeq = (Long) row[1];
                if (slot.finishedSeq != null) {
                    run.seq = Math.max(run.seq, slot.finishedSeq);
                }
            }
            active.put(run.id, run);
            if (!ended) {
                restart(run);
                armRunTimeout(run);
            }
        }
        return run;
    }

    private TaskSlot restoredSlot(RunInstance run, dev.switchboard.workflow.model.TaskRun t) {
        String key = t.key();
        if (key.startsWith("compensate:")) {
            TaskSlot original = run.slots.get(key.substring("compensate:".length()));
            if (original == null || original.spec.compensate() == null) {
                return null;
            }
            return new TaskSlot(key, original.taskId, original.spec.compensate(), TaskSlot.Kind.COMPENSATION,
                    RunInstance.Phase.COMPENSATING, original.key);
        }
        int bracket = key.indexOf('[');
        if (bracket > 0) {
            TaskSlot parent = run.slots.get(key.substring(0, bracket));
            if (parent == null) {
                return null;
            }
            return new TaskSlot(key, parent.taskId, parent.spec, TaskSlot.Kind.ITEM, parent.phase, parent.key);
        }
        return null;
    }

    /** What a restart does to each task that was under way when the program stopped. */
    private void restart(RunInstance run) {
        for (TaskSlot s : run.slots.values()) {
            switch (s.state) {
                case RUNNING -> {
                    if (s.kind == TaskSlot.Kind.FOR_EACH) {
                        continue;
                    }
                    if (run.mayRunAgain(s)) {
                        s.attempts = Math.max(0, s.attempts - 1);
                        s.set(TaskState.QUEUED);
                        run.history("engine", s.key, "was running when the program stopped; running it again");
                    } else {
                        s.set(TaskState.INTERRUPTED);
                        s.error = "was running when the program stopped; it may have had its effect: retry or skip it";
                        run.history("engine", s.key, "interrupted: was running when the program stopped and is not"
                                + " idempotent; retry or skip it");
                    }
                }
                case WAITING_FOR_APPROVAL, WAITING_FOR_EVENT -> run.relaunchWaiting(s);
                case RETRYING -> run.armWake(s);
                default -> {
                }
            }
        }
    }

    /** The definition stored under {@code hash}, read again (and kept) when not known in this process. */
    WorkflowDefinition definition(String hash) {
        WorkflowDefinition known = byHash.get(hash);
        if (known != null) {
            return known;
        }
        String[] source = store.definition(hash).orElse(null);
        if (source == null) {
            return null;
        }
        WorkflowReader.Result r = new WorkflowReader(source[1]).read(source[0], types(), expressions());
        r.problems().forEach(p -> LOG.error("Stored definition {}: {}", hash, p));
        r.definition().ifPresent(d -> byHash.put(hash, d));
        return r.definition().orElse(null);
    }

    // ---- reading

    /** The newest runs, newest first. */
    public List<RunSummary> runs(int limit) {
        return store.recent(limit);
    }

    /** A run with its definition, inputs, tasks and history, as stored. */
    public Optional<RunDetail> detail(String runId) {
        return store.stored(runId).map(s -> new RunDetail(s.summary(), definition(s.hash()), parseMap(s.inputs()),
                store.tasks(runId), store.history(runId)));
    }

    /**
     * Gates that wait for someone with {@code role} (null: anyone), oldest first; of either engine. Waits (briefly)
     * for this engine's checkpoints so far, so a gate it has just reached is listed.
     */
    public List<PendingApproval> inbox(String role) {
        sync(Duration.ofSeconds(5));
        return store.gates(role);
    }

    /** Whether the run is loaded and going in this engine. */
    public boolean isActive(String runId) {
        return active.containsKey(runId);
    }

    /** How many runs are loaded. */
    public int activeRuns() {
        return active.size();
    }

    /**
     * Waits until everything this engine has handed to the store so far is written (checkpoints commit in order, so
     * an empty one behind them is a barrier); at most {@code timeout}.
     */
    public void sync(Duration timeout) {
        CompletableFuture<Void> written = new CompletableFuture<>();
        checkpointer.submit(new Checkpointer.Checkpoint(List.of(), () -> written.complete(null),
                written::completeExceptionally));
        try {
            written.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.warn("Waiting for the workflow store to catch up: {}", e.toString());
        }
    }

    /** Group commits and checkpoints so far. */
    public long[] checkpointCounts() {
        return checkpointer.counts();
    }

    RunSummary summary(RunInstance run) {
        return new RunSummary(run.id, run.def.id(), run.def.version(), run.def.name(), run.state, run.startedBy,
                run.trainee, run.createdAt, run.endedAt, run.error, run.parentRun);
    }

    /** Links a session an exercise run drove to the run; written with the next group, never waited for. */
    public void link(String runId, String sessionId, String taskKey) {
        checkpointer.submit(new Checkpointer.Checkpoint(List.of(new Checkpointer.LinkRow(runId, sessionId, taskKey,
                now().toEpochMilli())), () -> { }, e -> LOG.warn("Could not link run {} to session {}", runId,
                sessionId, e)));
    }

    void linked(RunInstance run, String sessionId) {
        RunSummary summary = summary(run);
        executor.execute(() -> {
            try {
                services.observer().linked(store, summary, sessionId);
            } catch (RuntimeException e) {
                LOG.warn("Recording that run {} drove session {} failed", run.id, sessionId, e);
            }
        });
    }

    /** The SHA-256 of a definition's text, in hex: how the store keys the definitions runs started with. */
    public static String hash(String source) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                    source.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("The workflow engine is closed");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops starting anything, writes what is queued and closes; unfinished runs resume at the next start. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        checkpointer.close();
        services.clock().close();
    }
}
