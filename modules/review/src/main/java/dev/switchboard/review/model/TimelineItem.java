package dev.switchboard.review.model;

import java.util.Objects;

/**
 * One entry of the session's event log as the timeline shows it.
 *
 * @param atMs  when it happened, in ms since the recording started (the session's start for control-room logs)
 * @param type  the event-log type, e.g. {@code call.entity}
 * @param label a short description in plain words, e.g. {@code LOCATION: Shinjuku 3-1}
 * @param seq   the entry's position in the session's chain
 */
public record TimelineItem(long atMs, TimelineKind kind, String type, String label, long seq) {

    public TimelineItem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(label, "label");
    }
}
