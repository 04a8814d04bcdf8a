package dev.switchboard.surveillance.model;

import java.time.Instant;
import java.util.Objects;

/** A conversation in the list: its id, a title from its first question, and when it was last used. */
public record ConversationInfo(String id, String userId, String title, Instant createdAt, Instant updatedAt,
                               int turns) {

    public ConversationInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(title, "title");
    }
}
