package dev.switchboard.speech;

import dev.switchboard.speech.engine.CaptureMicrophone;
import dev.switchboard.speech.engine.PcmSource;

/**
 * The trainee's microphone at 16 kHz mono, cut into utterances by push-to-talk or by voice activity.
 * Start it when the call console is shown, close it when hidden. Thread-safe.
 */
public interface Microphone extends AutoCloseable {

    /** The capture rate. */
    int SAMPLE_RATE = Pcm.SPEECH_RATE;

    /** How utterances are cut. */
    enum Mode {
        /** An utterance lasts while {@link #talk(boolean)} is pressed. */
        PUSH_TO_TALK,
        /** An utterance starts when voice is heard and ends after the hangover of silence. */
        VOICE_ACTIVITY
    }

    /**
     * Starts capturing on a background thread and reporting to {@code listener}.
     *
     * @throws dev.switchboard.core.error.SwitchboardException when no capture device can be opened
     * @throws IllegalStateException when already started
     */
    void start(Mode mode, UtteranceListener listener);

    /** Push-to-talk: pressed starts an utterance, released ends it. Ignored in voice-activity mode. */
    void talk(boolean pressed);

    /** Switches mode; an utterance in progress ends first. */
    void mode(Mode mode);

    /** Whether capture is running. */
    boolean capturing();

    /** Blocks until capture ends on its own (a clip source ran out) or the microphone is closed. */
    void awaitEnd() throws InterruptedException;

    /** Stops capture and releases the device; ends an utterance in progress. Idempotent. */
    @Override
    void close();

    /**
     * A microphone that "hears" {@code clip} (any rate; resampled to 16 kHz) and then ends, for tests and
     * the command line. {@code speed} 1.0 delivers it in real time, 0 as fast as possible.
     */
    static Microphone fromPcm(Pcm clip, double speed, VoiceActivity settings) {
        return new CaptureMicrophone(new PcmSource(clip, speed), settings);
    }

    /** As {@link #fromPcm(Pcm, double, VoiceActivity)} with the default voice-activity settings. */
    static Microphone fromPcm(Pcm clip, double speed) {
        return fromPcm(clip, speed, VoiceActivity.DEFAULT);
    }
}
