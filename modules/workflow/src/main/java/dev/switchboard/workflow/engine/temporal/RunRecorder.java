package dev.switchboard.workflow.engine.temporal;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.Map;

/**
 * What the interpreter workflow reports as it goes, run as local activities on the worker that runs it, so the
 * workstation's store mirrors a Temporal run: its row, its tasks with their states and outputs, its history. The
 * Runs view, the approval inbox and {@code workflow show} read that mirror as they read embedded runs.
 */
@ActivityInterface
public interface RunRecorder {

    /** The run began (written once; a subflow's row is written here, a top-level run's already by the starter). */
    @ActivityMethod(name = "RecordRunStarted")
    void started(String runId, String yaml, Map<String, Object> inputs, Map<String, String> meta, long at);

    /**
     * One task's row: {@code key}, {@code taskId}, {@code state} (a task state code), {@code attempts},
     * {@code startedAt}, {@code endedAt} (epoch ms), {@code output}, {@code error}, {@code detail} (a waiting gate).
     */
    @ActivityMethod(name = "RecordTask")
    void task(String runId, Map<String, Object> row);

    /** A line of the run's history. */
    @ActivityMethod(name = "RecordHistory")
    void history(String runId, long at, String actor, String taskKey, String what);

    /** The run's state (a run state code); with {@code endedAt} the run has ended. */
    @ActivityMethod(name = "RecordRunState")
    void state(String runId, String state, String error, Long endedAt);
}
