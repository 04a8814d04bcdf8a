package dev.switchboard.surveillance.engine;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;

/**
 * An event's semantic score: the similarity of its description to the question, looked up by the description id in
 * the event's doc values (every event carries exactly one description, so this is exact, not an approximation).
 * Descriptions not among the nearest score 0.
 */
final class PhraseScores extends DoubleValuesSource {

    private final float[] byPhrase;

    /** @param ids the nearest descriptions, {@code scores} their scores in the same order */
    PhraseScores(int[] ids, float[] scores) {
        int max = Arrays.stream(ids).max().orElse(-1);
        byPhrase = new float[max + 1];
        for (int i = 0; i < ids.length; i++) {
            byPhrase[ids[i]] = scores[i];
        }
    }

    @Override
    public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
        SortedNumericDocValues phrase = ctx.reader().getSortedNumericDocValues(PhraseIndex.PHRASE);
        return new DoubleValues() {
            private double value;

            @Override
            public double doubleValue() {
                return value;
            }

            @Override
            public boolean advanceExact(int doc) throws IOException {
                if (phrase == null || !phrase.advanceExact(doc)) {
                    return false;
                }
                long id = phrase.nextValue();
                value = id >= 0 && id < byPhrase.length ? byPhrase[(int) id] : 0;
                return true;
            }
        };
    }

    @Override
    public boolean needsScores() {
        return false;
    }

    @Override
    public DoubleValuesSource rewrite(IndexSearcher searcher) {
        return this;
    }

    @Override
    public boolean isCacheable(LeafReaderContext ctx) {
        return false;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(byPhrase);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PhraseScores p && Arrays.equals(byPhrase, p.byPhrase);
    }

    @Override
    public String toString() {
        return "phraseScores(" + byPhrase.length + ")";
    }
}
