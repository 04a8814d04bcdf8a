package dev.switchboard.calltaking.engine.entities;

import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Time per utterance of {@link EntityExtractor#extract(String)} over the bundled labelled set, on one thread,
 * after a warm-up pass. Prints nothing; the {@code bench entities} command formats the figures.
 */
public final class EntitiesBenchmark {

    private EntitiesBenchmark() {
    }

    /** Figures in microseconds per utterance, plus the labelled set's precision and recall. */
    public record Result(int utterances, int calls, double meanMicros, double p50Micros, double p99Micros,
                         double maxMicros, double precision, double recall) {
    }

    /**
     * @param rounds passes over the labelled set that are measured (one more runs first as warm-up)
     */
    public static Result run(int rounds) {
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1, was " + rounds);
        }
        List<LabelledUtterance> set = LabelledUtterance.bundled();
        EntityExtractor extractor = new EntityExtractor(Gazetteer.tokyo());
        long sink = 0;
        for (int w = 0; w < 3; w++) {
            for (LabelledUtterance u : set) {
                sink += extractor.extract(u.text()).size();
            }
        }
        Histogram h = new Histogram(3_600_000_000L, 3);
        long total = 0;
        int calls = 0;
        for (int r = 0; r < rounds; r++) {
            for (LabelledUtterance u : set) {
                long t0 = System.nanoTime();
                sink += extractor.extract(u.text()).size();
                long ns = System.nanoTime() - t0;
                h.recordValue(Math.max(1, ns));
                total += ns;
                calls++;
            }
        }
        if (sink < 0) {
            throw new AssertionError("unreachable");
        }
        EntityEvaluation.Report report = EntityEvaluation.evaluate(extractor, set);
        return new Result(set.size(), calls, total / 1000.0 / calls, h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0, report.overall().precision(),
                report.overall().recall());
    }
}
