package dev.switchboard.surveillance.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.junit.jupiter.api.Test;

class FusionTest {

    private static TopDocs list(float[] scores, int... docs) {
        ScoreDoc[] out = new ScoreDoc[docs.length];
        for (int i = 0; i < docs.length; i++) {
            out[i] = new ScoreDoc(docs[i], scores[i]);
        }
        return new TopDocs(new TotalHits(docs.length, TotalHits.Relation.EQUAL_TO), out);
    }

    @Test
    void keywordWeighsMoreButAnEventBothFindWins() {
        // Keyword: 1 (best), 2, 3. Semantic: 3 (best), 4, 1 (worst).
        TopDocs keyword = list(new float[] {10, 8, 5}, 1, 2, 3);
        TopDocs semantic = list(new float[] {0.9f, 0.8f, 0.5f}, 3, 4, 1);
        ScoreDoc[] fused = Fusion.fuse(keyword, semantic, 10).scoreDocs;
        // 1: 0.7*1 + 0 = 0.70; 2: 0.7*0.8 = 0.56; 3: 0.7*0.5 + 0.3*1 = 0.65; 4: 0.3*0.75 = 0.225.
        assertThat(Arrays.stream(fused).mapToInt(d -> d.doc).toArray()).containsExactly(1, 3, 2, 4);
        assertThat(fused[0].score).isCloseTo(0.70f, org.assertj.core.data.Offset.offset(1e-4f));
        assertThat(fused[1].score).isCloseTo(0.65f, org.assertj.core.data.Offset.offset(1e-4f));
        assertThat(Fusion.fuse(keyword, semantic, 2).scoreDocs).hasSize(2);
    }

    @Test
    void anEmptyListLeavesTheOtherAsItWas() {
        TopDocs keyword = list(new float[] {3, 2}, 7, 8);
        TopDocs none = list(new float[0]);
        assertThat(Arrays.stream(Fusion.fuse(keyword, none, 5).scoreDocs).mapToInt(d -> d.doc).toArray())
                .containsExactly(7, 8);
    }
}
