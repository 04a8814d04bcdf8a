package dev.switchboard.speech.engine;

import dev.switchboard.core.error.SwitchboardException;
import dev.switchboard.speech.Pcm;
import dev.switchboard.speech.Recognizer;
import dev.switchboard.speech.RecognizerListener;
import dev.switchboard.speech.SpeechToText;
import dev.switchboard.speech.Transcription;
import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;

/**
 * Vosk with the small US English model bundled in the jar, extracted on first use to
 * {@code <cacheDir>/vosk/model-en-us-0.3.45-dispatch} and fitted to dispatch speech ({@link Adaptation#DISPATCH}):
 * dispatch words boosted in the first pass, each finished segment's n-best list rescored with the dispatch
 * language model. Partial results are the first pass's. The model loads on first use or {@link #warmUp()}.
 */
public final class VoskSpeechToText implements SpeechToText, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VoskSpeechToText.class);
    /** Feed size for whole clips: 100 ms at 16 kHz. */
    private static final int CHUNK = 1600;

    /** Words the bundled model can output: the unseen-word share of the dispatch language model. */
    static final int MODEL_VOCABULARY = 152_217;

    private final Path cacheDir;
    private final Adaptation adaptation;
    private final Object lock = new Object();
    private Model model;
    private NBestRescorer rescorer;
    private volatile Readiness readiness = Readiness.NOT_LOADED;

    /** @param cacheDir folder for the extracted model, e.g. the data dir's {@code cache} */
    public VoskSpeechToText(Path cacheDir) {
        this(cacheDir, Adaptation.DISPATCH);
    }

    /** With another adaptation, e.g. {@link Adaptation#NONE} for the baseline in the benchmark. */
    public VoskSpeechToText(Path cacheDir, Adaptation adaptation) {
        this.cacheDir = cacheDir;
        this.adaptation = adaptation;
    }

    /** How this recogniser is fitted to dispatch speech. */
    public Adaptation adaptation() {
        return adaptation;
    }

    @Override
    public boolean available() {
        return readiness.state() != Readiness.State.FAILED;
    }

    /** Where loading stands. */
    public Readiness readiness() {
        return readiness;
    }

    /** Extracts and loads the model and runs it once on silence; blocks. */
    public void warmUp() {
        transcribe(Pcm.silence(300, Pcm.SPEECH_RATE));
    }

    @Override
    public Transcription transcribe(Pcm pcm) {
        Pcm audio = pcm.resampled(Pcm.SPEECH_RATE);
        try (Recognizer r = open(Pcm.SPEECH_RATE, null)) {
            short[] s = audio.samples();
            short[] chunk = new short[CHUNK];
            for (int at = 0; at < s.length; at += CHUNK) {
                int n = Math.min(CHUNK, s.length - at);
                System.arraycopy(s, at, chunk, 0, n);
                r.accept(chunk, n);
            }
            return r.finish();
        }
    }

    @Override
    public Recognizer open(int sampleRate, RecognizerListener listener) {
        Model m = model();
        try {
            org.vosk.Recognizer native1 = new org.vosk.Recognizer(m, sampleRate);
            native1.setWords(true);
            if (adaptation.rescores()) {
                native1.setMaxAlternatives(adaptation.alternatives());
            }
            return new VoskRecognizer(native1, sampleRate, listener, adaptation.rescores() ? rescorer : null);
        } catch (IOException | RuntimeException e) {
            throw new SwitchboardException("Speech recognition could not start: " + e.getMessage(),
                    "Type your replies instead.", e);
        }
    }

    /** Frees the model; recognisers still open must be closed first. */
    @Override
    public void close() {
        synchronized (lock) {
            if (model != null) {
                model.close();
                model = null;
                readiness = Readiness.NOT_LOADED;
            }
        }
    }

    private Model model() {
        synchronized (lock) {
            if (model != null) {
                return model;
            }
            if (readiness.state() == Readiness.State.FAILED) {
                throw unavailable(null);
            }
            readiness = Readiness.LOADING;
            try {
                Path folder = VoskModelCache.ensureExtracted(cacheDir, adaptation);
                LibVosk.setLogLevel(LogLevel.WARNINGS);
                if (adaptation.rescores()) {
                    rescorer = new NBestRescorer(DomainLanguageModel.train(DispatchCorpus.bundled(), MODEL_VOCABULARY),
                            adaptation.lmWeight(), adaptation.wordBonus());
                }
                model = new Model(folder.toString());
                readiness = Readiness.READY;
                return model;
            } catch (IOException | RuntimeException | LinkageError e) {
                LOG.warn("Vosk could not load", e);
                readiness = Readiness.failed("the recognition model did not load (" + e.getMessage() + ")");
                throw unavailable(e);
            }
        }
    }

    private SwitchboardException unavailable(Throwable cause) {
        return new SwitchboardException("Speech recognition is unavailable: " + readiness.reason() + ".",
                "Type your replies instead; restart Switchboard to try again.", cause);
    }
}
