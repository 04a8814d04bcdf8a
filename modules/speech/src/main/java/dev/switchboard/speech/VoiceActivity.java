package dev.switchboard.speech;

/**
 * How voice-activity mode decides that the trainee speaks: a frame counts as voice when its level is at
 * least {@code marginDb} above the running noise floor and above {@code minLevelDb}.
 *
 * @param minLevelDb frames quieter than this (dBFS) are never voice, e.g. -50
 * @param marginDb   how far above the noise floor a frame must be, e.g. 12
 * @param onsetMs    voice this long starts an utterance, e.g. 60
 * @param hangoverMs silence this long ends it, e.g. 500 (also the delay before the reply can start)
 * @param preRollMs  audio kept from before the onset and sent with it, so the first syllable is not cut
 */
public record VoiceActivity(double minLevelDb, double marginDb, long onsetMs, long hangoverMs, long preRollMs) {

    /** Settings that suit a headset in a quiet training room. */
    public static final VoiceActivity DEFAULT = new VoiceActivity(-50, 12, 60, 500, 200);

    public VoiceActivity {
        if (onsetMs < 0 || hangoverMs < 0 || preRollMs < 0 || marginDb < 0) {
            throw new IllegalArgumentException("voice activity times and margin must not be negative");
        }
    }
}
