package dev.switchboard.ai.engine.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.switchboard.ai.EmbeddingService;
import dev.switchboard.ai.Provenance;
import dev.switchboard.core.error.SwitchboardException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In-process sentence embeddings with the quantised BGE-small-en v1.5 ONNX model that ships inside
 * the langchain4j jar: 384 dimensions, no endpoint, no download. The model loads on first use, or in
 * the background after {@link #warmUp()}; the native libraries it needs (DJL's tokenizer, ONNX Runtime) are unpacked
 * under the data dir's cache folder, never in the user's home or the temp folder. Thread-safe.
 */
public final class LocalEmbeddingService implements EmbeddingService, AutoCloseable {

    /** The model's vector length. */
    public static final int DIMENSION = 384;
    /** The name shown in provenance. */
    public static final String MODEL = "bge-small-en-v1.5-q";

    private static final Logger LOG = LoggerFactory.getLogger(LocalEmbeddingService.class);

    private final Path cacheDir;
    private final ExecutorService workers;
    private final int intraOpThreads;
    private volatile EmbeddingModel model;
    private volatile Duration loadTime;

    /**
     * @param cacheDir the data dir's cache folder: DJL unpacks its tokenizer library under {@code djl/}, ONNX
     *                 Runtime's libraries go to {@code onnxruntime/<version>/}
     */
    public LocalEmbeddingService(Path cacheDir) {
        this(cacheDir, Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    /** A service embedding with {@code threads} worker threads per batch, each inference on one thread. */
    public LocalEmbeddingService(Path cacheDir, int threads) {
        this(cacheDir, threads, 1);
    }

    /**
     * A service embedding with {@code threads} worker threads per batch, each inference on {@code intraOpThreads}
     * ONNX Runtime threads. Keep {@code threads × intraOpThreads} at the number of cores: more only makes threads
     * wait for each other.
     */
    public LocalEmbeddingService(Path cacheDir, int threads, int intraOpThreads) {
        this.cacheDir = Objects.requireNonNull(cacheDir, "cacheDir");
        this.intraOpThreads = Math.max(1, intraOpThreads);
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "embedding-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Loads the model on a background thread so the first real call is fast. */
    public void warmUp() {
        Thread loader = new Thread(() -> {
            try {
                model();
            } catch (RuntimeException e) {
                LOG.error("The embedding model could not be loaded", e);
            }
        }, "embedding-warm-up");
        loader.setDaemon(true);
        loader.start();
    }

    /** Whether the model is loaded and ready. */
    public boolean isReady() {
        return model != null;
    }

    /** How long loading the model took, or null before it loaded. */
    public Duration loadTime() {
        return loadTime;
    }

    @Override
    public Embeddings embed(List<String> texts) {
        long start = System.nanoTime();
        List<TextSegment> segments = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("Text " + (i + 1) + " of " + texts.size() + " is empty");
            }
            segments.add(TextSegment.from(text));
        }
        if (segments.isEmpty()) {
            return new Embeddings(List.of(), offline(start));
        }
        List<Embedding> embedded = model().embedAll(segments).content();
        List<float[]> vectors = new ArrayList<>(embedded.size());
        for (Embedding e : embedded) {
            vectors.add(normalised(e.vector()));
        }
        return new Embeddings(List.copyOf(vectors), offline(start));
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }

    private Provenance offline(long startNanos) {
        return new Provenance(Provenance.Source.OFFLINE, "in-process", MODEL,
                Duration.ofNanos(System.nanoTime() - startNanos), 0, 0, 0, "");
    }

    private EmbeddingModel model() {
        EmbeddingModel loaded = model;
        if (loaded == null) {
            synchronized (this) {
                loaded = model;
                if (loaded == null) {
                    loaded = load();
                    model = loaded;
                }
            }
        }
        return loaded;
    }

    private EmbeddingModel load() {
        Path djl = cacheDir.resolve("djl");
        try {
            Files.createDirectories(djl);
        } catch (IOException e) {
            throw new SwitchboardException("Cannot create the model cache folder " + djl + ": " + e.getMessage(),
                    "Check that the data folder is writable.", e);
        }
        // DJL reads these before it unpacks its tokenizer library; offline means it never tries to download.
        System.setProperty("DJL_CACHE_DIR", djl.toString());
        System.setProperty("ai.djl.offline", "true");
        long start = System.nanoTime();
        // Part of the load: ONNX Runtime's libraries were copied to the temp folder at every start before.
        OnnxRuntimeNative.install(cacheDir);
        EmbeddingModel loaded = new BgeSmallModel(workers, intraOpThreads);
        loadTime = Duration.ofNanos(System.nanoTime() - start);
        LOG.info("Loaded embedding model {} in {} ms", MODEL, loadTime.toMillis());
        return loaded;
    }

    private static float[] normalised(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        if (norm == 0) {
            return v.clone();
        }
        float inv = (float) (1 / Math.sqrt(norm));
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * inv;
        }
        return out;
    }
}
