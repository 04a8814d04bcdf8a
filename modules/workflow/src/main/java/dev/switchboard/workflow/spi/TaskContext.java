package dev.switchboard.workflow.spi;

import dev.switchboard.core.event.EventBus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * What one attempt of a task sees and may do. Built by the engine; thread-safe.
 */
public interface TaskContext {

    String runId();

    /** The task's id, or {@code id[index]} for one item of a {@code forEach}. */
    String taskKey();

    /** 1 for the first attempt. */
    int attempt();

    /** The task's parameters with every expression already worked out. */
    Map<String, Object> params();

    /** The run's inputs. */
    Map<String, Object> inputs();

    /** The item of a {@code forEach} copy, or null. */
    Object item();

    /** The user name that started the run. */
    String startedBy();

    EventBus bus();

    /** The engine's clock: a test clock in tests, the wall clock otherwise. */
    Instant now();

    /** A service the composition root gave the engine (the AI gateway, the event log, …), by exact type. */
    <T> Optional<T> service(Class<T> type);

    /** A line for the run's live view and the task's log; cheap, never blocks. */
    void log(String line);

    /** How far the task is, 0..1, for the live view. */
    void progress(double fraction);

    /** Whether the run was cancelled or this attempt timed out: stop soon. */
    boolean cancelled();

    /**
     * Records durably that the task now waits for an event, with what it needs to wait again after a restart; the
     * returned stage completes once that is stored. After a restart the task is started again and finds the same
     * detail in {@link #waitingDetail()}.
     */
    CompletionStage<Void> waitingForEvent(Map<String, Object> detail);

    /** What {@link #waitingForEvent} stored before a restart; empty on a first start. */
    Map<String, Object> waitingDetail();

    /**
     * Runs {@code action} at {@code at} on the engine's clock (at once when past); for waits, deadlines, polls.
     * The handle cancels it.
     */
    AutoCloseable at(Instant at, Runnable action);

    /**
     * Works out a condition written in the workflow's expression language (sandboxed), with {@code vars} added to
     * the run's own ({@code inputs}, {@code tasks}, {@code run}); for conditions over an event, say.
     */
    boolean test(String expression, Map<String, Object> vars);

    /** Records that this run drove the training session {@code sessionId}, so Review shows them side by side. */
    void linkSession(String sessionId);

    /**
     * Waits for a person at an approval gate; the engine keeps the gate, checks who decides and audits it.
     *
     * @return completes with the task's result once decided (or at the deadline)
     */
    CompletionStage<TaskResult> awaitApproval(ApprovalRequest request);

    /**
     * Starts the workflow {@code workflowId} as a child of this task and completes with its outputs; a restart finds
     * the same child again instead of starting another.
     */
    CompletionStage<TaskResult> subflow(String workflowId, Map<String, Object> inputs);

    /**
     * An approval gate's question.
     *
     * @param form       the fields the person fills in: name → {type, label, required, default, values}
     * @param roles      role names that may decide
     * @param deadline   null for none
     * @param onDeadline {@code approve}, {@code reject} or {@code escalate}
     * @param onReject   {@code fail} (the run fails) or {@code continue} (output {@code approved: false})
     */
    record ApprovalRequest(String title, String message, List<Map<String, Object>> form, List<String> roles,
                           Instant deadline, String onDeadline, String onReject) {
    }
}
