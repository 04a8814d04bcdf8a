package dev.switchboard.workflow.engine;

import dev.switchboard.core.text.Counts;
import dev.switchboard.workflow.engine.Checkpointer.Checkpoint;
import dev.switchboard.workflow.engine.Checkpointer.Write;
import dev.switchboard.workflow.model.Progress;
import dev.switchboard.workflow.model.RunState;
import dev.switchboard.workflow.model.TaskSpec;
import dev.switchboard.workflow.model.TaskState;
import dev.switchboard.workflow.model.WorkflowDefinition;
import dev.switchboard.workflow.spi.TaskResult;
import dev.switchboard.workflow.spi.TaskType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run in memory and its state machine. Every change happens under the instance's lock and is gathered into a
 * checkpoint; {@link #flush()} hands the checkpoint to the {@link Checkpointer}, and only once it is durable do the
 * tasks it started begin and the live view hear of it. So a crash at any moment leaves the store at a state from
 * which {@link WorkflowEngine#resumeAll()} carries on.
 */
final class RunInstance {

    private static final Logger LOG = LoggerFactory.getLogger(RunInstance.class);

    /** The part of the run that is under way. */
    enum Phase {
        MAIN("main"), COMPENSATING("compensating"), FAILURE("failure"), FINALLY("finally"), DONE("done");

        final String word;

        Phase(String word) {
            this.word = word;
        }

        static Phase of(String word) {
            for (Phase p : values()) {
                if (p.word.equals(word)) {
                    return p;
                }
            }
            throw new IllegalArgumentException("unknown phase " + word);
        }
    }

    final WorkflowEngine engine;
    final String id;
    WorkflowDefinition def;
    String hash;
    final Map<String, Object> inputs;
    final String inputsJson;
    final String startedBy;
    final String trainee;
    final String parentRun;
    final String parentTask;
    final Instant createdAt;
    Instant endedAt;
    String error;
    RunState state = RunState.CREATED;
    Phase phase = Phase.MAIN;
    RunState outcome;
    boolean paused;
    final LinkedHashMap<String, TaskSlot> slots = new LinkedHashMap<>();
    long seq;
    int running;
    /** Whether the run waits in the engine's queue for a task slot. */
    final java.util.concurrent.atomic.AtomicBoolean waitingForSlot = new java.util.concurrent.atomic.AtomicBoolean();
    AutoCloseable runTimer;

    // The checkpoint being gathered.
    private final List<Write> writes = new ArrayList<>();
    private final List<Runnable> afterCommit = new ArrayList<>();
    private final List<Progress> progress = new ArrayList<>();
    private boolean runDirty;
    final List<CompletableFuture<RunState>> settledWaiters = new ArrayList<>();
    final List<java.util.function.Consumer<RunInstance>> endListeners = new ArrayList<>();
    /** Completes once the run's end is durable. */
    final CompletableFuture<RunState> end = new CompletableFuture<>();

    RunInstance(WorkflowEngine engine, String id, WorkflowDefinition def, String hash, Map<String, Object> inputs,
                String inputsJson, String startedBy, String trainee, String parentRun, String parentTask,
                Instant createdAt) {
        this.engine = engine;
        this.id = id;
        this.def = def;
        this.hash = hash;
        this.inputs = inputs;
        this.inputsJson = inputsJson;
        this.startedBy = startedBy;
        this.trainee = trainee;
        this.parentRun = parentRun;
        this.parentTask = parentTask;
        this.createdAt = createdAt;
        buildSlots();
    }

    /** The slots of every task of the definition, all not started. */
    void buildSlots() {
        for (TaskSpec t : def.tasks()) {
            slots.putIfAbsent(t.id(), new TaskSlot(t.id(), t.id(), t, t.forEach() != null ? TaskSlot.Kind.FOR_EACH
                    : TaskSlot.Kind.TASK, Phase.MAIN, null));
        }
        for (TaskSpec t : def.onFailure()) {
            slots.putIfAbsent(t.id(), new TaskSlot(t.id(), t.id(), t, t.forEach() != null ? TaskSlot.Kind.FOR_EACH
                    : TaskSlot.Kind.TASK, Phase.FAILURE, null));
        }
        for (TaskSpec t : def.finallyTasks()) {
            slots.putIfAbsent(t.id(), new TaskSlot(t.id(), t.id(), t, t.forEach() != null ? TaskSlot.Kind.FOR_EACH
                    : TaskSlot.Kind.TASK, Phase.FINALLY, null));
        }
    }

    // ---- the state machine (callers hold the lock)

    /** Moves the run on as far as it can go without waiting; call {@link #flush()} after. */
    void advance() {
        if (phase == Phase.DONE) {
            return;
        }
        for (int guard = 0; guard < 10; guard++) {
            Phase before = phase;
            switch (phase) {
                case MAIN -> advanceMain();
                case COMPENSATING -> advanceCompensation();
                case FAILURE -> advanceList(Phase.FAILURE, Phase.FINALLY);
                case FINALLY -> advanceList(Phase.FINALLY, Phase.DONE);
                case DONE -> {
                    return;
                }
            }
            if (phase == before) {
                return;
            }
            runDirty = true;
            if (phase == Phase.DONE) {
                finish();
                return;
            }
        }
    }

    private void advanceMain() {
        if (outcome == null) {
            TaskSlot failed = firstFailed(Phase.MAIN);
            if (failed != null) {
                outcome = failed.state == TaskState.TIMED_OUT ? RunState.TIMED_OUT : RunState.FAILED;
                error = failed.key + ": " + (failed.error == null ? failed.state.label() : failed.error);
                runDirty = true;
                history("engine", failed.key, "the run fails: " + error);
            }
        }
        if (outcome != null) {
            stopPhase(Phase.MAIN);
            if (countActive(Phase.MAIN) > 0) {
                return;
            }
            if (outcome == RunState.CANCELLED) {
                phase = Phase.FINALLY;
            } else if (beginCompensation()) {
                phase = Phase.COMPENSATING;
            } else {
                phase = Phase.FAILURE;
            }
            return;
        }
        schedule(Phase.MAIN);
        if (allTerminal(Phase.MAIN)) {
            outcome = RunState.SUCCEEDED;
            phase = Phase.FINALLY;
        }
    }

    private void advanceList(Phase current, Phase next) {
        schedule(current);
        if (allTerminal(current)) {
            phase = next;
        }
    }

    /** Creates the rollback steps of the succeeded tasks that have one, newest first; false when there are none. */
    private boolean beginCompensation() {
        List<TaskSlot> done = slots.values().stream()
                .filter(s -> s.phase == Phase.MAIN && s.kind != TaskSlot.Kind.FOR_EACH
                        && s.state == TaskState.SUCCEEDED && s.spec.compensate() != null)
                .sorted(Comparator.comparing((TaskSlot s) -> s.finishedSeq == null ? 0 : s.finishedSeq).reversed())
                .toList();
        if (done.isEmpty()) {
            return false;
        }
        for (TaskSlot s : done) {
            String key = "compensate:" + s.key;
            if (!slots.containsKey(key)) {
                TaskSlot c = new TaskSlot(key, s.taskId, s.spec.compensate(), TaskSlot.Kind.COMPENSATION,
                        Phase.COMPENSATING, s.key);
                c.detail.put("order", slots.size());
                c.dirty = true;
                slots.put(key, c);
            }
        }
        history("engine", "", "rolling back " + Counts.of(done.size(), "task", "tasks")
                + ", newest first");
        return true;
    }

    private void advanceCompensation() {
        List<TaskSlot> steps = slots.values().stream().filter(s -> s.kind == TaskSlot.Kind.COMPENSATION).toList();
        for (TaskSlot c : steps) {
            if (c.state == TaskState.SUCCEEDED) {
                continue;
            }
            if (c.state.terminal()) {
                outcome = RunState.FAILED;
                error = "rolling back " + c.parentKey + " failed: " + c.error;
                runDirty = true;
                phase = Phase.FAILURE;
                return;
            }
            if (c.state == TaskState.CREATED) {
                c.set(TaskState.QUEUED);
            }
            if (c.state == TaskState.QUEUED && !paused) {
                startAttempt(c);
            }
            return;
        }
        outcome = RunState.ROLLED_BACK;
        runDirty = true;
        phase = Phase.FAILURE;
    }

    /** Starts what may start in {@code p}: dependencies done, condition true, within the concurrency limits. */
    private void schedule(Phase p) {
        for (TaskSlot s : List.copyOf(slots.values())) {
            if (s.phase != p || s.kind == TaskSlot.Kind.ITEM) {
                continue;
            }
            if (s.state == TaskState.CREATED) {
                Boolean ready = depsReady(s);
                if (ready == null) {
                    s.set(TaskState.SKIPPED);
                    s.error = "not run: a task it depends on did not succeed";
                    s.endedAt = engine.now();
                    progress(Progress.Kind.TASK_FINISHED, s.key, s.state.label());
                } else if (ready) {
                    becomeReady(s);
                }
            }
            if (s.state == TaskState.QUEUED && s.kind == TaskSlot.Kind.TASK && canStart()) {
                startAttempt(s);
            }
            if (s.kind == TaskSlot.Kind.FOR_EACH && s.state == TaskState.RUNNING) {
                scheduleItems(s);
            }
        }
    }

    /** True when every dependency let it run, null when one ended without success, false while waiting. */
    private Boolean depsReady(TaskSlot s) {
        boolean all = true;
        for (String dep : s.spec.dependsOn()) {
            TaskSlot d = slots.get(dep);
            if (d == null) {
                continue;
            }
            if (d.state.terminal() && !d.state.letsDependentsRun()) {
                return null;
            }
            if (!d.state.letsDependentsRun()) {
                all = false;
            }
        }
        return all;
    }

    private void becomeReady(TaskSlot s) {
        if (s.spec.when() != null) {
            boolean go;
            try {
                go = engine.expressions().test(s.spec.when(), vars(null, -1));
            } catch (RuntimeException e) {
                fail(s, "when: " + e.getMessage(), TaskState.FAILED);
                return;
            }
            if (!go) {
                s.set(TaskState.SKIPPED);
                s.endedAt = engine.now();
                s.error = "skipped: '" + s.spec.when() + "' was false";
                history("engine", s.key, "skipped: its condition was false");
                progress(Progress.Kind.TASK_FINISHED, s.key, s.state.label());
                return;
            }
        }
        if (s.kind == TaskSlot.Kind.FOR_EACH) {
            expand(s);
        } else {
            s.set(TaskState.QUEUED);
        }
    }

    private void expand(TaskSlot parent) {
        List<?> items;
        try {
            String text = parent.spec.forEach().items().strip();
            Object value = text.startsWith("${") ? engine.expressions().resolve(text, vars(null, -1))
                    : engine.expressions().evaluate(text, vars(null, -1));
            if (!(value instanceof List<?> list)) {
                throw new IllegalArgumentException("forEach.items gave " + value + ", not a list");
            }
            items = list;
        } catch (RuntimeException e) {
            fail(parent, "forEach: " + e.getMessage(), TaskState.FAILED);
            return;
        }
        parent.set(TaskState.RUNNING);
        parent.startedAt = engine.now();
        parent.detail.put("items", items.size());
        for (int i = 0; i < items.size(); i++) {
            String key = parent.key + "[" + i + "]";
            TaskSlot item = new TaskSlot(key, parent.taskId, parent.spec, TaskSlot.Kind.ITEM, parent.phase,
                    parent.key);
            item.detail.put("item", items.get(i));
            item.detail.put("index", i);
            item.set(TaskState.QUEUED);
            slots.put(key, item);
        }
        history("engine", parent.key, "for each of " + Counts.of(items.size(), "item", "items"));
        progress(Progress.Kind.TASK_STARTED, parent.key, "");
    }

    private void scheduleItems(TaskSlot parent) {
        List<TaskSlot> items = items(parent);
        int limit = !parent.spec.forEach().parallel() ? 1
                : parent.spec.forEach().concurrency() > 0 ? parent.spec.forEach().concurrency() : def.concurrency();
        int active = (int) items.stream().filter(i -> i.state == TaskState.RUNNING).count();
        for (TaskSlot item : items) {
            if (item.state == TaskState.QUEUED && active < limit && canStart()) {
                startAttempt(item);
                active++;
            }
        }
        if (items.stream().allMatch(i -> i.state.terminal())) {
            TaskSlot bad = items.stream().filter(i -> !i.state.letsDependentsRun()).findFirst().orElse(null);
            parent.endedAt = engine.now();
            if (bad == null) {
                List<Object> outputs = new ArrayList<>();
                items.forEach(i -> outputs.add(i.output));
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("items", outputs);
                parent.output = out;
                parent.outputJson = engine.json(out);
                parent.finishedSeq = ++seq;
                parent.set(TaskState.SUCCEEDED);
                history("engine", parent.key, "succeeded for all " + Counts.of(items.size(), "item", "items"));
            } else {
                parent.error = bad.key + ": " + bad.error;
                parent.set(bad.state == TaskState.TIMED_OUT ? TaskState.TIMED_OUT : TaskState.FAILED);
                history("engine", parent.key, parent.state.label().toLowerCase(java.util.Locale.ROOT) + ": "
                        + parent.error);
            }
            progress(Progress.Kind.TASK_FINISHED, parent.key, parent.state.label());
        }
    }

    List<TaskSlot> items(TaskSlot parent) {
        List<TaskSlot> out = new ArrayList<>();
        for (int i = 0; ; i++) {
            TaskSlot item = slots.get(parent.key + "[" + i + "]");
            if (item == null) {
                return out;
            }
            out.add(item);
        }
    }

    private boolean canStart() {
        return !paused && running < def.concurrency() && engine.tryTakeSlot(this);
    }

    private void startAttempt(TaskSlot s) {
        s.attempts++;
        s.set(TaskState.RUNNING);
        s.startedAt = engine.now();
        s.endedAt = null;
        s.wakeAt = null;
        s.error = null;
        s.token++;
        s.counted = true;
        running++;
        long token = s.token;
        Map<String, Object> vars = vars(s.kind == TaskSlot.Kind.ITEM ? s.detail.get("item") : null,
                s.kind == TaskSlot.Kind.ITEM ? ((Number) s.detail.get("index")).intValue() : -1);
        if (s.attempts > 1) {
            history("engine", s.key, "attempt " + s.attempts);
        }
        progress(Progress.Kind.TASK_STARTED, s.key, s.attempts > 1 ? "attempt " + s.attempts : "");
        afterCommit.add(() -> engine.launch(this, s, token, vars));
    }

    /** Relaunches a waiting task after a restart; its waiting state is already in the store. */
    void relaunchWaiting(TaskSlot s) {
        s.token++;
        long token = s.token;
        Map<String, Object> vars = vars(s.kind == TaskSlot.Kind.ITEM ? s.detail.get("item") : null,
                s.kind == TaskSlot.Kind.ITEM ? ((Number) s.detail.get("index")).intValue() : -1);
        afterCommit.add(() -> engine.launch(this, s, token, vars));
    }

    /** The end of one attempt; stale ends (after a timeout, a cancel, a skip) are ignored. */
    void finished(TaskSlot s, long token, TaskResult result) {
        if (s.token != token || !(s.state == TaskState.RUNNING || s.state == TaskState.WAITING_FOR_APPROVAL
                || s.state == TaskState.WAITING_FOR_EVENT)) {
            return;
        }
        s.token++;
        release(s);
        s.cancelTimers();
        s.approval = null;
        if (s.context != null) {
            List<String> lines = s.logLines();
            if (lines.isEmpty()) {
                s.detail.remove("log");
            } else {
                s.detail.put("log", lines);
            }
        }
        s.detail.remove("gate");
        if (result.succeeded()) {
            s.output = result.output();
            s.outputJson = engine.json(result.output());
            s.endedAt = engine.now();
            s.finishedSeq = ++seq;
            s.set(TaskState.SUCCEEDED);
            if (result.storeEffect() != null) {
                writes.add(new Checkpointer.Effect(result.storeEffect()));
            }
            if (s.kind == TaskSlot.Kind.COMPENSATION) {
                TaskSlot original = slots.get(s.parentKey);
                original.set(TaskState.ROLLED_BACK);
                history("engine", original.key, "rolled back");
                progress(Progress.Kind.TASK_FINISHED, original.key, original.state.label());
            }
            if (s.attempts > 1 || s.kind == TaskSlot.Kind.COMPENSATION) {
                history("engine", s.key, "succeeded" + (s.attempts > 1 ? " on attempt " + s.attempts : ""));
            }
            progress(Progress.Kind.TASK_FINISHED, s.key, s.state.label());
        } else {
            String kind = result.errorKind();
            boolean timeout = "timeout".equals(kind);
            if (s.attempts < s.spec.retry().maxAttempts() && s.spec.retry().retries(kind) && !isStopping(s)) {
                Duration delay = s.spec.retry().delay(s.attempts + 1, engine.random());
                s.wakeAt = engine.now().plus(delay);
                s.error = result.error();
                s.set(TaskState.RETRYING);
                history("engine", s.key, "attempt " + s.attempts + " failed (" + result.error() + "); retrying in "
                        + Durations.format(delay));
                progress(Progress.Kind.LOG, s.key, "retrying in " + Durations.format(delay) + ": " + result.error());
                armWake(s);
            } else {
                fail(s, result.error(), timeout ? TaskState.TIMED_OUT : TaskState.FAILED);
            }
        }
    }

    private boolean isStopping(TaskSlot s) {
        return outcome != null && s.phase == Phase.MAIN;
    }

    void armWake(TaskSlot s) {
        long token = s.token;
        s.wakeTimer = engine.clock().schedule(s.wakeAt, () -> engine.onRun(this, () -> {
            if (s.token == token && s.state == TaskState.RETRYING) {
                s.set(TaskState.QUEUED);
                s.wakeAt = null;
            }
        }));
    }

    void fail(TaskSlot s, String message, TaskState as) {
        s.error = message;
        s.endedAt = engine.now();
        s.set(as);
        history("engine", s.key, as.label().toLowerCase(java.util.Locale.ROOT) + ": " + message);
        progress(Progress.Kind.TASK_FINISHED, s.key, as.label() + ": " + message);
    }

    /** Stops what has not finished in {@code p} once the run is failing or cancelled; running tasks may finish. */
    private void stopPhase(Phase p) {
        for (TaskSlot s : slots.values()) {
            if (s.phase != p || s.state.terminal()) {
                continue;
            }
            switch (s.state) {
                case CREATED, QUEUED -> {
                    s.set(TaskState.SKIPPED);
                    s.error = "not run: the run " + (outcome == RunState.CANCELLED ? "was cancelled" : "failed");
                    s.endedAt = engine.now();
                }
                case RETRYING, INTERRUPTED, WAITING_FOR_APPROVAL, WAITING_FOR_EVENT -> cancelSlot(s);
                case RUNNING -> {
                    if (outcome == RunState.CANCELLED || outcome == RunState.TIMED_OUT) {
                        cancelSlot(s);
                    }
                }
                default -> {
                }
            }
        }
    }

    void cancelSlot(TaskSlot s) {
        s.token++;
        release(s);
        s.cancelTimers();
        if (s.context != null) {
            s.context.cancel();
        }
        if (s.approval != null) {
            s.approval.cancel(false);
            s.approval = null;
        }
        s.detail.remove("gate");
        s.endedAt = engine.now();
        s.set(TaskState.CANCELLED);
        engine.cancelChild(this, s);
        history("engine", s.key, "cancelled");
        progress(Progress.Kind.TASK_FINISHED, s.key, s.state.label());
    }

    void release(TaskSlot s) {
        if (s.counted) {
            s.counted = false;
            running--;
            engine.releaseSlot();
        }
    }

    private TaskSlot firstFailed(Phase p) {
        for (TaskSlot s : slots.values()) {
            if (s.phase == p && s.kind != TaskSlot.Kind.ITEM
                    && (s.state == TaskState.FAILED || s.state == TaskState.TIMED_OUT)) {
                return s;
            }
        }
        return null;
    }

    private int countActive(Phase p) {
        int n = 0;
        for (TaskSlot s : slots.values()) {
            if (s.phase == p && (s.state == TaskState.RUNNING || s.state == TaskState.WAITING_FOR_APPROVAL
                    || s.state == TaskState.WAITING_FOR_EVENT)) {
                n++;
            }
        }
        return n;
    }

    private boolean allTerminal(Phase p) {
        for (TaskSlot s : slots.values()) {
            if (s.phase == p && !s.state.terminal()) {
                return false;
            }
        }
        return true;
    }

    private void finish() {
        state = outcome == null ? RunState.SUCCEEDED : outcome;
        endedAt = engine.now();
        runDirty = true;
        TaskSlot.closeQuietly(runTimer);
        history("engine", "", "ended: " + state.label());
        progress(Progress.Kind.RUN_STATE, "", state.label());
    }

    /** What expressions see: the inputs, each task's state and output, the run, and a forEach's item. */
    Map<String, Object> vars(Object item, int index) {
        Map<String, Object> tasks = new HashMap<>();
        for (TaskSlot s : slots.values()) {
            if (s.kind == TaskSlot.Kind.ITEM || s.kind == TaskSlot.Kind.COMPENSATION) {
                continue;
            }
            Map<String, Object> t = new HashMap<>();
            t.put("state", s.state.code());
            t.put("output", s.output == null ? Map.of() : s.output);
            t.put("succeeded", s.state == TaskState.SUCCEEDED);
            t.put("attempts", s.attempts);
            t.put("error", s.error == null ? "" : s.error);
            tasks.put(s.taskId, t);
        }
        Map<String, Object> run = new HashMap<>();
        run.put("id", id);
        run.put("startedBy", startedBy);
        run.put("trainee", trainee == null ? "" : trainee);
        run.put("workflow", def.id());
        run.put("error", error == null ? "" : error);
        Map<String, Object> vars = new HashMap<>();
        vars.put("inputs", inputs);
        vars.put("tasks", tasks);
        vars.put("run", run);
        if (item != null || index >= 0) {
            vars.put("item", item);
            vars.put("index", index);
        }
        return vars;
    }

    // ---- checkpoints

    void history(String actor, String taskKey, String what) {
        writes.add(new Checkpointer.HistoryRow(id, engine.now().toEpochMilli(), actor, taskKey, what));
    }

    void progress(Progress.Kind kind, String taskKey, String text) {
        progress.add(new Progress(id, kind, taskKey, text, -1, engine.now()));
    }

    void write(Write w) {
        writes.add(w);
    }

    void markRunDirty() {
        runDirty = true;
    }

    void afterCommit(Runnable r) {
        afterCommit.add(r);
    }

    RunState computeState() {
        if (phase == Phase.DONE) {
            return state;
        }
        if (paused) {
            return RunState.PAUSED;
        }
        if (phase == Phase.COMPENSATING) {
            return RunState.COMPENSATING;
        }
        boolean anyRunning = false;
        boolean retrying = false;
        boolean interrupted = false;
        boolean approval = false;
        boolean event = false;
        boolean queued = false;
        for (TaskSlot s : slots.values()) {
            switch (s.state) {
                case RUNNING -> anyRunning |= s.kind != TaskSlot.Kind.FOR_EACH;
                case RETRYING -> retrying = true;
                case INTERRUPTED -> interrupted = true;
                case WAITING_FOR_APPROVAL -> approval = true;
                case WAITING_FOR_EVENT -> event = true;
                case QUEUED -> queued = true;
                default -> {
                }
            }
        }
        if (anyRunning) {
            return RunState.RUNNING;
        }
        if (queued) {
            return RunState.QUEUED;
        }
        if (retrying) {
            return RunState.RETRYING;
        }
        if (interrupted) {
            return RunState.WAITING_FOR_DECISION;
        }
        if (approval) {
            return RunState.WAITING_FOR_APPROVAL;
        }
        if (event) {
            return RunState.WAITING_FOR_EVENT;
        }
        return RunState.RUNNING;
    }

    /** Hands what changed since the last flush to the checkpointer; what follows from it waits for the commit. */
    void flush() {
        RunState now = computeState();
        if (now != state) {
            if (phase != Phase.DONE) {
                progress(Progress.Kind.RUN_STATE, "", now.label());
            }
            state = now;
            runDirty = true;
        }
        List<Write> out = new ArrayList<>();
        if (runDirty) {
            out.add(runRow());
            runDirty = false;
        }
        for (TaskSlot s : slots.values()) {
            if (s.dirty) {
                out.add(taskRow(s));
                s.dirty = false;
            }
        }
        out.addAll(writes);
        writes.clear();
        if (out.isEmpty() && afterCommit.isEmpty()) {
            return;
        }
        List<Runnable> then = List.copyOf(afterCommit);
        List<Progress> told = List.copyOf(progress);
        afterCommit.clear();
        progress.clear();
        RunState settledState = state;
        boolean settled = settledState.terminal() || settledState.waiting();
        List<CompletableFuture<RunState>> waiters = settled ? drainWaiters() : List.of();
        boolean ended = phase == Phase.DONE;
        List<java.util.function.Consumer<RunInstance>> onEnd = ended ? List.copyOf(endListeners) : List.of();
        if (ended) {
            endListeners.clear();
        }
        engine.checkpointer().submit(new Checkpoint(out, () -> {
            told.forEach(engine.progress()::publish);
            then.forEach(Runnable::run);
            if (ended) {
                // Off the active list before anyone waiting is told it ended, so that a retry or rerun
                // asked for at once finds it ended.
                engine.ended(this);
            }
            waiters.forEach(w -> w.complete(settledState));
            if (ended) {
                end.complete(settledState);
                onEnd.forEach(l -> l.accept(this));
            }
        }, e -> LOG.error("Run {} could not be checkpointed; it carries on from its last stored state at the next"
                + " start", id, e)));
    }

    private List<CompletableFuture<RunState>> drainWaiters() {
        List<CompletableFuture<RunState>> out = List.copyOf(settledWaiters);
        settledWaiters.clear();
        return out;
    }

    Checkpointer.RunRow runRow() {
        return new Checkpointer.RunRow(id, def.id(), hash, def.version(), def.name(), state.code(), phase.word,
                outcome == null ? null : outcome.code(), paused, inputsJson, startedBy, trainee, parentRun, parentTask,
                createdAt.toEpochMilli(), endedAt == null ? null : endedAt.toEpochMilli(), error);
    }

    Checkpointer.TaskRow taskRow(TaskSlot s) {
        return new Checkpointer.TaskRow(id, s.key, s.taskId, s.state.code(), s.attempts, millis(s.startedAt),
                millis(s.endedAt), millis(s.wakeAt), s.outputJson, s.error,
                s.detail.isEmpty() ? null : engine.json(s.detail), s.finishedSeq);
    }

    private static Long millis(Instant i) {
        return i == null ? null : i.toEpochMilli();
    }

    /** Whether the run's task {@code s} may run again after a stop, by its spec or its type. */
    boolean mayRunAgain(TaskSlot s) {
        TaskType type = engine.types().find(s.spec.type()).orElse(null);
        if (type != null && type.info().transactional()) {
            return true;
        }
        Boolean declared = s.spec.idempotent();
        return declared != null ? declared : type != null && type.info().idempotent();
    }
}
