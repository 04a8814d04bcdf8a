package dev.switchboard.ai.engine.worker;

/** Speaks one image flavour's wire format. Thread-safe. */
interface ImageClient {

    /** Makes the attempt's image, reporting progress to it where the flavour can. */
    Generated generate(Attempt attempt) throws WorkerFailure;

    /** Asks the worker to stop what it is generating; best effort, never throws. */
    default void interrupt(Worker worker) {
    }

    /**
     * A finished image.
     *
     * @param model the model the worker reported, or the flavour's label
     */
    record Generated(byte[] png, String model) {
    }
}
