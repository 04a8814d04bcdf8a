package dev.switchboard.core.exercise;

import dev.switchboard.core.event.DomainEvent;
import java.util.Objects;

/** Posted by a workflow's {@code notify} task: a message for the people at the workstation. */
public record ExerciseNotice(String runId, String title, String text) implements DomainEvent {

    public ExerciseNotice {
        Objects.requireNonNull(runId, "runId");
        title = title == null ? "" : title;
        text = text == null ? "" : text;
    }
}
