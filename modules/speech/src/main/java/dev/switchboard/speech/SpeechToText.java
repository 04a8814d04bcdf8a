package dev.switchboard.speech;

/** Recognises English speech in process, offline. Thread-safe: each recogniser is independent. */
public interface SpeechToText {

    /** Whether recognition can work here; false when the model could not be loaded (see the speech status). */
    boolean available();

    /**
     * Recognises a whole clip, at any rate (it is resampled to 16 kHz). Blocks for roughly a quarter of the
     * clip's duration on a 2-core machine.
     *
     * @throws dev.switchboard.core.error.SwitchboardException when the model is unavailable
     */
    Transcription transcribe(Pcm pcm);

    /**
     * Opens a live recogniser for audio at {@code sampleRate} Hz (16 kHz is best) that reports partial
     * results and finished segments to {@code listener}. Close it when done.
     */
    Recognizer open(int sampleRate, RecognizerListener listener);
}
