package dev.switchboard.ai;

import dev.switchboard.core.error.InputException;

/**
 * The clip a video job asks for: text-to-video, or image-to-video when the request has a starting image.
 *
 * @param seconds length, 0.5..60
 * @param fps frames per second, 1..60; at most {@link #MAX_FRAMES} frames in all
 */
public record VideoSpec(double seconds, int fps) {

    /** The most frames one job may ask for. */
    public static final int MAX_FRAMES = 1500;

    public VideoSpec {
        if (!(seconds >= 0.5 && seconds <= 60)) {
            throw InputException.field("seconds", "must be within 0.5..60, was " + seconds);
        }
        if (fps < 1 || fps > 60) {
            throw InputException.field("fps", "must be within 1..60, was " + fps);
        }
        long frames = Math.round(seconds * fps);
        if (frames > MAX_FRAMES) {
            throw InputException.field("seconds", "gives " + frames + " frames at " + fps + " fps; at most "
                    + MAX_FRAMES + " are allowed");
        }
    }

    /** Frames in the clip, at least 1. */
    public int frames() {
        return (int) Math.max(1, Math.round(seconds * fps));
    }
}
