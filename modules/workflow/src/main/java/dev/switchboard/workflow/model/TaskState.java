package dev.switchboard.workflow.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where one task of a run stands. {@link #code()} is the stable name kept in the store and in JSON
 * ({@code WaitingForApproval}); {@link #label()} is the words for people ("Waiting for approval").
 */
public enum TaskState {
    CREATED("Created", "Not started"),
    QUEUED("Queued", "Queued"),
    RUNNING("Running", "Running"),
    WAITING_FOR_APPROVAL("WaitingForApproval", "Waiting for approval"),
    WAITING_FOR_EVENT("WaitingForEvent", "Waiting for an event"),
    RETRYING("Retrying", "Waiting to retry"),
    /** Was running when the program stopped and is not idempotent: a person chooses retry or skip. */
    INTERRUPTED("Interrupted", "Interrupted"),
    SUCCEEDED("Succeeded", "Succeeded"),
    FAILED("Failed", "Failed"),
    CANCELLED("Cancelled", "Cancelled"),
    TIMED_OUT("TimedOut", "Timed out"),
    SKIPPED("Skipped", "Skipped"),
    COMPENSATING("Compensating", "Rolling back"),
    ROLLED_BACK("RolledBack", "Rolled back");

    private final String code;
    private final String label;

    TaskState(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** Whether the task will not change again by itself. */
    public boolean terminal() {
        return switch (this) {
            case SUCCEEDED, FAILED, CANCELLED, TIMED_OUT, SKIPPED, ROLLED_BACK -> true;
            default -> false;
        };
    }

    /** Whether tasks that depend on this one may start. */
    public boolean letsDependentsRun() {
        return this == SUCCEEDED || this == SKIPPED || this == ROLLED_BACK;
    }

    /** Whether the task is in the middle of something: running, waiting or about to retry. */
    public boolean active() {
        return this == RUNNING || this == WAITING_FOR_APPROVAL || this == WAITING_FOR_EVENT || this == RETRYING
                || this == COMPENSATING || this == QUEUED;
    }

    public static Optional<TaskState> ofCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
