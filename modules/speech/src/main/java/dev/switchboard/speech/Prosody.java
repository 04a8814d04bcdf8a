package dev.switchboard.speech;

/**
 * How a line is spoken. Every factor is relative to the voice's own manner, so {@link #NEUTRAL} is all 1.0.
 *
 * @param rate  speaking rate: 1.3 speaks 30 % faster; clamped to 0.5..2.0 by the synthesiser
 * @param pitch mean pitch: 1.2 speaks 20 % higher; clamped to 0.5..2.0
 * @param tract vocal-tract scaling: above 1.0 shifts formants up (a shorter, tenser tract); clamped to 0.8..1.3
 */
public record Prosody(double rate, double pitch, double tract) {

    /** The voice as it is. */
    public static final Prosody NEUTRAL = new Prosody(1.0, 1.0, 1.0);

    public Prosody {
        if (!(rate > 0) || !(pitch > 0) || !(tract > 0)) {
            throw new IllegalArgumentException("prosody factors must be positive: " + rate + ", " + pitch + ", "
                    + tract);
        }
    }

    /**
     * A frightened caller: at panic 1.0 about 35 % faster, 30 % higher and slightly tenser than at 0.
     * Values outside 0..1 are clamped.
     */
    public static Prosody forPanic(double panic0to1) {
        double p = Double.isNaN(panic0to1) ? 0 : Math.max(0, Math.min(1, panic0to1));
        return new Prosody(1 + 0.35 * p, 1 + 0.30 * p, 1 + 0.08 * p);
    }

    /** Whether this is the voice as it is. */
    public boolean isNeutral() {
        return equals(NEUTRAL);
    }
}
