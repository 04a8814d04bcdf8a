package dev.switchboard.speech.engine;

import dev.switchboard.core.error.SwitchboardException;
import dev.switchboard.speech.Pcm;
import dev.switchboard.speech.Prosody;
import dev.switchboard.speech.TextToSpeech;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.function.Consumer;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import marytts.LocalMaryInterface;
import marytts.exceptions.MaryConfigurationException;
import marytts.exceptions.SynthesisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MaryTTS in process with the HSMM voice {@code cmu-slt-hsmm} (a US English female voice). The voice loads
 * on first use or {@link #warmUp()} (about 1.7 s). Emotion is applied with MaryTTS' HMM audio effects:
 * {@code Rate} (duration), {@code F0Add} and {@code F0Scale} (pitch level and range) and
 * {@code TractScaler} (formants). Synthesis is serialised: one line at a time.
 */
public final class MaryTextToSpeech implements TextToSpeech {

    /** The voice this class speaks with. */
    public static final String VOICE = "cmu-slt-hsmm";

    private static final Logger LOG = LoggerFactory.getLogger(MaryTextToSpeech.class);
    /** Roughly the voice's mean pitch: F0Add is in Hz, Prosody.pitch is a factor. */
    private static final double VOICE_MEAN_F0_HZ = 170;

    private final Object lock = new Object();
    private LocalMaryInterface mary;
    private volatile Readiness readiness = Readiness.NOT_LOADED;

    @Override
    public boolean available() {
        return readiness.state() != Readiness.State.FAILED;
    }

    /** Where loading stands. */
    public Readiness readiness() {
        return readiness;
    }

    @Override
    public void warmUp() {
        synthesize("Nine one one.", Prosody.NEUTRAL);
    }

    @Override
    public Pcm synthesize(String text, Prosody prosody) {
        if (text == null || text.isBlank()) {
            return new Pcm(new short[0], 48_000);
        }
        synchronized (lock) {
            LocalMaryInterface m = mary();
            m.setAudioEffects(effects(prosody));
            try {
                AudioInputStream audio = m.generateAudio(text);
                return toPcm(audio);
            } catch (SynthesisException | IOException | RuntimeException e) {
                throw new SwitchboardException("The voice could not speak this line: " + shorten(text),
                        "The line is shown as text instead.", e);
            }
        }
    }

    @Override
    public void stream(String text, Prosody prosody, Consumer<Pcm> perSentence) {
        for (String sentence : Sentences.split(text)) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            perSentence.accept(synthesize(sentence, prosody));
        }
    }

    /** The MaryTTS effects string for {@code p}: empty for neutral prosody. */
    public static String effects(Prosody p) {
        StringBuilder fx = new StringBuilder();
        double rate = clamp(p.rate(), 0.5, 2.0);
        double pitch = clamp(p.pitch(), 0.5, 2.0);
        double tract = clamp(p.tract(), 0.8, 1.3);
        if (rate != 1.0) {
            fx.append(String.format(Locale.ROOT, "Rate(durScale:%.3f;)", 1.0 / rate));
        }
        if (pitch != 1.0) {
            join(fx).append(String.format(Locale.ROOT, "F0Add(f0Add:%.1f;)+F0Scale(f0Scale:%.3f;)",
                    (pitch - 1) * VOICE_MEAN_F0_HZ, pitch));
        }
        if (tract != 1.0) {
            join(fx).append(String.format(Locale.ROOT, "TractScaler(amount:%.3f;)", tract));
        }
        return fx.toString();
    }

    private LocalMaryInterface mary() {
        if (mary != null) {
            return mary;
        }
        if (readiness.state() == Readiness.State.FAILED) {
            throw unavailable(null);
        }
        readiness = Readiness.LOADING;
        try {
            LocalMaryInterface m = new LocalMaryInterface();
            m.setVoice(VOICE);
            mary = m;
            readiness = Readiness.READY;
            return m;
        } catch (MaryConfigurationException | RuntimeException | LinkageError e) {
            LOG.warn("MaryTTS could not load", e);
            readiness = Readiness.failed("the voice " + VOICE + " did not load (" + e.getMessage() + ")");
            throw unavailable(e);
        }
    }

    private SwitchboardException unavailable(Throwable cause) {
        return new SwitchboardException("Text to speech is unavailable: " + readiness.reason() + ".",
                "Caller lines are shown as text; restart Switchboard to try again.", cause);
    }

    private static Pcm toPcm(AudioInputStream audio) throws IOException {
        AudioFormat f = audio.getFormat();
        if (f.getEncoding() != AudioFormat.Encoding.PCM_SIGNED || f.getSampleSizeInBits() != 16
                || f.getChannels() != 1) {
            throw new IOException("unexpected MaryTTS audio format " + f);
        }
        // Read in a loop: MaryTTS' sequence stream stops readAllBytes() after its first part.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 14];
        for (int n = audio.read(buf); n >= 0; n = audio.read(buf)) {
            bytes.write(buf, 0, n);
        }
        byte[] b = bytes.toByteArray();
        short[] s = new short[b.length / 2];
        boolean big = f.isBigEndian();
        for (int i = 0; i < s.length; i++) {
            int lo = b[2 * i + (big ? 1 : 0)] & 0xFF;
            int hi = b[2 * i + (big ? 0 : 1)];
            s[i] = (short) ((hi << 8) | lo);
        }
        return new Pcm(s, Math.round(f.getSampleRate()));
    }

    private static StringBuilder join(StringBuilder fx) {
        return fx.isEmpty() ? fx : fx.append('+');
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static String shorten(String text) {
        return text.length() <= 60 ? "\"" + text + "\"" : "\"" + text.substring(0, 57) + "...\"";
    }
}
