package dev.switchboard.surveillance.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;

/** How the keyword and the semantic rankings of one search become one list. */
final class Fusion {

    enum Kind { RRF, WEIGHTED_RRF, CONVEX }

    static Kind kind = Kind.valueOf(System.getProperty("switchboard.fusion", "RRF").toUpperCase(Locale.ROOT));
    static double weight = Double.parseDouble(System.getProperty("switchboard.fusion.weight", "0.5"));

    private Fusion() {
    }

    /** Fuses two lists of the same searcher's documents, best first. */
    static TopDocs fuse(TopDocs keyword, TopDocs semantic, int limit, int rrfK) {
        return switch (kind) {
            case RRF -> TopDocs.rrf(limit, rrfK, new TopDocs[] {keyword, semantic});
            case WEIGHTED_RRF -> combine(keyword, semantic, limit, (r, s, max, min) -> 1.0 / (rrfK + r + 1), weight);
            case CONVEX -> combine(keyword, semantic, limit, null, weight);
        };
    }

    interface Contribution {
        double of(int rank, float score, float max, float min);
    }

    private static TopDocs combine(TopDocs keyword, TopDocs semantic, int limit, Contribution rank, double w) {
        Map<Integer, double[]> fused = new LinkedHashMap<>();
        add(fused, keyword, w, rank, true);
        add(fused, semantic, 1 - w, rank, false);
        List<Map.Entry<Integer, double[]>> all = new ArrayList<>(fused.entrySet());
        all.sort((a, b) -> Double.compare(b.getValue()[0], a.getValue()[0]));
        int n = Math.min(limit, all.size());
        ScoreDoc[] out = new ScoreDoc[n];
        for (int i = 0; i < n; i++) {
            out[i] = new ScoreDoc(all.get(i).getKey(), (float) all.get(i).getValue()[0]);
        }
        return new TopDocs(new TotalHits(fused.size(), TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO), out);
    }

    private static void add(Map<Integer, double[]> into, TopDocs list, double w, Contribution rank, boolean keyword) {
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
        for (int i = 0; i < docs.length; i++) {
            double c;
            if (rank != null) {
                c = rank.of(i, docs[i].score, max, min);
            } else if (keyword) {
                c = max > 0 ? docs[i].score / max : 0;
            } else {
                c = max > min ? (docs[i].score - min) / (max - min) : 1;
            }
            into.computeIfAbsent(docs[i].doc, k -> new double[1])[0] += w * c;
        }
    }
}
