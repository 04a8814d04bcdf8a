package dev.switchboard.calltaking.engine.scenario;

/**
 * How the caller's synthetic voice sounds, as factors of the TTS voice's normal: 1.0 is unchanged.
 *
 * @param rate  speaking rate, 0.5..2 (panic raises it further at run time)
 * @param pitch pitch factor, 0.5..2
 * @param tract vocal-tract length factor, 0.7..1.4: below 1 sounds smaller (a child), above 1 larger
 */
public record VoiceSettings(double rate, double pitch, double tract) {

    /** The TTS voice unchanged. */
    public static final VoiceSettings NEUTRAL = new VoiceSettings(1.0, 1.0, 1.0);
}
