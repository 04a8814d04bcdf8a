package dev.switchboard.studio.model.generation;

import java.util.Objects;

/**
 * A style that turns a short prompt into a full one with settings that suit it (the seed's photographic, HDR,
 * PBR material, illustration, sketch … styles).
 *
 * @param id stable identifier kept with each result, e.g. {@code hdr}
 * @param name what the user sees, e.g. "HDR photograph"
 * @param template the prompt with {@code {prompt}} where the user's words go
 * @param negative what the style keeps out of the picture
 * @param forClips whether the style is meant for clips (camera moves) rather than stills
 */
public record StylePreset(String id, String name, String template, String negative, int width, int height, int steps,
                          double guidance, boolean forClips) {

    public StylePreset {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        if (!template.contains("{prompt}")) {
            throw new IllegalArgumentException("template of " + id + " has no {prompt}");
        }
        negative = negative == null ? "" : negative;
    }

    /** The full prompt for the user's words. */
    public String expand(String words) {
        return template.replace("{prompt}", words.strip());
    }

    /** The style's negative prompt joined with the user's, without repeating. */
    public String negativeWith(String userNegative) {
        String u = userNegative == null ? "" : userNegative.strip();
        if (negative.isEmpty()) {
            return u;
        }
        return u.isEmpty() || negative.contains(u) ? negative : negative + ", " + u;
    }
}
