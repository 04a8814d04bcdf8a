package dev.switchboard.surveillance.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A deterministic stand-in for BGE-small: the sum of a fixed random direction per word stem, with a few synonym
 * groups, so that "brawl" and "fight" land near each other as they do in the real model. Fast enough for thousands
 * of sentences in a test.
 */
final class FakeEmbedder implements TextEmbedder {

    static final int DIM = 96;
    private static final Map<String, String> SYNONYMS = Map.ofEntries(Map.entry("brawl", "fight"),
            Map.entry("scuffle", "fight"), Map.entry("punch", "fight"), Map.entry("sprint", "run"),
            Map.entry("dash", "run"), Map.entry("flee", "run"), Map.entry("linger", "loiter"),
            Map.entry("hang", "loiter"), Map.entry("idl", "loiter"), Map.entry("collaps", "fall"),
            Map.entry("stumbl", "fall"), Map.entry("blaze", "fire"), Map.entry("flame", "fire"),
            Map.entry("sedan", "car"), Map.entry("taxi", "car"), Map.entry("knife", "weapon"),
            Map.entry("blade", "weapon"), Map.entry("collid", "crash"), Map.entry("smash", "crash"));
    int calls;

    @Override
    public List<float[]> embed(List<String> texts) {
        calls += texts.size();
        List<float[]> out = new ArrayList<>();
        for (String t : texts) {
            float[] v = new float[DIM];
            for (String w : t.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
                if (w.length() < 3) {
                    continue;
                }
                String stem = w.length() > 5 ? w.substring(0, 5) : w;
                for (Map.Entry<String, String> s : SYNONYMS.entrySet()) {
                    if (w.startsWith(s.getKey())) {
                        stem = s.getValue();
                    }
                }
                // Each stem a fixed random direction, as dense as a real model's vectors: similarity is graded, so
                // an HNSW graph can be walked (a one-hot bag of words leaves plateaus a graph search gets lost on).
                java.util.SplittableRandom r = new java.util.SplittableRandom(stem.hashCode());
                for (int i = 0; i < DIM; i++) {
                    v[i] += (float) r.nextGaussian();
                }
            }
            double n = 0;
            for (float x : v) {
                n += x * x;
            }
            n = Math.sqrt(n);
            for (int i = 0; i < DIM; i++) {
                v[i] = n == 0 ? 0 : (float) (v[i] / n);
            }
            out.add(v);
        }
        return out;
    }

    @Override
    public int dimension() {
        return DIM;
    }
}
