package dev.switchboard.surveillance.model;

import java.time.Instant;
import java.util.Objects;

/** A long-term memory of one user ("camera 1207 faces the school gate"), kept across sessions until deleted. */
public record Memory(long id, String userId, String text, Instant createdAt, Instant updatedAt) {

    public Memory {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
