package dev.switchboard.ai;

import java.util.List;

/**
 * Sentence embeddings computed in-process (no endpoint needed). Vectors are L2-normalised, so the
 * dot product is the cosine similarity. Thread-safe.
 */
public interface EmbeddingService {

    /** Embeds each text; the result has one vector per text, in order. */
    Embeddings embed(List<String> texts);

    /** The length of every vector. */
    int dimension();

    /** Cosine similarity of two vectors of the same length. */
    static double cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("Vectors differ in length: " + a.length + " and " + b.length);
        }
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    /** Vectors and where they came from. */
    record Embeddings(List<float[]> vectors, Provenance provenance) {
    }
}
