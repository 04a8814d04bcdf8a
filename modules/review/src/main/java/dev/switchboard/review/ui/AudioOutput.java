package dev.switchboard.review.ui;

/**
 * Plays a session's recording. The view model drives it and falls back to its own clock when
 * {@link #available()} is false or becomes false (no audio device, no media support, a damaged file).
 * Called on the FX thread only.
 */
interface AudioOutput {

    /** Whether sound can be played now. */
    boolean available();

    /** Why sound cannot be played, for the status line; empty while it can. */
    String problem();

    void play();

    void pause();

    void seek(long ms);

    /** 0.5..2. */
    void setRate(double rate);

    /** Where the audio is, in ms; only meaningful while {@link #available()}. */
    long positionMs();

    /** Releases the player; the output is unusable afterwards. */
    void dispose();

    /** An output that never plays, with {@code reason} as its problem. */
    static AudioOutput none(String reason) {
        return new AudioOutput() {
            @Override
            public boolean available() {
                return false;
            }

            @Override
            public String problem() {
                return reason;
            }

            @Override
            public void play() {
            }

            @Override
            public void pause() {
            }

            @Override
            public void seek(long ms) {
            }

            @Override
            public void setRate(double rate) {
            }

            @Override
            public long positionMs() {
                return 0;
            }

            @Override
            public void dispose() {
            }
        };
    }
}
