package dev.switchboard.studio.model.predict;

/**
 * A headline or post a user imported, with its lexicon sentiment.
 *
 * @param time  epoch seconds
 * @param score compound sentiment in -1..1 (negative to positive)
 */
public record Headline(long time, String text, double score) {
}
