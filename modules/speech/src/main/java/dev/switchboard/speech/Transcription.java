package dev.switchboard.speech;

import java.util.ArrayList;
import java.util.List;

/**
 * What the recogniser heard: the text and each word's timing.
 *
 * @param text  the words joined by single spaces; empty when nothing was recognised
 * @param words the words in order, with timings
 */
public record Transcription(String text, List<WordTiming> words) {

    /** Nothing heard. */
    public static final Transcription EMPTY = new Transcription("", List.of());

    public Transcription {
        text = text == null ? "" : text.strip();
        words = List.copyOf(words);
    }

    /** Whether nothing was recognised. */
    public boolean isEmpty() {
        return text.isEmpty();
    }

    /** This transcription followed by {@code next}. */
    public Transcription append(Transcription next) {
        if (next.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return next;
        }
        List<WordTiming> all = new ArrayList<>(words);
        all.addAll(next.words);
        return new Transcription(text + " " + next.text, all);
    }

    /** Mean word confidence, or 0 when there are no words. */
    public double meanConfidence() {
        return words.stream().mapToDouble(WordTiming::confidence).average().orElse(0);
    }
}
