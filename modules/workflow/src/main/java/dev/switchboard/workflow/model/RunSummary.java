package dev.switchboard.workflow.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One run as listed: which workflow and version, its state and times.
 *
 * @param trainee the trainee whose shift an exercise ran on, or null
 * @param endedAt null while it runs
 */
public record RunSummary(String id, String workflowId, int version, String name, RunState state, String startedBy,
                         String trainee, Instant createdAt, Instant endedAt, String error, String parentRun) {

    public RunSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(workflowId, "workflowId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
