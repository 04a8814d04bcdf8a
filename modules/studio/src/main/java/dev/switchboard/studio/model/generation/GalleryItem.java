package dev.switchboard.studio.model.generation;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * One finished picture or clip in the gallery, with everything needed to make it again.
 *
 * @param jobId the generation job's id
 * @param style the style preset's id; empty when none was used
 * @param seed the seed the worker used; -1 when it did not say
 * @param seconds a clip's length; 0 for a picture
 * @param fps a clip's frame rate; 0 for a picture
 * @param file the picture or clip
 * @param poster a clip's still; {@code null} for a picture or when the worker gave none
 * @param sha256 lower-case hex of the file's SHA-256
 * @param createdAt when it was finished
 */
public record GalleryItem(String jobId, Kind kind, String prompt, String negativePrompt, String style, int width,
                          int height, int steps, double guidance, long seed, double seconds, int fps,
                          boolean imageToImage, String requestedBy, String worker, String model, String mediaType,
                          Path file, Path poster, String sha256, long latencyMs, Instant createdAt) {

    public GalleryItem {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The picture to show: the image itself, or a clip's poster (null when a clip has none). */
    public Path still() {
        return kind == Kind.IMAGE ? file : poster;
    }

    /** A picture or a clip. */
    public enum Kind {
        IMAGE, CLIP
    }
}
