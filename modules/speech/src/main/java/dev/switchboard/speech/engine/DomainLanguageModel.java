package dev.switchboard.speech.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A word trigram language model of dispatch speech: interpolated Kneser-Ney (one absolute discount per order,
 * from the counts of counts), whose lowest order falls back to a uniform share of the recogniser's whole
 * vocabulary, so an unseen word is unlikely but never impossible. Built in memory from a few thousand sentences
 * in milliseconds; immutable and thread-safe once built.
 *
 * <p>Words are lower case as the recogniser writes them; a token with a digit becomes {@code <num>}, because
 * the recogniser spells numbers out and a digit in the corpus only marks that a number was said there.
 */
public final class DomainLanguageModel {

    static final String BOS = "<s>";
    static final String EOS = "</s>";
    private static final String NUM = "<num>";
    private static final String SEP = " ";

    private final int vocabularySize;
    /** Count of each trigram "a b c". */
    private final Map<String, Integer> trigrams = new HashMap<>();
    /** For each history "a b": total count, distinct continuations. */
    private final Map<String, int[]> trigramHistories = new HashMap<>();
    /** Continuation count of each bigram "b c": distinct words a seen before it. */
    private final Map<String, Integer> bigramContinuations = new HashMap<>();
    /** For each word b as history: sum of continuation counts of "b *", distinct continuations. */
    private final Map<String, int[]> bigramHistories = new HashMap<>();
    /** Continuation count of each word c: distinct bigram types "* c". */
    private final Map<String, Integer> unigramContinuations = new HashMap<>();
    private int unigramContinuationTotal;
    private final double d3;
    private final double d2;
    private final double d1;

    private DomainLanguageModel(Collection<String> sentences, int vocabularySize) {
        this.vocabularySize = Math.max(vocabularySize, 2);
        for (String sentence : sentences) {
            List<String> w = new ArrayList<>();
            w.add(BOS);
            w.add(BOS);
            w.addAll(tokens(sentence));
            if (w.size() == 2) {
                continue;
            }
            w.add(EOS);
            for (int i = 2; i < w.size(); i++) {
                trigrams.merge(w.get(i - 2) + SEP + w.get(i - 1) + SEP + w.get(i), 1, Integer::sum);
            }
        }
        Set<String> bigramTypes = new HashSet<>();
        for (Map.Entry<String, Integer> e : trigrams.entrySet()) {
            String[] t = e.getKey().split(SEP);
            int[] h = trigramHistories.computeIfAbsent(t[0] + SEP + t[1], k -> new int[2]);
            h[0] += e.getValue();
            h[1]++;
            // "<s> <s> x" has no real left context: its bigram "<s> x" is counted as seen once from the start.
            bigramContinuations.merge(t[1] + SEP + t[2], 1, Integer::sum);
            bigramTypes.add(t[1] + SEP + t[2]);
        }
        for (Map.Entry<String, Integer> e : bigramContinuations.entrySet()) {
            String[] t = e.getKey().split(SEP);
            int[] h = bigramHistories.computeIfAbsent(t[0], k -> new int[2]);
            h[0] += e.getValue();
            h[1]++;
        }
        for (String bigram : bigramTypes) {
            unigramContinuations.merge(bigram.substring(bigram.indexOf(SEP) + 1), 1, Integer::sum);
            unigramContinuationTotal++;
        }
        d3 = discount(trigrams.values());
        d2 = discount(bigramContinuations.values());
        d1 = discount(unigramContinuations.values());
    }

    /**
     * Builds the model.
     *
     * @param sentences      the corpus, one sentence each, any case and punctuation
     * @param vocabularySize words the recogniser can output (its lexicon), for the share of an unseen word
     */
    public static DomainLanguageModel train(Collection<String> sentences, int vocabularySize) {
        return new DomainLanguageModel(sentences, vocabularySize);
    }

    /** Natural-log probability of a whole utterance, from its start to its end. */
    public double logProb(List<String> words) {
        String a = BOS;
        String b = BOS;
        double sum = 0;
        for (String raw : words) {
            String c = normalise(raw);
            sum += Math.log(prob(a, b, c));
            a = b;
            b = c;
        }
        return sum + Math.log(prob(a, b, EOS));
    }

    /** The words of a sentence as the model counts them: lower case, punctuation dropped, digits as one token. */
    public static List<String> tokens(String sentence) {
        List<String> out = new ArrayList<>();
        for (String w : WordErrorRate.words(sentence.replace('-', ' '))) {
            out.add(normalise(w));
        }
        return out;
    }

    /** Distinct words the corpus holds. */
    public int corpusVocabulary() {
        return unigramContinuations.size();
    }

    /** Whether the corpus holds this exact word sequence (of one to three words) anywhere. */
    public boolean contains(List<String> ngram) {
        List<String> w = ngram.stream().map(DomainLanguageModel::normalise).toList();
        return switch (w.size()) {
            case 1 -> unigramContinuations.containsKey(w.get(0));
            case 2 -> bigramContinuations.containsKey(w.get(0) + SEP + w.get(1));
            case 3 -> trigrams.containsKey(String.join(SEP, w));
            default -> throw new IllegalArgumentException("one to three words, not " + w.size());
        };
    }

    double prob(String a, String b, String c) {
        double uniform = 1.0 / vocabularySize;
        double p1 = uniform;
        if (unigramContinuationTotal > 0) {
            int n = unigramContinuations.getOrDefault(c, 0);
            double backoff = d1 * unigramContinuations.size() / unigramContinuationTotal;
            p1 = Math.max(n - d1, 0) / unigramContinuationTotal + backoff * uniform;
        }
        double p2 = p1;
        int[] hb = bigramHistories.get(b);
        if (hb != null) {
            int n = bigramContinuations.getOrDefault(b + SEP + c, 0);
            p2 = (Math.max(n - d2, 0) + d2 * hb[1] * p1) / hb[0];
        }
        double p3 = p2;
        int[] hab = trigramHistories.get(a + SEP + b);
        if (hab != null) {
            int n = trigrams.getOrDefault(a + SEP + b + SEP + c, 0);
            p3 = (Math.max(n - d3, 0) + d3 * hab[1] * p2) / hab[0];
        }
        return p3;
    }

    private static String normalise(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        for (int i = 0; i < w.length(); i++) {
            if (Character.isDigit(w.charAt(i))) {
                return NUM;
            }
        }
        return w;
    }

    /** Ney's estimate n1 / (n1 + 2 n2), kept inside (0.1, 0.9) for tiny corpora. */
    private static double discount(Collection<Integer> counts) {
        long n1 = counts.stream().filter(c -> c == 1).count();
        long n2 = counts.stream().filter(c -> c == 2).count();
        double d = n1 + n2 == 0 ? 0.5 : n1 / (double) (n1 + 2 * n2);
        return Math.min(0.9, Math.max(0.1, d));
    }
}
