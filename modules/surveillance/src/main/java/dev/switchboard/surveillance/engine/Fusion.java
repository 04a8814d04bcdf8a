package dev.switchboard.surveillance.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;

/**
 * How the keyword and the semantic rankings of one search become one list: a convex combination of their scores,
 * each normalised over its own list (BM25 by its best score, similarity min–max), keyword weighted
 * {@link #KEYWORD_WEIGHT}. Lucene's {@code TopDocs.rrf} fuses by rank only; at a million events, where thousands of
 * events share a description and so a similarity, the ranks of the semantic list carry little and reciprocal-rank
 * fusion fell below keyword alone (recall@10 0.509 against 0.507, nDCG@10 0.505 against 0.514 on the tuning half).
 * The weight was chosen on the tuning half of the labelled questions only (0.4: 0.467/0.485, 0.5: 0.514/0.518,
 * 0.6: 0.524/0.531, 0.7: 0.520/0.537, 0.8: 0.527/0.535), never on the held-out questions.
 */
final class Fusion {

    /** The keyword list's share of a fused score. */
    static final double KEYWORD_WEIGHT = 0.7;

    private Fusion() {
    }

    /** Fuses two lists of the same searcher's documents, best first, keeping at most {@code limit}. */
    static TopDocs fuse(TopDocs keyword, TopDocs semantic, int limit) {
        Map<Integer, double[]> fused = new LinkedHashMap<>();
        add(fused, keyword, KEYWORD_WEIGHT, true);
        add(fused, semantic, 1 - KEYWORD_WEIGHT, false);
        List<Map.Entry<Integer, double[]>> all = new ArrayList<>(fused.entrySet());
        // Stable: among equal fused scores the keyword list's order stays.
        all.sort((a, b) -> Double.compare(b.getValue()[0], a.getValue()[0]));
        int n = Math.min(limit, all.size());
        ScoreDoc[] out = new ScoreDoc[n];
        for (int i = 0; i < n; i++) {
            out[i] = new ScoreDoc(all.get(i).getKey(), (float) all.get(i).getValue()[0]);
        }
        return new TopDocs(new TotalHits(fused.size(), TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO), out);
    }

    private static void add(Map<Integer, double[]> into, TopDocs list, double weight, boolean keyword) {
        ScoreDoc[] docs = list.scoreDocs;
        if (docs.length == 0) {
            return;
        }
        float max = Float.NEGATIVE_INFINITY;
        float min = Float.POSITIVE_INFINITY;
        for (ScoreDoc d : docs) {
            max = Math.max(max, d.score);
            min = Math.min(min, d.score);
        }
        for (ScoreDoc d : docs) {
            double c;
            if (keyword) {
                c = max > 0 ? d.score / max : 0;
            } else {
                c = max > min ? (d.score - min) / (max - min) : 1;
            }
            into.computeIfAbsent(d.doc, k -> new double[1])[0] += weight * c;
        }
    }
}
