package dev.switchboard.ai.engine.embedding;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Model load time and batched throughput of {@link LocalEmbeddingService} on dispatch-like sentences.
 * Exposed as {@code switchboard bench embeddings}.
 */
public final class EmbeddingBenchmark {

    private static final String[] SUBJECTS = {"A man", "Two cars", "A child", "Smoke", "A woman", "The caller",
        "A delivery truck", "An elderly neighbour", "Water", "A crowd"};
    private static final String[] VERBS = {"is trapped in", "collided near", "collapsed outside", "is rising from",
        "is shouting at", "reports a fire at", "blocks the lane at", "fell down in", "is flooding", "gathers at"};
    private static final String[] PLACES = {"Shibuya station", "the Sumida river bridge", "a Shinjuku apartment",
        "the Minato expressway ramp", "Ueno park", "a Koto warehouse", "the Setagaya school", "Ikebukuro exit 3",
        "a Nerima convenience store", "the Ota fish market"};

    private EmbeddingBenchmark() {
    }

    /** Loads the model fresh (in this JVM) and embeds {@code sentences} in batches of {@code batch}. */
    public static Result run(Path cacheDir, int sentences, int batch) {
        return run(cacheDir, sentences, batch, Runtime.getRuntime().availableProcessors(), 1);
    }

    /** As {@link #run(Path, int, int)} with {@code workers} Java threads and {@code intraOp} ONNX threads each. */
    public static Result run(Path cacheDir, int sentences, int batch, int workers, int intraOp) {
        try (LocalEmbeddingService service = new LocalEmbeddingService(cacheDir, workers, intraOp)) {
            service.embed(List.of("warm the model"));
            Duration load = service.loadTime();
            List<String> texts = sentences(sentences, 42);
            service.embed(texts.subList(0, Math.min(batch, texts.size())));
            long start = System.nanoTime();
            for (int i = 0; i < texts.size(); i += batch) {
                service.embed(texts.subList(i, Math.min(texts.size(), i + batch)));
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            return new Result(load, sentences, batch, elapsed, sentences / (elapsed.toNanos() / 1e9));
        }
    }

    /** Deterministic dispatch-like sentences. */
    static List<String> sentences(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(SUBJECTS[random.nextInt(SUBJECTS.length)] + " " + VERBS[random.nextInt(VERBS.length)] + " "
                    + PLACES[random.nextInt(PLACES.length)] + ", call " + i + ".");
        }
        return out;
    }

    /** The figures for the README. */
    public record Result(Duration modelLoad, int sentences, int batch, Duration elapsed, double sentencesPerSecond) {
    }
}
