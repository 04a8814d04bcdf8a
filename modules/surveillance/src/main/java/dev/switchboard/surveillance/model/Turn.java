package dev.switchboard.surveillance.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One turn of a conversation as stored.
 *
 * @param intent   the intent of a user turn's answer; null for the assistant's own turn
 * @param citations event references an assistant turn cited
 */
public record Turn(int seq, Role role, String text, Intent intent, List<String> citations, Instant at) {

    public Turn {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(at, "at");
        citations = List.copyOf(citations);
    }

    /** Who spoke. */
    public enum Role {
        USER, ASSISTANT
    }
}
