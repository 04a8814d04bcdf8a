package dev.switchboard.workflow.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One streamed progress item of a run: a task started or finished, a log line, a progress fraction, a change of
 * the run's state. Listeners receive these through bounded buffers; a chatty task never blocks the engine.
 *
 * @param taskKey  empty for the run as a whole
 * @param fraction 0..1 for {@link Kind#PROGRESS}, else -1
 */
public record Progress(String runId, Kind kind, String taskKey, String text, double fraction, Instant at) {

    /** What happened. */
    public enum Kind { TASK_STARTED, LOG, PROGRESS, TASK_FINISHED, RUN_STATE }

    public Progress {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(kind, "kind");
        taskKey = taskKey == null ? "" : taskKey;
        text = text == null ? "" : text;
        Objects.requireNonNull(at, "at");
    }
}
