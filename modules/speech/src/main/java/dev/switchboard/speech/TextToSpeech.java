package dev.switchboard.speech;

import java.util.function.Consumer;

/**
 * Speaks text in process, offline. Implementations are thread-safe; synthesis calls may be serialised
 * internally, so run them off the FX thread.
 */
public interface TextToSpeech {

    /** Whether synthesis can work here; false when the voice could not be loaded (see the speech status). */
    boolean available();

    /** Loads the voice now rather than on the first line; blocks, so call it from a background thread. */
    void warmUp();

    /**
     * The whole text as one clip at the voice's native rate (48 kHz for the bundled voice).
     *
     * @throws dev.switchboard.core.error.SwitchboardException when the voice is unavailable or synthesis fails
     */
    Pcm synthesize(String text, Prosody prosody);

    /**
     * Splits the text into sentences and hands each sentence's audio to {@code perSentence} as soon as it
     * is synthesised, on the calling thread, so playback can start before the rest is done. Blocks until
     * the last sentence; stops early, without an exception, when the calling thread is interrupted.
     */
    void stream(String text, Prosody prosody, Consumer<Pcm> perSentence);
}
