package dev.switchboard.speech;

/**
 * A live recognition stream. Feed it from one thread; it is not thread-safe. Word timings count from the
 * first sample fed since the recogniser was opened or last finished.
 */
public interface Recognizer extends AutoCloseable {

    /** Feeds {@code len} samples from {@code buf} at the rate the recogniser was opened with. */
    void accept(short[] buf, int len);

    /**
     * Ends the utterance: returns every word heard since opening or the previous {@code finish}, and makes
     * the recogniser ready for the next utterance.
     */
    Transcription finish();

    /** Frees the native recogniser; further calls fail. */
    @Override
    void close();
}
