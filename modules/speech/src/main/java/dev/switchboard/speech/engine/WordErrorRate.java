package dev.switchboard.speech.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Word error rate: (substitutions + deletions + insertions) / reference words, after normalising case. */
public final class WordErrorRate {

    private WordErrorRate() {
    }

    /**
     * Counts of one comparison.
     *
     * @param errors         edit distance in words
     * @param referenceWords words in the reference
     */
    public record Score(int errors, int referenceWords) {

        /** errors / reference words; 0 for two empty texts. */
        public double rate() {
            return referenceWords == 0 ? (errors == 0 ? 0 : 1) : (double) errors / referenceWords;
        }

        /** The sum of two scores, for a corpus figure. */
        public Score plus(Score other) {
            return new Score(errors + other.errors, referenceWords + other.referenceWords);
        }
    }

    /** Compares a recognised text with what was said. */
    public static Score score(String reference, String hypothesis) {
        List<String> ref = words(reference);
        List<String> hyp = words(hypothesis);
        int[] prev = new int[hyp.size() + 1];
        int[] cur = new int[hyp.size() + 1];
        Arrays.setAll(prev, j -> j);
        for (int i = 1; i <= ref.size(); i++) {
            cur[0] = i;
            for (int j = 1; j <= hyp.size(); j++) {
                int substitute = prev[j - 1] + (ref.get(i - 1).equals(hyp.get(j - 1)) ? 0 : 1);
                cur[j] = Math.min(substitute, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return new Score(prev[hyp.size()], ref.size());
    }

    /** Lower case, punctuation (except apostrophes inside words) removed, split on spaces. */
    public static List<String> words(String text) {
        String clean = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9' ]+", " ").replaceAll("(^| )'|'( |$)", " ");
        return Arrays.stream(clean.trim().split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }
}
