package dev.switchboard.speech.engine;

import be.tarsos.dsp.pitch.PitchDetectionResult;
import be.tarsos.dsp.pitch.Yin;
import dev.switchboard.speech.VoiceLevel;
import dev.switchboard.speech.VoiceMeter;

/**
 * Level, YIN pitch (TarsosDSP) and stress for one speaker. Pitch is taken over the last window of audio
 * (long enough for two periods of 70 Hz), so short chunks such as 20 ms microphone frames work. Stress is
 * 0.6 × (semitones above the baseline pitch / 6) + 0.4 × (dB above the baseline level / 12), each part
 * clamped to 0..1; the baseline is the running mean of voiced chunks, becoming a slow average after the
 * first hundred.
 */
public final class YinVoiceMeter implements VoiceMeter {

    private static final double MIN_PITCH_HZ = 60;
    private static final double MAX_PITCH_HZ = 600;
    private static final double MIN_VOICED_DB = -55;
    private static final double MIN_PROBABILITY = 0.5;
    private static final int SLOW_AFTER = 100;

    private final int sampleRate;
    private final float[] window;
    private final float[] scratch;
    private final Yin yin;
    private int filled;
    private int writeAt;
    private long voicedChunks;
    private double baseLogPitch;
    private double baseLevelDb;

    public YinVoiceMeter(int sampleRate) {
        if (sampleRate < 8000) {
            throw new IllegalArgumentException("pitch needs at least 8 kHz audio, was " + sampleRate);
        }
        this.sampleRate = sampleRate;
        int size = Integer.highestOneBit((int) (sampleRate / 35.0) * 2 - 1);
        this.window = new float[size];
        this.scratch = new float[size];
        this.yin = new Yin(sampleRate, size);
    }

    @Override
    public VoiceLevel measure(short[] buf, int len) {
        double level = VoiceMeter.levelDb(buf, 0, len);
        for (int i = 0; i < len; i++) {
            window[writeAt] = buf[i] / 32768f;
            writeAt = (writeAt + 1) % window.length;
        }
        filled = (int) Math.min(window.length, (long) filled + len);
        double pitch = 0;
        if (filled == window.length && level >= MIN_VOICED_DB) {
            int tail = window.length - writeAt;
            System.arraycopy(window, writeAt, scratch, 0, tail);
            System.arraycopy(window, 0, scratch, tail, writeAt);
            PitchDetectionResult r = yin.getPitch(scratch);
            if (r.isPitched() && r.getProbability() >= MIN_PROBABILITY && r.getPitch() >= MIN_PITCH_HZ
                    && r.getPitch() <= MAX_PITCH_HZ) {
                pitch = r.getPitch();
            }
        }
        double stress = stress(level, pitch);
        if (pitch > 0) {
            voicedChunks++;
            double alpha = Math.max(1.0 / voicedChunks, 1.0 / SLOW_AFTER);
            baseLogPitch += (Math.log(pitch) - baseLogPitch) * (voicedChunks == 1 ? 1 : alpha);
            baseLevelDb += (level - baseLevelDb) * (voicedChunks == 1 ? 1 : alpha);
        }
        return new VoiceLevel(level, pitch, stress);
    }

    @Override
    public void reset() {
        filled = 0;
        writeAt = 0;
        voicedChunks = 0;
        baseLogPitch = 0;
        baseLevelDb = 0;
    }

    /** The rate this meter was made for. */
    public int sampleRate() {
        return sampleRate;
    }

    private double stress(double level, double pitch) {
        if (voicedChunks == 0) {
            return 0;
        }
        double louder = clamp01((level - baseLevelDb) / 12);
        if (pitch <= 0) {
            return 0.4 * louder;
        }
        double semitones = 12 * (Math.log(pitch) - baseLogPitch) / Math.log(2);
        return 0.6 * clamp01(semitones / 6) + 0.4 * louder;
    }

    private static double clamp01(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
