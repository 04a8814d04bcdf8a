package dev.switchboard.speech;

import dev.switchboard.speech.engine.SilentAudioOutput;

/** Plays clips to the speakers. Thread-safe. */
public interface AudioOutput {

    /** Starts playing {@code pcm} in the background and returns at once. */
    Playback play(Pcm pcm);

    /** Whether sound actually reaches a device; false for the silent outputs. */
    default boolean audible() {
        return false;
    }

    /**
     * For machines without a sound card: plays nothing, but each playback lasts the clip's duration (it
     * finishes after that much wall time, or when stopped), so a conversation keeps its pace.
     */
    static AudioOutput silent() {
        return new SilentAudioOutput(1.0);
    }

    /** Plays nothing and each playback finishes immediately: for tests and batch work. */
    static AudioOutput discard() {
        return new SilentAudioOutput(0.0);
    }
}
