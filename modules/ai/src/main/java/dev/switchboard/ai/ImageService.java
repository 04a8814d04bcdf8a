package dev.switchboard.ai;

import dev.switchboard.core.event.Subscription;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Image generation on remote GPU workers through a persistent job queue. Nothing here assumes a worker
 * exists: {@link #submit} always queues the job, which waits (saying why in its message) until a healthy
 * worker that can run it appears. Thread-safe; every method may touch the database, so call them off the
 * FX thread.
 */
public interface ImageService {

    /**
     * Queues a job and returns at once.
     *
     * @throws IllegalStateException after the service was closed
     */
    ImageJob submit(ImageRequest request);

    Optional<ImageJob> job(String id);

    /** The newest {@code limit} jobs, newest first. */
    List<ImageJob> jobs(int limit);

    /**
     * Cancels a queued job at once, or a running one as far as its worker allows (an Automatic1111 worker
     * is told to interrupt; an OpenAI-style worker may finish the image anyway, which is then dropped).
     *
     * @return whether the job was cancelled; false when unknown or already final
     */
    boolean cancel(String id);

    /** The image of a succeeded job; empty for any other job. */
    Optional<ImageResult> result(String id);

    /**
     * Calls {@code listener} with a fresh snapshot whenever a job changes (state, progress, message), on a
     * background thread; it must return quickly and not throw.
     */
    Subscription onUpdate(Consumer<ImageJob> listener);

    /** How many image workers there are and how many are healthy, for the UI to say. */
    Availability availability();

    /** The queued jobs with their place, estimated wait and the users' shares; empty by default. */
    default QueueView queue() {
        return QueueView.empty(java.time.Instant.now());
    }

    /** The latest preview picture a worker sent for a running job (PNG or JPEG bytes); empty by default. */
    default Optional<byte[]> preview(String id) {
        return Optional.empty();
    }

    /** The file of a succeeded job, image or clip, checked against its SHA-256; empty by default. */
    default Optional<GeneratedMedia> media(String id) {
        return Optional.empty();
    }

    /**
     * The image workers as the queue sees them.
     *
     * @param workers enabled image workers
     * @param healthy those of them whose last health check passed
     * @param imageToImage whether any enabled worker can do image-to-image
     * @param video whether any enabled worker can make clips
     * @param unchecked those of them not checked yet since start-up (neither healthy nor known to be down)
     */
    record Availability(int workers, int healthy, boolean imageToImage, boolean video, int unchecked) {

        /** Without the video flag, as before clips. */
        public Availability(int workers, int healthy, boolean imageToImage) {
            this(workers, healthy, imageToImage, false, 0);
        }

        /** Every worker checked. */
        public Availability(int workers, int healthy, boolean imageToImage, boolean video) {
            this(workers, healthy, imageToImage, video, 0);
        }

        /** "no image workers configured" or "N of M workers healthy". */
        public String summary() {
            return workers == 0 ? "no image workers configured" : healthy + " of " + workers + " workers healthy";
        }

        /** Whether a job submitted now could start without waiting for a worker to appear or recover. */
        public boolean canGenerate() {
            return healthy > 0;
        }
    }
}
