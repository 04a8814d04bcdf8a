package dev.switchboard.studio.model.generation;

import dev.switchboard.ai.VideoSpec;

/**
 * What the generation panel (or {@code studio generate}) asks for, before the style is applied.
 *
 * @param style a preset id, or empty for none
 * @param width 0 for the style's size
 * @param height 0 for the style's size
 * @param steps 0 for the style's steps
 * @param guidance 0 for the style's guidance
 * @param seed -1 for random
 * @param batch how many results, 1..8 (seeds seed, seed + 1, … when a seed is given)
 * @param initImage a starting picture for image-to-image or image-to-video, or {@code null}
 * @param video a clip's length and frame rate, or {@code null} for pictures
 */
public record GenerationSettings(String prompt, String negativePrompt, String style, int width, int height, int steps,
                                 double guidance, long seed, int batch, byte[] initImage, VideoSpec video,
                                 int priority, String requestedBy) {

    /** A picture of {@code prompt} in {@code style} with the style's settings, random seed, priority 5. */
    public static GenerationSettings of(String prompt, String style, String requestedBy) {
        return new GenerationSettings(prompt, "", style, 0, 0, 0, 0, -1, 1, null, null, 5, requestedBy);
    }
}
