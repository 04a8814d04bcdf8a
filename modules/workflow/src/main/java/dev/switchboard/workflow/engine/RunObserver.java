package dev.switchboard.workflow.engine;

import dev.switchboard.workflow.model.RunSummary;
import dev.switchboard.workflow.model.WorkflowDefinition;

/**
 * Hears runs start and end, after the engine stored them: for example to list an exercise run as a session in
 * Review. Called on engine threads; must not block for long.
 */
public interface RunObserver {

    /** Hears nothing. */
    RunObserver NONE = new RunObserver() { };

    default void started(WorkflowEngine engine, RunSummary run, WorkflowDefinition def) {
    }

    /** The run drove the training session {@code sessionId} (a call, a control-room exercise). */
    default void linked(WorkflowEngine engine, RunSummary run, String sessionId) {
    }

    default void ended(WorkflowEngine engine, RunSummary run) {
    }
}
