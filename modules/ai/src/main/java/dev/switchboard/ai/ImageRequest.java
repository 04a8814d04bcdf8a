package dev.switchboard.ai;

import dev.switchboard.core.error.InputException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What to draw: a text-to-image request, or image-to-image when {@code initImage} is given; with a
 * {@code video} spec, text-to-video or image-to-video. Invalid values are refused with an
 * {@link InputException} that names the field.
 *
 * @param prompt what the image shows; not blank, at most 4000 characters
 * @param negativePrompt what it must not show; may be empty (workers that have no such input ignore it)
 * @param width pixels, 64..2048, a multiple of 8
 * @param height pixels, 64..2048, a multiple of 8
 * @param steps sampling steps, 1..150 (workers that have no such input ignore it)
 * @param seed the sampler's seed, or -1 for a random one
 * @param initImage the starting image (PNG or JPEG bytes) for image-to-image, or {@code null}; not copied,
 *                  so do not change the array afterwards
 * @param requestedBy the user name the job is queued for; jobs are shared fairly between users
 * @param priority 0..9; a higher priority runs first
 * @param guidance how closely to follow the prompt (classifier-free guidance scale), 1..30, or 0 for the
 *                 worker's default (workers that have no such input ignore it)
 * @param video the clip to make, or {@code null} for a still image
 */
public record ImageRequest(String prompt, String negativePrompt, int width, int height, int steps, long seed,
                           byte[] initImage, String requestedBy, int priority, double guidance, VideoSpec video) {

    /** The largest accepted starting image. */
    public static final int MAX_INIT_IMAGE_BYTES = 16 * 1024 * 1024;
    private static final int MAX_PROMPT = 4000;

    public ImageRequest {
        if (prompt == null || prompt.isBlank()) {
            throw InputException.field("prompt", "must not be empty");
        }
        if (prompt.length() > MAX_PROMPT) {
            throw InputException.field("prompt", "must be at most " + MAX_PROMPT + " characters");
        }
        negativePrompt = negativePrompt == null ? "" : negativePrompt;
        if (negativePrompt.length() > MAX_PROMPT) {
            throw InputException.field("negativePrompt", "must be at most " + MAX_PROMPT + " characters");
        }
        checkSide("width", width);
        checkSide("height", height);
        if (steps < 1 || steps > 150) {
            throw InputException.field("steps", "must be within 1..150, was " + steps);
        }
        if (seed < -1) {
            throw InputException.field("seed", "must be -1 (random) or a seed of 0 or more, was " + seed);
        }
        if (initImage != null && (initImage.length == 0 || initImage.length > MAX_INIT_IMAGE_BYTES)) {
            throw InputException.field("initImage", "must hold 1 byte to 16 MiB, was " + initImage.length + " bytes");
        }
        if (requestedBy == null || requestedBy.isBlank()) {
            throw InputException.field("requestedBy", "must name the user");
        }
        requestedBy = requestedBy.strip();
        if (priority < 0 || priority > 9) {
            throw InputException.field("priority", "must be within 0..9, was " + priority);
        }
        if (guidance != 0 && !(guidance >= 1 && guidance <= 30)) {
            throw InputException.field("guidance", "must be 0 (the worker's default) or within 1..30, was "
                    + guidance);
        }
    }

    /** A still image at the worker's default guidance: the request as it was before video and guidance. */
    public ImageRequest(String prompt, String negativePrompt, int width, int height, int steps, long seed,
                        byte[] initImage, String requestedBy, int priority) {
        this(prompt, negativePrompt, width, height, steps, seed, initImage, requestedBy, priority, 0, null);
    }

    /** A 512 × 512 text-to-image request with 20 steps, a random seed and priority 5. */
    public static ImageRequest textToImage(String prompt, String requestedBy) {
        return new ImageRequest(prompt, "", 512, 512, 20, -1, null, requestedBy, 5);
    }

    /** Whether this starts from {@link #initImage()} (image-to-image), which only some workers can do. */
    public boolean imageToImage() {
        return initImage != null;
    }

    /** Whether this asks for a clip rather than a still image (not "isVideo": Jackson would read a property). */
    public boolean makesVideo() {
        return video != null;
    }

    /** What a worker must be able to do to run this request. */
    public Set<WorkerCapability> needs() {
        EnumSet<WorkerCapability> needs = EnumSet.of(makesVideo() ? WorkerCapability.VIDEO : WorkerCapability.IMAGE);
        if (imageToImage()) {
            needs.add(WorkerCapability.IMAGE_TO_IMAGE);
        }
        return needs;
    }

    /** The same request with another seed (-1 for a random one). */
    public ImageRequest withSeed(long newSeed) {
        return new ImageRequest(prompt, negativePrompt, width, height, steps, newSeed, initImage, requestedBy,
                priority, guidance, video);
    }

    /** The same request asking for a clip ({@code null}: a still image). */
    public ImageRequest withVideo(VideoSpec spec) {
        return new ImageRequest(prompt, negativePrompt, width, height, steps, seed, initImage, requestedBy,
                priority, guidance, spec);
    }

    private static void checkSide(String field, int pixels) {
        if (pixels < 64 || pixels > 2048 || pixels % 8 != 0) {
            throw InputException.field(field, "must be a multiple of 8 within 64..2048, was " + pixels);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImageRequest r && width == r.width && height == r.height && steps == r.steps
                && seed == r.seed && priority == r.priority && Double.compare(guidance, r.guidance) == 0
                && Objects.equals(video, r.video) && prompt.equals(r.prompt)
                && negativePrompt.equals(r.negativePrompt) && requestedBy.equals(r.requestedBy)
                && Arrays.equals(initImage, r.initImage);
    }

    @Override
    public int hashCode() {
        return Objects.hash(prompt, negativePrompt, width, height, steps, seed, Arrays.hashCode(initImage),
                requestedBy, priority, guidance, video);
    }

    @Override
    public String toString() {
        return "ImageRequest[" + width + "x" + height + ", steps=" + steps + ", seed=" + seed + ", priority="
                + priority + ", requestedBy=" + requestedBy + (guidance == 0 ? "" : ", guidance=" + guidance)
                + (video == null ? "" : ", video=" + video.seconds() + "s@" + video.fps() + "fps")
                + (initImage == null ? "" : ", initImage=" + initImage.length + " bytes") + ", prompt=" + prompt + "]";
    }
}
