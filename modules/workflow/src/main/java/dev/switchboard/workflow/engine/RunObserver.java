package dev.switchboard.workflow.engine;

import dev.switchboard.workflow.model.RunSummary;
import dev.switchboard.workflow.model.WorkflowDefinition;

/**
 * Hears runs start and end, after the engine stored them: for example to list an exercise run as a session in
 * Review. Called on engine threads (or a Temporal worker's); must not block for long.
 */
public interface RunObserver {

    /** Hears nothing. */
    RunObserver NONE = new RunObserver() { };

    /** The run is stored and started; {@code store} reads the runs (of either engine). */
    default void started(RunStore store, RunSummary run, WorkflowDefinition def) {
    }

    /** The run drove the training session {@code sessionId} (a call, a control-room exercise). */
    default void linked(RunStore store, RunSummary run, String sessionId) {
    }

    default void ended(RunStore store, RunSummary run) {
    }
}
