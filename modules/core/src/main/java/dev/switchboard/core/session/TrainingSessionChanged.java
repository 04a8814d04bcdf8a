package dev.switchboard.core.session;

import dev.switchboard.core.event.DomainEvent;
import dev.switchboard.core.id.SessionId;
import java.util.Objects;

/**
 * Posted when a training session is listed differently: a call or an exercise started or ended (the call console,
 * the control room), or a supervisor graded, noted or signed it off (review). Home and Review show it at once.
 * Several workspaces post it; each posts only for what it did.
 */
public record TrainingSessionChanged(SessionId session) implements DomainEvent {

    public TrainingSessionChanged {
        Objects.requireNonNull(session, "session");
    }
}
