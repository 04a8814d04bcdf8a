package dev.switchboard.speech.engine;

import dev.switchboard.speech.Microphone;
import dev.switchboard.speech.UtteranceListener;
import dev.switchboard.speech.VoiceActivity;
import dev.switchboard.speech.VoiceMeter;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Cuts a stream of equal-length frames into utterances, by push-to-talk or by energy against a running
 * noise floor with onset, hangover and pre-roll. Fed by one thread; {@link #talk} and {@link #mode} may be
 * called from any thread and take effect at the next frame.
 */
public final class UtteranceGate {

    /** How fast the noise floor creeps up toward louder frames, in dB per frame (2.5 dB/s at 20 ms). */
    private static final double FLOOR_RISE_DB = 0.05;

    private final VoiceActivity settings;
    private final UtteranceListener listener;
    private final ArrayDeque<short[]> preRoll = new ArrayDeque<>();
    private volatile Microphone.Mode mode;
    private volatile boolean pressed;
    private boolean inUtterance;
    private double noiseFloorDb = Double.NaN;
    private int voicedRun;
    private int silentRun;

    public UtteranceGate(Microphone.Mode mode, VoiceActivity settings, UtteranceListener listener) {
        this.mode = mode;
        this.settings = settings;
        this.listener = listener;
    }

    /** Push-to-talk state; ignored in voice-activity mode. */
    public void talk(boolean isPressed) {
        this.pressed = isPressed;
    }

    /** Changes mode; an utterance in progress ends at the next frame. */
    public void mode(Microphone.Mode newMode) {
        this.mode = newMode;
    }

    /** Whether an utterance is in progress. */
    public boolean inUtterance() {
        return inUtterance;
    }

    /** The running noise floor in dBFS (voice-activity mode). */
    public double noiseFloorDb() {
        return noiseFloorDb;
    }

    /** Processes one frame of {@code len} samples lasting {@code frameMs}. */
    public void accept(short[] frame, int len, int frameMs) {
        Microphone.Mode current = mode;
        if (current == Microphone.Mode.PUSH_TO_TALK) {
            preRoll.clear();
            voicedRun = 0;
            boolean down = pressed;
            if (down && !inUtterance) {
                start();
            } else if (!down && inUtterance) {
                end();
            }
            if (inUtterance) {
                listener.audio(frame, len);
            }
            return;
        }
        double level = VoiceMeter.levelDb(frame, 0, len);
        boolean voiced = level >= settings.minLevelDb() && level >= noiseFloor(level) + settings.marginDb();
        if (!inUtterance) {
            voicedRun = voiced ? voicedRun + 1 : 0;
            keepPreRoll(frame, len, frameMs);
            if (voicedRun * (long) frameMs >= Math.max(frameMs, settings.onsetMs())) {
                start();
                for (short[] f : preRoll) {
                    listener.audio(f, f.length);
                }
                preRoll.clear();
                silentRun = 0;
            }
            return;
        }
        listener.audio(frame, len);
        silentRun = voiced ? 0 : silentRun + 1;
        if (silentRun * (long) frameMs >= settings.hangoverMs()) {
            end();
            voicedRun = 0;
        }
    }

    /** Ends an utterance in progress (the source ended or the microphone closed). */
    public void endOfStream() {
        if (inUtterance) {
            end();
        }
    }

    private void start() {
        inUtterance = true;
        listener.speechStarted();
    }

    private void end() {
        inUtterance = false;
        listener.speechEnded();
    }

    /**
     * Tracks the noise floor as a minimum that drops at once and creeps up slowly, in and out of speech:
     * the pauses between words keep it down, and a steady noise (a fan switched on) is learnt in seconds
     * instead of holding an utterance open for ever. It starts at the quietest level that could be voice.
     */
    private double noiseFloor(double level) {
        if (Double.isNaN(noiseFloorDb)) {
            noiseFloorDb = Math.min(level, settings.minLevelDb() - settings.marginDb());
        } else if (level < noiseFloorDb) {
            noiseFloorDb = level;
        } else {
            noiseFloorDb = Math.min(level, noiseFloorDb + FLOOR_RISE_DB);
        }
        return noiseFloorDb;
    }

    private void keepPreRoll(short[] frame, int len, int frameMs) {
        preRoll.addLast(Arrays.copyOf(frame, len));
        long keep = Math.max(settings.preRollMs(), settings.onsetMs()) / Math.max(1, frameMs) + 1;
        while (preRoll.size() > keep) {
            preRoll.removeFirst();
        }
    }
}
