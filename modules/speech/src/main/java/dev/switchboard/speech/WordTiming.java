package dev.switchboard.speech;

/**
 * One recognised word and where it lies in the audio.
 *
 * @param word       the word, lower case as the recogniser spells it
 * @param startMs    start, in ms from the start of the audio given to the recogniser
 * @param endMs      end, in ms from the same origin
 * @param confidence 0..1; 1.0 when the recogniser had no doubt
 */
public record WordTiming(String word, long startMs, long endMs, double confidence) {
}
