package dev.switchboard.calltaking.model;

import java.util.Locale;

/**
 * The three time targets of a call and the one clock each is measured on, everywhere a time is shown or marked:
 * the console's timer chips, the score, review, the PDF report, the CSV export and the progress charts. The answer
 * counts from the first ring; location and dispatch count from the answer (what the call-taker controls).
 * A target is met when it is reached within its seconds, inclusive; {@link #met} is the only rule.
 */
public enum CallTarget {

    /** Answer the call. */
    ANSWER("Answer", "answer: from first ring", false),
    /** Have a verified location. */
    LOCATION("Location", "location: from answer", true),
    /** Send the units. */
    DISPATCH("Dispatch", "dispatch: from answer", true);

    private final String label;
    private final String definition;
    private final boolean fromAnswer;

    CallTarget(String label, String definition, boolean fromAnswer) {
        this.label = label;
        this.definition = definition;
        this.fromAnswer = fromAnswer;
    }

    /** The target's name on screen, e.g. "Location". */
    public String label() {
        return label;
    }

    /** The target with its clock, as every screen states it, e.g. "answer: from first ring". */
    public String definition() {
        return definition;
    }

    /** Whether the clock starts at the answer (else at the first ring). */
    public boolean fromAnswer() {
        return fromAnswer;
    }

    /**
     * The time to reach this target on its own clock.
     *
     * @param reachedAtMs  when it was reached, in ms since the first ring (the call's clock); -1 when it was not
     * @param answeredAtMs when the call was answered, in ms since the first ring; -1 when it was not
     * @return ms on this target's clock, or -1 when the target was not reached (or its clock never started)
     */
    public long elapsedMs(long reachedAtMs, long answeredAtMs) {
        if (reachedAtMs < 0) {
            return -1;
        }
        if (!fromAnswer) {
            return reachedAtMs;
        }
        return answeredAtMs < 0 ? -1 : Math.max(0, reachedAtMs - answeredAtMs);
    }

    /** This target's seconds in {@code targets}. */
    public int seconds(Targets targets) {
        return switch (this) {
            case ANSWER -> targets.answerSeconds();
            case LOCATION -> targets.locationSeconds();
            case DISPATCH -> targets.dispatchSeconds();
        };
    }

    /** The one rule: a target is met when it was reached ({@code elapsedMs ≥ 0}) within {@code seconds}, inclusive. */
    public static boolean met(long elapsedMs, int seconds) {
        return elapsedMs >= 0 && elapsedMs <= seconds * 1000L;
    }

    /** e.g. "Location 36.9 s (target 30 s, location: from answer): missed". */
    public String describe(long elapsedMs, int seconds) {
        if (elapsedMs < 0) {
            return label + " not reached (target " + seconds + " s, " + definition + "): missed";
        }
        return String.format(Locale.ROOT, "%s %.1f s (target %d s, %s): %s", label, elapsedMs / 1000.0, seconds,
                definition, met(elapsedMs, seconds) ? "met" : "missed");
    }

    /**
     * A call's time targets in seconds, as logged when the call starts ({@link CallLog.Started#targets()}), so every
     * reader marks the call against the same numbers.
     */
    public record Targets(int answerSeconds, int locationSeconds, int dispatchSeconds) {

        /** NENA's 15 s to answer; 60 s to a verified location and 120 s to dispatch, both from the answer. */
        public static final Targets DEFAULT = new Targets(15, 60, 120);

        /** The given targets with any missing (≤ 0) one taken from {@link #DEFAULT}. */
        public Targets orDefaults() {
            return new Targets(answerSeconds > 0 ? answerSeconds : DEFAULT.answerSeconds,
                    locationSeconds > 0 ? locationSeconds : DEFAULT.locationSeconds,
                    dispatchSeconds > 0 ? dispatchSeconds : DEFAULT.dispatchSeconds);
        }
    }
}
