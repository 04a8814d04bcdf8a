package dev.switchboard.speech;

/**
 * Hears the trainee's utterances from a {@link Microphone}: {@code speechStarted}, then audio chunks,
 * then {@code speechEnded}. Called on the microphone's capture thread; keep the work short.
 */
public interface UtteranceListener {

    /** An utterance began (push-to-talk pressed, or voice detected). Use it for barge-in. */
    void speechStarted();

    /** Audio of the current utterance: {@code len} samples of {@code buf} at 16 kHz; the buffer is reused. */
    void audio(short[] buf, int len);

    /** The utterance ended (push-to-talk released, or silence for the hangover time). */
    void speechEnded();

    /**
     * Every captured frame, speech or not, for a level meter: {@code len} samples at 16 kHz and the time
     * in ms since capture started. Default: ignored.
     */
    default void frame(short[] buf, int len, long atMs) {
        // a level meter is optional
    }
}
