package dev.switchboard.studio.engine.generation;

import dev.switchboard.studio.model.generation.GalleryItem;
import java.time.Instant;

/**
 * A gallery search. Empty text and null filters match everything.
 *
 * @param text words that must all appear in the prompt, negative prompt, style, worker or model (any case)
 * @param kind pictures or clips, or null for both
 * @param style a style id, or null for any
 * @param worker a worker name, or null for any
 * @param from finished at or after, or null
 * @param to finished before, or null
 * @param limit at most this many, newest first
 */
public record GalleryQuery(String text, GalleryItem.Kind kind, String style, String worker, Instant from, Instant to,
                           int limit) {

    public GalleryQuery {
        text = text == null ? "" : text.strip();
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
    }

    /** Everything, newest first, up to {@code limit}. */
    public static GalleryQuery all(int limit) {
        return new GalleryQuery("", null, null, null, null, null, limit);
    }
}
