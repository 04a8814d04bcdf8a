package dev.switchboard.speech;

/** One clip being played. Thread-safe: any thread may stop it or wait for it. */
public interface Playback {

    /**
     * Stops playback now (barge-in): the sound ends within one output buffer, at most 50 ms. Idempotent;
     * stopping a finished playback does nothing.
     */
    void stop();

    /** Whether the clip is still sounding (not finished and not stopped). */
    boolean playing();

    /** Blocks until the clip has finished or was stopped. */
    void await() throws InterruptedException;

    /**
     * How much of the clip was handed to the sound card (or, for the silent outputs, has elapsed), in ms:
     * after a barge-in, roughly what the trainee heard. 0 from implementations that do not track it.
     */
    default long playedMs() {
        return 0;
    }
}
