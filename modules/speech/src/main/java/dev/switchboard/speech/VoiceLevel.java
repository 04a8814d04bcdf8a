package dev.switchboard.speech;

/**
 * The voice in one chunk of audio.
 *
 * @param levelDb RMS level in dBFS (0 is full scale; -120 for digital silence)
 * @param pitchHz fundamental frequency, or 0 when the chunk is unvoiced
 * @param stress  0..1: how far pitch and level sit above the speaker's running baseline
 */
public record VoiceLevel(double levelDb, double pitchHz, double stress) {

    /** The level reported for digital silence. */
    public static final double SILENCE_DB = -120;

    /** Whether a pitch was found. */
    public boolean voiced() {
        return pitchHz > 0;
    }
}
