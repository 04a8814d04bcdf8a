package dev.switchboard.review.model;

/**
 * The center's targets drawn on the progress charts.
 *
 * @param answerSeconds   answer within this many seconds of the call being offered
 * @param locationSeconds know the location within this many seconds
 * @param dispatchSeconds dispatch within this many seconds
 * @param score           score at least this (0..100)
 */
public record Targets(int answerSeconds, int locationSeconds, int dispatchSeconds, int score) {

    /** The defaults: answer ≤ 15 s, location ≤ 60 s, dispatch ≤ 90 s, score ≥ 80. */
    public static final Targets DEFAULT = new Targets(15, 60, 90, 80);
}
