package dev.switchboard.workflow.engine;

import dev.switchboard.workflow.model.TaskSpec;
import dev.switchboard.workflow.model.TaskState;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** One task of a run in memory: its spec, its state as last checkpointed or about to be, and its live attempt. */
final class TaskSlot {

    /** What part of the run the slot belongs to. */
    enum Kind { TASK, FOR_EACH, ITEM, COMPENSATION }

    static final int LOG_LINES = 50;

    final String key;
    final String taskId;
    final TaskSpec spec;
    final Kind kind;
    final RunInstance.Phase phase;
    final String parentKey;

    TaskState state = TaskState.CREATED;
    int attempts;
    Instant startedAt;
    Instant endedAt;
    Instant wakeAt;
    Object output;
    String outputJson;
    String error;
    Map<String, Object> detail = new LinkedHashMap<>();
    Long finishedSeq;
    boolean dirty;

    // The live attempt; guarded by the run's lock.
    long token;
    boolean counted;
    EngineContext context;
    AutoCloseable timeoutTimer;
    AutoCloseable wakeTimer;
    AutoCloseable deadlineTimer;
    CompletableFuture<dev.switchboard.workflow.spi.TaskResult> approval;
    final Deque<String> log = new ArrayDeque<>();

    TaskSlot(String key, String taskId, TaskSpec spec, Kind kind, RunInstance.Phase phase, String parentKey) {
        this.key = key;
        this.taskId = taskId;
        this.spec = spec;
        this.kind = kind;
        this.phase = phase;
        this.parentKey = parentKey;
    }

    void set(TaskState next) {
        state = next;
        dirty = true;
    }

    synchronized void addLog(String line) {
        if (log.size() >= LOG_LINES) {
            log.removeFirst();
        }
        log.addLast(line);
    }

    synchronized java.util.List<String> logLines() {
        return java.util.List.copyOf(log);
    }

    static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception ignored) {
                // A timer that already ran or was cancelled.
            }
        }
    }

    void cancelTimers() {
        closeQuietly(timeoutTimer);
        closeQuietly(wakeTimer);
        closeQuietly(deadlineTimer);
        timeoutTimer = null;
        wakeTimer = null;
        deadlineTimer = null;
    }
}
