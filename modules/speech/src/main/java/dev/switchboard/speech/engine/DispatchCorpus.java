package dev.switchboard.speech.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The text the domain language model learns from, all inside the speech jar: the dispatch phrase corpus
 * ({@code /speech/dispatch-corpus.txt}) and every line of the bundled scenario library (callers' answers and
 * events from {@code /speech/scenarios/*.yaml}, operators' lines from {@code /speech/scenarios/scripts/*.script};
 * the build copies them from the top-level {@code resources/scenarios}). Also the two sentence sets that measure
 * the recogniser, which the model must never see: a corpus sentence equal or close to one of them (see
 * {@link #close}) is left out, so a scenario line that happens to resemble a measured sentence cannot flatter the
 * figures.
 */
public final class DispatchCorpus {

    /** The phrase corpus written for the model. */
    public static final String PHRASES = "/speech/dispatch-corpus.txt";
    /** Sentences that choose the rescoring weights; not in the model. */
    public static final String TUNING = "/speech/tuning-sentences.txt";
    /** Sentences that measure accuracy; frozen, never in the model, never tuned on. */
    public static final String HELD_OUT = "/speech/heldout-sentences.txt";

    private static final String SCENARIOS = "/speech/scenarios/";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** Sentence ends, dashes and ellipses inside a caller's line. */
    private static final Pattern BREAKS =
            Pattern.compile("[.!?;]+\\s+|\\s*[\u2014\u2013]\\s*|\\.\\.\\.+\\s*|\\s+-\\s+");
    /** Ids, codes and enum names are not speech. */
    private static final Pattern CODE = Pattern.compile(".*([_:{}\\[\\]=/]|[A-Z]{2,}-[A-Z]).*");

    private DispatchCorpus() {
    }

    /** Every sentence the domain model learns from; read once, then shared (immutable). */
    public static List<String> bundled() {
        return Bundled.SENTENCES;
    }

    /** Reads the corpus on first use: the class is initialised once, thread-safely, by the JVM. */
    private static final class Bundled {
        static final List<String> SENTENCES = List.copyOf(read());
    }

    private static List<String> read() {
        List<List<String>> measured = new ArrayList<>();
        for (String resource : List.of(HELD_OUT, TUNING)) {
            lines(resource).forEach(s -> measured.add(DomainLanguageModel.tokens(s)));
        }
        List<String> out = new ArrayList<>();
        for (String sentence : readAll()) {
            List<String> words = DomainLanguageModel.tokens(sentence);
            if (measured.stream().noneMatch(m -> close(words, m))) {
                out.add(sentence);
            }
        }
        return out;
    }

    /**
     * Whether a corpus sentence is equal or close to a measured one: at most a quarter of the measured sentence's
     * words (at least one) away by word edits, e.g. one word swapped in an eight-word sentence.
     */
    static boolean close(List<String> corpus, List<String> measured) {
        int allowed = Math.max(1, measured.size() / 4);
        if (Math.abs(corpus.size() - measured.size()) > allowed) {
            return false;
        }
        int[] prev = new int[measured.size() + 1];
        int[] cur = new int[measured.size() + 1];
        for (int j = 0; j < prev.length; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= corpus.size(); i++) {
            cur[0] = i;
            for (int j = 1; j <= measured.size(); j++) {
                int same = corpus.get(i - 1).equals(measured.get(j - 1)) ? 0 : 1;
                cur[j] = Math.min(prev[j - 1] + same, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[measured.size()] <= allowed;
    }

    private static List<String> readAll() {
        List<String> out = new ArrayList<>(lines(PHRASES));
        for (String file : lines(SCENARIOS + "index.txt")) {
            out.addAll(scenarioText(SCENARIOS + file));
            String script = SCENARIOS + "scripts/" + file.replaceFirst("\\.yaml$", ".script");
            if (DispatchCorpus.class.getResource(script) != null) {
                for (String line : lines(script)) {
                    if (!line.startsWith("/") && !line.startsWith("@")) {
                        out.addAll(split(line));
                    }
                }
            }
        }
        return out;
    }

    /** A short hash of {@link #bundled()}: a model adapted to another corpus is redone. */
    public static String fingerprint() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String sentence : bundled()) {
                sha.update((sentence + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The non-empty, non-comment lines of a resource in this jar. */
    public static List<String> lines(String resource) {
        InputStream in = DispatchCorpus.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("the speech jar does not contain " + resource);
        }
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String s = line.strip();
                if (!s.isEmpty() && !s.startsWith("#")) {
                    out.add(s);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The spoken lines of one scenario file: every text value of three words or more that is not a code. */
    static List<String> scenarioText(String resource) {
        try (InputStream in = DispatchCorpus.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the speech jar does not contain " + resource);
            }
            List<String> out = new ArrayList<>();
            collect(YAML.readTree(in), out);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(resource + ": " + e.getMessage(), e);
        }
    }

    private static void collect(JsonNode node, List<String> out) {
        if (node.isTextual()) {
            String text = node.asText();
            if (!CODE.matcher(text).matches() && text.strip().split("\\s+").length >= 3) {
                out.addAll(split(text));
            }
        } else {
            node.forEach(child -> collect(child, out));
        }
    }

    static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        for (String part : BREAKS.split(text)) {
            if (!DomainLanguageModel.tokens(part).isEmpty()) {
                out.add(part.strip());
            }
        }
        return out;
    }
}
