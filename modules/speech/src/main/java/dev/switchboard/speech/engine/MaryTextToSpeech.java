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
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import marytts.LocalMaryInterface;
import marytts.exceptions.MaryConfigurationException;
import marytts.exceptions.SynthesisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * MaryTTS in process with the HSMM voice {@code cmu-slt-hsmm} (a US English female voice). The voice loads
 * on first use or {@link #warmUp()} (about 1.7 s). Each line goes in as SSML: rate and pitch through
 * {@code <prosody>} (MaryTTS' {@code Rate} audio effect barely changes this voice's duration, checked), and
 * pitch range and tension through the audio effects {@code F0Scale} and {@code TractScaler}. Synthesis is
 * serialised: one line at a time.
 */
public final class MaryTextToSpeech implements TextToSpeech {

    /** The voice this class speaks with. */
    public static final String VOICE = "cmu-slt-hsmm";

    private static final Logger LOG = LoggerFactory.getLogger(MaryTextToSpeech.class);
    private static final String SSML_NS = "http://www.w3.org/2001/10/synthesis";

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

    /** Loads the voice without speaking; blocks. Returns at once when it is already loaded. */
    public void load() {
        synchronized (lock) {
            mary();
        }
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
                AudioInputStream audio = m.generateAudio(ssml(text, prosody));
                return toPcm(audio);
            } catch (SynthesisException | IOException | ParserConfigurationException | RuntimeException e) {
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

    /**
     * The MaryTTS audio effects for {@code p}: a pitch range widened as much as the pitch is raised, and
     * the vocal tract scaled; empty for neutral prosody.
     */
    public static String effects(Prosody p) {
        StringBuilder fx = new StringBuilder();
        double pitch = clamp(p.pitch(), 0.5, 2.0);
        double tract = clamp(p.tract(), 0.8, 1.3);
        if (pitch != 1.0) {
            fx.append(String.format(Locale.ROOT, "F0Scale(f0Scale:%.3f;)", pitch));
        }
        if (tract != 1.0) {
            join(fx).append(String.format(Locale.ROOT, "TractScaler(amount:%.3f;)", tract));
        }
        return fx.toString();
    }

    /** The line as an SSML document with a {@code <prosody>} element for rate and pitch. */
    static Document ssml(String text, Prosody p) throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().newDocument();
        Element speak = doc.createElementNS(SSML_NS, "speak");
        speak.setAttribute("version", "1.0");
        speak.setAttributeNS("http://www.w3.org/XML/1998/namespace", "xml:lang", "en-US");
        doc.appendChild(speak);
        Element prosody = doc.createElementNS(SSML_NS, "prosody");
        prosody.setAttribute("rate", percent(clamp(p.rate(), 0.5, 2.0)));
        prosody.setAttribute("pitch", percent(clamp(p.pitch(), 0.5, 2.0)));
        prosody.appendChild(doc.createTextNode(text));
        speak.appendChild(prosody);
        return doc;
    }

    private static String percent(double factor) {
        return String.format(Locale.ROOT, "%+.0f%%", (factor - 1) * 100);
    }

    /** What MaryTTS logs, unless the user set it: errors only, to stderr. */
    static final String MARY_LOGGING = "ERROR, stderr";

    /**
     * MaryTTS's own log4j set-up writes {@code log/server.log} under the current working directory (its
     * "MARY_BASE" defaults to "."): wherever the program was started, a growing log of every synthesis. Its
     * logger's appenders can be chosen by system property; pointing it at stderr with errors only keeps the
     * file appender unused, so no file is created.
     */
    static void quietMaryLogging() {
        if (System.getProperty("log4j.logger.marytts") == null) {
            System.setProperty("log4j.logger.marytts", MARY_LOGGING);
        }
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
            quietMaryLogging();
            LocalMaryInterface m = new LocalMaryInterface();
            m.setVoice(VOICE);
            m.setInputType("SSML");
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
