package dev.switchboard.speech.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the Vosk model bundled in this jar ({@code /vosk/model-en-us/}, listed in
 * {@code /vosk/model-en-us.files}) on disk once, because Vosk reads its model from a folder. The copy is
 * made in a temporary sibling folder and renamed into place with a marker file, so a copy cut short by a
 * crash is never used and is redone.
 *
 * <p>One decoder option is added to the model's {@code conf/model.conf}: the network runs on 90 ms of audio
 * at a time instead of 200 ms, which brings the first partial result about 90 ms sooner (measured on
 * synthesised dispatch lines: 330 to 238 ms after the first word, in audio time) for a few per cent more
 * CPU. The marker records the options, so a copy made with other options is redone.
 *
 * <p>An {@link Adaptation} other than {@link Adaptation#NONE} gets its own folder ({@code model-en-us-0.3.45-NAME}):
 * its lattice beam goes into the configuration too, and the language model {@code graph/Gr.fst} gets the
 * dispatch words' first-pass boost ({@link UnigramBoost}). When the boost cannot be applied (a model whose
 * language model is laid out differently), the copy keeps the model's own language model and says so in the log.
 */
public final class VoskModelCache {

    private static final Logger LOG = LoggerFactory.getLogger(VoskModelCache.class);

    /** Version of the bundled model (the {@code com.alphacephei:vosk-model-en} artifact). */
    public static final String MODEL_VERSION = "0.3.45";
    /** Folder name of the extracted model under the cache dir's {@code vosk/} folder. */
    public static final String FOLDER = "model-en-us-" + MODEL_VERSION;
    /** Written last: a folder without it is incomplete. */
    public static final String MARKER = ".complete";
    /** Decoder options appended to the model's configuration. */
    public static final String DECODER_OPTIONS = "--frames-per-chunk=9";

    private static final String RESOURCE_ROOT = "/vosk/model-en-us/";
    private static final String FILE_LIST = "/vosk/model-en-us.files";

    private VoskModelCache() {
    }

    /** The plain model folder under {@code cacheDir}, extracting it first when missing or incomplete. */
    public static Path ensureExtracted(Path cacheDir) throws IOException {
        return ensureExtracted(cacheDir, Adaptation.NONE);
    }

    /** The model folder for {@code adaptation} under {@code cacheDir}, extracting it first when needed. */
    public static Path ensureExtracted(Path cacheDir, Adaptation adaptation) throws IOException {
        Path target = cacheDir.resolve("vosk").resolve(folder(adaptation));
        if (complete(target, adaptation)) {
            return target;
        }
        Files.createDirectories(target.getParent());
        Path partial = Files.createTempDirectory(target.getParent(), FOLDER + ".partial-");
        try {
            for (String name : fileList()) {
                Path out = partial.resolve(name).normalize();
                if (!out.startsWith(partial)) {
                    throw new IOException("bad model file name in " + FILE_LIST + ": " + name);
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = resource(RESOURCE_ROOT + name)) {
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Path conf = partial.resolve("conf/model.conf");
            Files.writeString(conf, Files.readString(conf).stripTrailing() + "\n" + decoderOptions(adaptation));
            if (adaptation.boosts()) {
                boost(partial.resolve("graph/Gr.fst"), adaptation);
            }
            Files.writeString(partial.resolve(MARKER), markerText(adaptation));
            if (Files.exists(target)) {
                deleteTree(target);
            }
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target);
            } catch (FileAlreadyExistsException e) {
                // another process finished first; its copy is as good as ours
                if (!complete(target, adaptation)) {
                    throw e;
                }
            }
        } finally {
            if (Files.exists(partial)) {
                deleteTree(partial);
            }
        }
        return target;
    }

    /** Folder name of the extracted model for {@code adaptation}. */
    public static String folder(Adaptation adaptation) {
        return adaptation.equals(Adaptation.NONE) ? FOLDER : FOLDER + "-" + adaptation.name();
    }

    private static String decoderOptions(Adaptation adaptation) {
        String options = DECODER_OPTIONS + "\n";
        if (adaptation.latticeBeam() != Adaptation.NONE.latticeBeam()) {
            options += String.format(Locale.ROOT, "--lattice-beam=%.1f%n", adaptation.latticeBeam());
        }
        if (adaptation.beam() > 0) {
            options += String.format(Locale.ROOT, "--beam=%.1f%n", adaptation.beam());
        }
        if (adaptation.maxActive() > 0) {
            options += String.format(Locale.ROOT, "--max-active=%d%n", adaptation.maxActive());
        }
        return options;
    }

    private static void boost(Path grFst, Adaptation adaptation) {
        Map<String, Integer> counts = new HashMap<>();
        for (String sentence : DispatchCorpus.bundled()) {
            for (String w : DomainLanguageModel.tokens(sentence)) {
                counts.merge(w, 1, Integer::sum);
            }
        }
        try {
            int words = UnigramBoost.apply(grFst, counts, adaptation.boostBeta(), adaptation.maxBoost());
            LOG.info("Recognition model: {} dispatch words boosted in the first pass", words);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Recognition model: dispatch words not boosted, the model's own language model is kept ({})",
                    e.getMessage());
        }
    }

    private static boolean complete(Path folder, Adaptation adaptation) throws IOException {
        Path marker = folder.resolve(MARKER);
        return Files.isRegularFile(marker) && Files.readString(marker).equals(markerText(adaptation));
    }

    private static String markerText(Adaptation adaptation) {
        String text = MODEL_VERSION + "\n" + DECODER_OPTIONS + "\n";
        if (!adaptation.equals(Adaptation.NONE)) {
            text += adaptation.modelSignature() + " corpus=" + DispatchCorpus.fingerprint() + "\n";
        }
        return text;
    }

    /** Whether this class path carries the model. */
    public static boolean bundled() {
        return VoskModelCache.class.getResource(FILE_LIST) != null;
    }

    private static List<String> fileList() throws IOException {
        List<String> names = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(resource(FILE_LIST),
                StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank()) {
                    names.add(line.strip().replace('\\', '/'));
                }
            }
        }
        if (names.isEmpty()) {
            throw new IOException(FILE_LIST + " lists no files");
        }
        return names;
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = VoskModelCache.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("the speech jar does not contain " + name);
        }
        return in;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
