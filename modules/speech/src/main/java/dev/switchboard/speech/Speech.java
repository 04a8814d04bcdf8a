package dev.switchboard.speech;

import dev.switchboard.speech.engine.CaptureMicrophone;
import dev.switchboard.speech.engine.LineAudioOutput;
import dev.switchboard.speech.engine.LineSource;
import dev.switchboard.speech.engine.MaryTextToSpeech;
import dev.switchboard.speech.engine.Readiness;
import dev.switchboard.speech.engine.VoskSpeechToText;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The speech services of one workstation, built once by the composition root: offline text to speech
 * (MaryTTS) and speech to text (Vosk), both loaded lazily, plus speakers and microphone. Thread-safe.
 */
public final class Speech implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Speech.class);

    /** System property that turns the background warm-up off (UI tests that never speak); loading stays lazy. */
    public static final String NO_WARM_UP = "switchboard.speech.noWarmUp";

    private final MaryTextToSpeech tts;
    private final VoskSpeechToText stt;
    private final CompletableFuture<Void> warm = new CompletableFuture<>();
    private volatile boolean warming;
    private volatile AudioOutput output;

    private Speech(MaryTextToSpeech tts, VoskSpeechToText stt) {
        this.tts = tts;
        this.stt = stt;
    }

    /**
     * Offline speech. Nothing loads yet; call {@link #warmUpInBackground()} at start-up.
     *
     * @param cacheDir where the recognition model is extracted once (about 70 MB), e.g. the data dir's cache
     */
    public static Speech offline(Path cacheDir) {
        return new Speech(new MaryTextToSpeech(), new VoskSpeechToText(cacheDir));
    }

    /** Text to speech; the voice loads on first use unless warmed up. */
    public TextToSpeech tts() {
        return tts;
    }

    /** Speech to text; the model loads on first use unless warmed up. */
    public SpeechToText stt() {
        return stt;
    }

    /** The speakers when Java sees a playback device, otherwise {@link AudioOutput#silent()}. */
    public AudioOutput output() {
        AudioOutput o = output;
        if (o == null) {
            o = LineAudioOutput.supported(48_000) ? new LineAudioOutput() : AudioOutput.silent();
            output = o;
        }
        return o;
    }

    /** Whether Java sees a capture device; {@link #microphone()} fails with a clear message when not. */
    public boolean microphoneAvailable() {
        return LineSource.supported();
    }

    /**
     * The default capture device as a microphone. Opening happens in {@link Microphone#start}, which
     * throws a {@link dev.switchboard.core.error.SwitchboardException} saying what to do when there is none.
     */
    public Microphone microphone(VoiceActivity settings) {
        return new CaptureMicrophone(new LineSource(), settings);
    }

    /** As {@link #microphone(VoiceActivity)} with the default voice-activity settings. */
    public Microphone microphone() {
        return microphone(VoiceActivity.DEFAULT);
    }

    /**
     * Loads the voice and the recognition model on a virtual thread, so the first caller line is not slow.
     * Failures show in {@link #status()}. Calling it again does nothing.
     */
    public synchronized void warmUpInBackground() {
        if (warming || Boolean.getBoolean(NO_WARM_UP)) {
            return;
        }
        warming = true;
        Thread.ofVirtual().name("speech-warm-up").start(() -> {
            try {
                tts.warmUp();
            } catch (RuntimeException e) {
                LOG.warn("Text to speech did not warm up: {}", e.getMessage());
            }
            try {
                stt.warmUp();
            } catch (RuntimeException e) {
                LOG.warn("Speech recognition did not warm up: {}", e.getMessage());
            } finally {
                warm.complete(null);
            }
        });
    }

    /**
     * Completes when the background warm-up has ended, ready or failed, however long it took (minutes on a busy
     * machine); never completes when none was started. The status bar reads {@link #status()} again then.
     */
    public CompletionStage<Void> warmUpEnded() {
        return warm.minimalCompletionStage();
    }

    /**
     * The state in words for the status bar: "speech: ready", "speech: warming up", "speech: loads on
     * first use" or "speech: unavailable: &lt;why&gt;".
     */
    public String status() {
        Readiness voice = tts.readiness();
        Readiness ears = stt.readiness();
        if (voice.state() == Readiness.State.FAILED || ears.state() == Readiness.State.FAILED) {
            StringBuilder why = new StringBuilder("speech: unavailable: ");
            if (voice.state() == Readiness.State.FAILED) {
                why.append("voice: ").append(voice.reason());
            }
            if (ears.state() == Readiness.State.FAILED) {
                why.append(voice.state() == Readiness.State.FAILED ? "; " : "").append("recognition: ")
                        .append(ears.reason());
            }
            return why.toString();
        }
        if (voice.state() == Readiness.State.READY && ears.state() == Readiness.State.READY) {
            return "speech: ready";
        }
        if (warming || voice.state() == Readiness.State.LOADING || ears.state() == Readiness.State.LOADING) {
            return "speech: warming up";
        }
        return "speech: loads on first use";
    }

    /** Frees the recognition model. */
    @Override
    public void close() {
        // A warm-up still inside the native model load must finish first: freeing or exiting under it crashes the
        // JVM ("pure virtual method called").
        boolean started;
        synchronized (this) {
            started = warming;
        }
        if (started) {
            try {
                warm.get(30, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                LOG.warn("Speech warm-up still running after 30 s; closing anyway");
            } catch (ExecutionException e) {
                LOG.debug("Speech warm-up ended badly", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        stt.close();
    }
}
