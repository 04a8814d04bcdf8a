package dev.switchboard.speech.engine;

import dev.switchboard.speech.Transcription;
import dev.switchboard.speech.WordTiming;
import java.util.ArrayList;
import java.util.List;

/**
 * Second pass over the recogniser's n-best list: each alternative's score from the recogniser (acoustic plus its
 * general English language model, natural log) gets the dispatch-domain model's log probability times
 * {@link #lmWeight} and a per-word bonus, and the best total wins. Word confidences are the share of the
 * rescored list's probability mass that holds the same word at the same time. Immutable and thread-safe.
 *
 * @param model      the domain language model
 * @param lmWeight   weight of the domain model's log probability against the recogniser's score
 * @param wordBonus  added per word, to balance the domain model's preference for short utterances
 */
public record NBestRescorer(DomainLanguageModel model, double lmWeight, double wordBonus) {

    /** Two word timings this close (ms) are the same word in two alternatives. */
    private static final long SAME_WORD_MS = 150;

    /**
     * One alternative of the n-best list.
     *
     * @param words the words with their timings (confidences are ignored)
     * @param score the recogniser's total log score (higher is better)
     */
    public record Alternative(List<WordTiming> words, double score) {

        public Alternative {
            words = List.copyOf(words);
        }

        /** The words joined by spaces. */
        public String text() {
            return String.join(" ", words.stream().map(WordTiming::word).toList());
        }
    }

    /** The best alternative after rescoring, with word confidences; {@link Transcription#EMPTY} for none. */
    public Transcription best(List<Alternative> alternatives) {
        if (alternatives.isEmpty()) {
            return Transcription.EMPTY;
        }
        double[] total = new double[alternatives.size()];
        int best = 0;
        for (int i = 0; i < total.length; i++) {
            total[i] = rescore(alternatives.get(i));
            if (total[i] > total[best]) {
                best = i;
            }
        }
        double sum = 0;
        double[] posterior = new double[total.length];
        for (int i = 0; i < total.length; i++) {
            posterior[i] = Math.exp(total[i] - total[best]);
            sum += posterior[i];
        }
        List<WordTiming> chosen = alternatives.get(best).words();
        List<WordTiming> out = new ArrayList<>(chosen.size());
        for (WordTiming w : chosen) {
            double mass = 0;
            for (int i = 0; i < total.length; i++) {
                if (holds(alternatives.get(i).words(), w)) {
                    mass += posterior[i];
                }
            }
            out.add(new WordTiming(w.word(), w.startMs(), w.endMs(), Math.min(1.0, mass / sum)));
        }
        return new Transcription(alternatives.get(best).text(), out);
    }

    /** The alternative's total after the second pass. */
    public double rescore(Alternative a) {
        List<String> words = a.words().stream().map(WordTiming::word).toList();
        return a.score() + lmWeight * model.logProb(words) + wordBonus * words.size();
    }

    private static boolean holds(List<WordTiming> words, WordTiming w) {
        for (WordTiming o : words) {
            if (o.word().equals(w.word()) && Math.abs(o.startMs() - w.startMs()) <= SAME_WORD_MS) {
                return true;
            }
        }
        return false;
    }
}
