package dev.switchboard.speech;

/**
 * Hears a live recogniser's progress. Called on the thread that feeds the {@link Recognizer}; keep the
 * work short and hand UI updates to the FX thread yourself.
 */
public interface RecognizerListener {

    /** Everything heard so far in this utterance, including words that may still change. Never empty. */
    void partial(String text);

    /** A finished segment: called when the recogniser detects a pause, and for the last segment on finish. */
    void result(Transcription segment);

    /** A listener that ignores everything. */
    static RecognizerListener none() {
        return new RecognizerListener() {
            @Override
            public void partial(String text) {
                // ignored
            }

            @Override
            public void result(Transcription segment) {
                // ignored
            }
        };
    }
}
