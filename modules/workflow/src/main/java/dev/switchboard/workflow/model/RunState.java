package dev.switchboard.workflow.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a whole run stands. {@link #code()} is kept in the store and in JSON; {@link #label()} is for people.
 */
public enum RunState {
    CREATED("Created", "Created"),
    QUEUED("Queued", "Queued"),
    RUNNING("Running", "Running"),
    WAITING_FOR_APPROVAL("WaitingForApproval", "Waiting for approval"),
    WAITING_FOR_EVENT("WaitingForEvent", "Waiting for an event"),
    /** A task was interrupted by a stop of the program and waits for a person to retry or skip it. */
    WAITING_FOR_DECISION("WaitingForDecision", "Waiting for a decision"),
    PAUSED("Paused", "Paused"),
    RETRYING("Retrying", "Waiting to retry"),
    SUCCEEDED("Succeeded", "Succeeded"),
    FAILED("Failed", "Failed"),
    CANCELLED("Cancelled", "Cancelled"),
    TIMED_OUT("TimedOut", "Timed out"),
    COMPENSATING("Compensating", "Rolling back"),
    ROLLED_BACK("RolledBack", "Rolled back");

    private final String code;
    private final String label;

    RunState(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** Whether the run has ended. */
    public boolean terminal() {
        return switch (this) {
            case SUCCEEDED, FAILED, CANCELLED, TIMED_OUT, ROLLED_BACK -> true;
            default -> false;
        };
    }

    /** Whether the run stands still until a person or an event moves it. */
    public boolean waiting() {
        return this == WAITING_FOR_APPROVAL || this == WAITING_FOR_EVENT || this == WAITING_FOR_DECISION
                || this == PAUSED;
    }

    public static Optional<RunState> ofCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
