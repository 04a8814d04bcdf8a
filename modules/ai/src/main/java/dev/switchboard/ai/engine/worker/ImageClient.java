package dev.switchboard.ai.engine.worker;

import java.util.Objects;

/** Speaks one flavour's wire format. Thread-safe. */
interface ImageClient {

    /**
     * Makes the attempt's image or clip, reporting progress and previews to it where the flavour can. When the
     * attempt carries a {@link Attempt#resumeId()} (a job the worker kept running across a restart of the
     * workstation), follows that job instead of starting a new one.
     */
    Generated generate(Attempt attempt) throws WorkerFailure;

    /** Whether {@link #generate} can follow a job by the id the worker gave it, after a restart. */
    default boolean canResume() {
        return false;
    }

    /** Asks the worker to stop what it is generating; best effort, never throws. */
    default void interrupt(Worker worker) {
    }

    /** Asks the worker to stop this attempt (for flavours with a job id, only this one); best effort. */
    default void cancel(Attempt attempt) {
        interrupt(attempt.worker());
    }

    /**
     * A finished result.
     *
     * @param media the file's bytes: PNG for an image
     * @param mediaType e.g. {@code image/png}, {@code video/mp4}
     * @param poster a still PNG of a clip, or {@code null}
     * @param model the model the worker reported, or the flavour's label
     * @param seed the seed the worker used, or -1 when it did not say
     */
    record Generated(byte[] media, String mediaType, byte[] poster, String model, long seed) {

        public Generated {
            Objects.requireNonNull(media, "media");
            Objects.requireNonNull(mediaType, "mediaType");
            Objects.requireNonNull(model, "model");
        }

        /** A PNG image. */
        Generated(byte[] png, String model) {
            this(png, "image/png", null, model, -1);
        }

        /** A PNG image with the seed the worker used. */
        Generated(byte[] png, String model, long seed) {
            this(png, "image/png", null, model, seed);
        }
    }
}
