package dev.switchboard.surveillance.model;

import java.util.Objects;

/**
 * One result of a search: the event, its fused score and the clip reference that opens its clip.
 *
 * @param clip e.g. {@code clip:E1042}; {@code surveillance clip E1042 --out f.gif} exports it
 */
public record SearchHit(CameraEvent event, double score, String clip) {

    public SearchHit {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(clip, "clip");
    }

    public static SearchHit of(CameraEvent event, double score) {
        return new SearchHit(event, score, "clip:" + event.ref());
    }
}
