package dev.switchboard.review.model;

/**
 * The center's score target drawn on the progress charts. Time targets are not set here: each call is marked
 * against its own scenario's targets, logged with the call ({@link CallMetrics#targets()}), so the charts draw the
 * same targets the score and the console used.
 *
 * @param score score at least this (0..100)
 */
public record Targets(int score) {

    /** The default: score ≥ 80. */
    public static final Targets DEFAULT = new Targets(80);
}
