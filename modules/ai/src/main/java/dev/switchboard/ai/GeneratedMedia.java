package dev.switchboard.ai;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The file a succeeded job produced, checked against its SHA-256 when handed out.
 *
 * @param file a PNG for an image; for a clip, the file as the worker made it (MP4, WebM, GIF, animated WebP)
 * @param mediaType e.g. {@code image/png}, {@code video/mp4}, {@code image/gif}
 * @param sha256 lower-case hex of the file's SHA-256
 * @param seed the seed the worker used, or -1 when it did not say
 * @param poster a still PNG of a clip (its first frame or the worker's preview), or {@code null}
 */
public record GeneratedMedia(String jobId, Path file, String mediaType, String sha256, long seed, String worker,
                             String model, Duration latency, Path poster, Instant finishedAt) {

    public GeneratedMedia {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(finishedAt, "finishedAt");
        worker = worker == null ? "" : worker;
        model = model == null ? "" : model;
        latency = latency == null ? Duration.ZERO : latency;
    }

    /** Whether the file is a clip rather than a still image. */
    public boolean isClip() {
        return mediaType.startsWith("video/") || mediaType.equals("image/gif") || poster != null;
    }

    /** The picture to show for it: the image itself, or the clip's poster (may be null for a clip). */
    public Path still() {
        return isClip() ? poster : file;
    }
}
