package dev.switchboard.calltaking.engine.entities;

import java.util.Objects;

/**
 * One fact found in an utterance.
 *
 * @param type       what it is
 * @param value      the normalised value (see {@link EntityType})
 * @param text       the span exactly as it stands in the input
 * @param start      the span's first character in the input
 * @param end        one past its last character
 * @param confidence 0..1; lowered by uncertainty ("I think", "maybe") and by fuzzy matches of misheard names
 */
public record ExtractedEntity(EntityType type, String value, String text, int start, int end, double confidence) {

    public ExtractedEntity {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(text, "text");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("Span must satisfy 0 <= start <= end, was " + start + ".." + end);
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("Confidence must be within 0..1, was " + confidence);
        }
    }

    /** True when this entity's span and {@code other}'s share at least one character. */
    public boolean overlaps(ExtractedEntity other) {
        return start < other.end && other.start < end;
    }
}
