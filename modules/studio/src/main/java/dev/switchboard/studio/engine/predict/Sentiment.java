package dev.switchboard.studio.engine.predict;

import dev.switchboard.studio.model.predict.Headline;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Offline lexicon sentiment of a headline or post, in the manner of VADER (Hutto and Gilbert, 2014): word valences
 * from the VADER lexicon plus a few market words it lacks, flipped by a negation in the three words before,
 * scaled by boosters ("very", "extremely"), and the sum squashed into -1..1. No model, no network; deterministic.
 */
public final class Sentiment {

    private static final Set<String> NEGATIONS = Set.of("not", "no", "never", "none", "nobody", "nothing",
            "neither", "nor", "without", "isn't", "isnt", "aren't", "arent", "wasn't", "wasnt", "don't", "dont",
            "doesn't", "doesnt", "didn't", "didnt", "can't", "cant", "won't", "wont", "hardly");
    private static final Map<String, Double> BOOSTERS = Map.ofEntries(Map.entry("very", 0.293),
            Map.entry("extremely", 0.293), Map.entry("hugely", 0.293), Map.entry("massively", 0.293),
            Map.entry("really", 0.293), Map.entry("so", 0.293), Map.entry("totally", 0.293),
            Map.entry("slightly", -0.293), Map.entry("somewhat", -0.293), Map.entry("barely", -0.293));
    /** Market words VADER's social-media lexicon lacks, valence on its -4..4 scale. */
    private static final Map<String, Double> MARKET_WORDS = Map.ofEntries(Map.entry("bullish", 2.0),
            Map.entry("bearish", -2.0), Map.entry("rally", 1.8), Map.entry("rallies", 1.8), Map.entry("surge", 1.8),
            Map.entry("surges", 1.8), Map.entry("soar", 2.0), Map.entry("soars", 2.0), Map.entry("moon", 1.5),
            Map.entry("adoption", 1.2), Map.entry("record", 0.8), Map.entry("gains", 1.5),
            Map.entry("plunge", -2.2), Map.entry("plunges", -2.2), Map.entry("slump", -1.8),
            Map.entry("slumps", -1.8), Map.entry("selloff", -1.9), Map.entry("hack", -2.3),
            Map.entry("hacked", -2.5), Map.entry("exploit", -1.8), Map.entry("bankrupt", -2.8),
            Map.entry("bankruptcy", -2.8), Map.entry("outage", -1.5), Map.entry("halt", -1.4),
            Map.entry("halts", -1.4), Map.entry("crackdown", -2.0), Map.entry("lawsuit", -1.6),
            Map.entry("rug", -2.0), Map.entry("pump", -0.8), Map.entry("dumps", -1.6), Map.entry("losses", -1.8));
    private static final double ALPHA = 15;
    private static final Map<String, Double> LEXICON = load();

    private Sentiment() {
    }

    /** The compound score of {@code text}: -1 (most negative) to 1 (most positive), 0 when no word is known. */
    public static double score(String text) {
        String[] words = text.toLowerCase(Locale.ROOT).split("[^a-z0-9'’]+");
        double sum = 0;
        for (int i = 0; i < words.length; i++) {
            Double valence = LEXICON.get(words[i].replace('’', '\''));
            if (valence == null) {
                continue;
            }
            double v = valence;
            if (i > 0) {
                Double boost = BOOSTERS.get(words[i - 1]);
                if (boost != null) {
                    v += Math.signum(v) * boost;
                }
            }
            for (int k = Math.max(0, i - 3); k < i; k++) {
                if (NEGATIONS.contains(words[k].replace('’', '\''))) {
                    v *= -0.74;
                    break;
                }
            }
            sum += v;
        }
        return sum / Math.sqrt(sum * sum + ALPHA);
    }

    /**
     * The sentiment known at each bar's close: the mean score of the headlines published during the last
     * {@code lookbackBars} bars up to that close, 0 where there were none.
     *
     * @param barTimes each bar's start, epoch seconds, increasing
     * @param headlines sorted by time
     */
    public static double[] perBar(long[] barTimes, int barSeconds, List<Headline> headlines, int lookbackBars) {
        double[] out = new double[barTimes.length];
        int from = 0;
        int to = 0;
        double sum = 0;
        for (int i = 0; i < barTimes.length; i++) {
            long close = barTimes[i] + barSeconds;
            long start = close - (long) lookbackBars * barSeconds;
            while (to < headlines.size() && headlines.get(to).time() < close) {
                sum += headlines.get(to).score();
                to++;
            }
            while (from < to && headlines.get(from).time() < start) {
                sum -= headlines.get(from).score();
                from++;
            }
            out[i] = to > from ? sum / (to - from) : 0;
        }
        return out;
    }

    private static Map<String, Double> load() {
        Map<String, Double> words = new HashMap<>();
        try (InputStream in = Sentiment.class.getResourceAsStream("vader-lexicon.tsv")) {
            if (in == null) {
                throw new IllegalStateException("vader-lexicon.tsv is missing from the studio module");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int tab = line.indexOf('\t');
                if (line.startsWith("#") || tab < 0) {
                    continue;
                }
                words.put(line.substring(0, tab), Double.parseDouble(line.substring(tab + 1)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        words.putAll(MARKET_WORDS);
        return Map.copyOf(words);
    }
}
