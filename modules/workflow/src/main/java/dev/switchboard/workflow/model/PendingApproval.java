package dev.switchboard.workflow.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A gate waiting for a person: what to decide, who may, by when and what happens then.
 *
 * @param roles      the role names that may decide ({@code SUPERVISOR}, {@code INSTRUCTOR})
 * @param deadline   null for none
 * @param onDeadline {@code approve}, {@code reject} or {@code escalate}
 */
public record PendingApproval(String runId, String workflowName, String taskKey, String title, String message,
                              List<FormField> form, List<String> roles, Instant since, Instant deadline,
                              String onDeadline) {

    public PendingApproval {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(taskKey, "taskKey");
        form = List.copyOf(form);
        roles = List.copyOf(roles);
    }
}
