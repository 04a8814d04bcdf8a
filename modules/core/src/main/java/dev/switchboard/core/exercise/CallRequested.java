package dev.switchboard.core.exercise;

import dev.switchboard.core.event.DomainEvent;
import java.util.Objects;

/**
 * Posted by an exercise workflow to ring a call of {@code scenario} on a trainee's call console. The console that
 * takes it answers with {@link RequestHandled}; the workflow posts it again until one does.
 *
 * @param requestId the same on every repeat, so a console rings it once
 * @param trainee   the user name of the trainee whose console should ring, or empty for whoever is signed in
 */
public record CallRequested(String requestId, String runId, String scenario, String trainee) implements DomainEvent {

    public CallRequested {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(scenario, "scenario");
        trainee = trainee == null ? "" : trainee;
    }
}
