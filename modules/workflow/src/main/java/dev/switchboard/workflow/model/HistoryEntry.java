package dev.switchboard.workflow.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One thing that happened to a run: a transition, an operation by a person, a decision at a gate.
 *
 * @param actor who did it; {@code engine} for the engine itself
 * @param what  a short sentence, e.g. "approved gate 'aftershock'"
 */
public record HistoryEntry(Instant at, String actor, String taskKey, String what) {

    public HistoryEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(what, "what");
        taskKey = taskKey == null ? "" : taskKey;
    }
}
