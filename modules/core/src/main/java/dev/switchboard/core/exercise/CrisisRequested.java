package dev.switchboard.core.exercise;

import dev.switchboard.core.event.DomainEvent;
import java.util.Objects;

/**
 * Posted by an exercise workflow to start a scripted crisis (e.g. {@code earthquake}) in the control room; the
 * control room answers with {@link RequestHandled}.
 */
public record CrisisRequested(String requestId, String runId, String scenario, long seed) implements DomainEvent {

    public CrisisRequested {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(scenario, "scenario");
    }
}
