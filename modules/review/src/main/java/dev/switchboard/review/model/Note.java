package dev.switchboard.review.model;

import dev.switchboard.core.id.SessionId;
import dev.switchboard.core.id.UserId;
import java.time.Instant;
import java.util.Objects;

/** A supervisor's note pinned to a moment of a session ({@code atMs} since the recording started). */
public record Note(long id, SessionId session, long atMs, UserId author, String authorName, String text,
                   Instant createdAt, Instant updatedAt) {

    public Note {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(authorName, "authorName");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
