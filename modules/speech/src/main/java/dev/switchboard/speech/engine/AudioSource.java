package dev.switchboard.speech.engine;

/** Where a microphone's 16 kHz mono samples come from: a capture line, or a clip for tests. */
public interface AudioSource {

    /**
     * Opens the source.
     *
     * @throws dev.switchboard.core.error.SwitchboardException when there is no device to open
     */
    void open();

    /** Blocks until {@code buf} is filled or the source ends; returns the samples read, or -1 at the end. */
    int read(short[] buf);

    /** Releases the source; a blocked {@link #read} returns. Idempotent. */
    void close();
}
