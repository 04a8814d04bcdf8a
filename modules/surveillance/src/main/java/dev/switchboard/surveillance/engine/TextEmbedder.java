package dev.switchboard.surveillance.engine;

import dev.switchboard.ai.EmbeddingService;
import java.util.List;

/**
 * Sentence vectors for descriptions, questions and memories: the AI gateway's in-process embeddings, or a stand-in
 * in tests. Vectors are L2-normalised.
 */
public interface TextEmbedder {

    /** One vector per text, in order. */
    List<float[]> embed(List<String> texts);

    int dimension();

    /** Over the AI gateway's embedding service. */
    static TextEmbedder of(EmbeddingService service) {
        return new TextEmbedder() {
            @Override
            public List<float[]> embed(List<String> texts) {
                return texts.isEmpty() ? List.of() : service.embed(texts).vectors();
            }

            @Override
            public int dimension() {
                return service.dimension();
            }
        };
    }
}
