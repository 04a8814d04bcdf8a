package dev.switchboard.calltaking.engine.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;

/**
 * Figures for {@code bench entities}: time per utterance of {@link EntityExtractor#extract(String, String)} on one
 * thread after a warm-up, over the development set as typed and as a recogniser writes it; precision and recall on
 * the held-out proxy of real calls and on the development set, clean and noisy; and the time for one long input,
 * which shows the time is linear in the text's length. Prints nothing; the command formats the figures.
 */
public final class EntitiesBenchmark {

    private EntitiesBenchmark() {
    }

    /** Time per utterance in microseconds over one run. */
    public record Latency(int utterances, int calls, double meanMicros, double p50Micros, double p99Micros,
                          double maxMicros) {
    }

    /** Precision and recall of one labelled set, as written and with recogniser noise. */
    public record Accuracy(String name, int utterances, EntityEvaluation.Report clean,
                           EntityEvaluation.Report noisy) {
    }

    /**
     * One run of {@code rounds} passes over the development set (clean and noisy, each with its context line);
     * one more pass runs first as warm-up.
     */
    public static Latency latency(int rounds) {
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1, was " + rounds);
        }
        List<LabelledUtterance> set = new ArrayList<>(LabelledUtterance.bundled());
        set.addAll(SpeechNoise.apply(LabelledUtterance.bundled()));
        EntityExtractor extractor = new EntityExtractor(PlaceNames.tokyo());
        long sink = 0;
        for (int w = 0; w < 3; w++) {
            for (LabelledUtterance u : set) {
                sink += extractor.extract(u.text(), u.context()).size();
            }
        }
        Histogram h = new Histogram(3_600_000_000L, 3);
        long total = 0;
        int calls = 0;
        for (int r = 0; r < rounds; r++) {
            for (LabelledUtterance u : set) {
                long t0 = System.nanoTime();
                sink += extractor.extract(u.text(), u.context()).size();
                long ns = System.nanoTime() - t0;
                h.recordValue(Math.max(1, ns));
                total += ns;
                calls++;
            }
        }
        if (sink < 0) {
            throw new AssertionError("unreachable");
        }
        return new Latency(set.size(), calls, total / 1000.0 / calls, h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0);
    }

    /**
     * Precision and recall per type: the held-out proxy's parts A and B together, A (frozen before tuning), B
     * (written after the rules), C (written before the second round of rules), D (written before the third round), E
     * (written before the fourth round), F (written before the fifth round), and the development set the rules were
     * tuned on.
     */
    public static List<Accuracy> accuracy() {
        EntityExtractor extractor = new EntityExtractor(PlaceNames.tokyo());
        List<LabelledUtterance> held = LabelledUtterance.heldOut();
        List<LabelledUtterance> a = held.stream().filter(u -> !u.source().startsWith("b-")).toList();
        List<LabelledUtterance> b = held.stream().filter(u -> u.source().startsWith("b-")).toList();
        List<Accuracy> out = new ArrayList<>();
        out.add(accuracy(extractor, "held-out proxy of real calls (A+B)", held));
        out.add(accuracy(extractor, "held-out part A (frozen before tuning)", a));
        out.add(accuracy(extractor, "held-out part B (written after the rules)", b));
        out.add(accuracy(extractor, "held-out part C (written before the second round of rules)",
                LabelledUtterance.heldOutPartC()));
        out.add(accuracy(extractor, "held-out part D (written before the third round of rules)",
                LabelledUtterance.heldOutPartD()));
        out.add(accuracy(extractor, "held-out part E (written before the fourth round of rules)",
                LabelledUtterance.heldOutPartE()));
        out.add(accuracy(extractor, "held-out part F (written before the fifth round of rules)",
                LabelledUtterance.heldOutPartF()));
        out.add(accuracy(extractor, "development set (tuned on)", LabelledUtterance.bundled()));
        return out;
    }

    private static Accuracy accuracy(EntityExtractor extractor, String name, List<LabelledUtterance> set) {
        return new Accuracy(name, set.size(), EntityEvaluation.evaluate(extractor, set),
                EntityEvaluation.evaluate(extractor, SpeechNoise.apply(set)));
    }

    /** Milliseconds to extract from one text of about {@code chars} characters of call-like words, no punctuation. */
    public static double longInputMillis(int chars) {
        List<LabelledUtterance> set = SpeechNoise.apply(LabelledUtterance.bundled());
        StringBuilder sb = new StringBuilder(chars + 200);
        SplittableRandom rnd = new SplittableRandom(7);
        while (sb.length() < chars) {
            sb.append(set.get(rnd.nextInt(set.size())).text()).append(' ');
        }
        String text = sb.substring(0, chars);
        EntityExtractor extractor = new EntityExtractor(PlaceNames.tokyo());
        extractor.extract(text.substring(0, Math.min(text.length(), 10_000)), null);
        long t0 = System.nanoTime();
        int n = extractor.extract(text, null).size();
        double ms = (System.nanoTime() - t0) / 1e6;
        return n < 0 ? -1 : ms;
    }
}
