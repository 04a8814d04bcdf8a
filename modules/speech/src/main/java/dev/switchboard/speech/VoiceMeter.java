package dev.switchboard.speech;

import dev.switchboard.speech.engine.YinVoiceMeter;

/**
 * Measures level, pitch and stress chunk by chunk for one speaker; it learns the speaker's baseline as it
 * goes, so use one meter per speaker. Not thread-safe.
 */
public interface VoiceMeter {

    /** Measures {@code len} samples of {@code buf} and updates the baseline with voiced chunks. */
    VoiceLevel measure(short[] buf, int len);

    /** Forgets the baseline (a new speaker). */
    void reset();

    /** A meter for audio at {@code sampleRate} Hz, using YIN pitch detection (TarsosDSP). */
    static VoiceMeter create(int sampleRate) {
        return new YinVoiceMeter(sampleRate);
    }

    /** The RMS level of the samples in dBFS; {@link VoiceLevel#SILENCE_DB} for silence. */
    static double levelDb(short[] buf, int from, int len) {
        if (len <= 0) {
            return VoiceLevel.SILENCE_DB;
        }
        double sum = 0;
        for (int i = from; i < from + len; i++) {
            double s = buf[i] / 32768.0;
            sum += s * s;
        }
        double rms = Math.sqrt(sum / len);
        return rms <= 1e-6 ? VoiceLevel.SILENCE_DB : Math.max(VoiceLevel.SILENCE_DB, 20 * Math.log10(rms));
    }
}
