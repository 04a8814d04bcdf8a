package dev.switchboard.speech.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.speech.Pcm;
import dev.switchboard.speech.Prosody;
import dev.switchboard.speech.WordTiming;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;
import org.vosk.Recognizer;

/**
 * The quick tuning loop for the recogniser's adaptation, on the tuning sentences only (never the held-out set):
 * each voice's clips are decoded once per decoder setting, keeping every segment's n-best list, and the second
 * pass is then swept over language-model weights and word bonuses without decoding again. Prints, per voice, the
 * plain model's WER, each setting's n-best oracle WER, the WER and keyword misses of each weight pair, and the
 * decoding time as a ratio to the plain model's in the same run. Times are the decoding thread's CPU time, not
 * wall time: on a shared machine wall-clock real-time factors are inflated by other people's builds, and even CPU
 * time moves a little with their cache use, so the ratio is what compares settings.
 *
 * <p>Runs only when asked, a minute or two a setting:
 * {@code mvn -B -q -o -pl modules/speech -am test -Dcheckstyle.skip -Dtest=SpeechTuningRun
 * -Dsurefire.failIfNoSpecifiedTests=false -Dspeech.tune=true}; optional
 * {@code -Dspeech.tune.decoders=6/0/0/30;4/0/0/15}
 * (lattice beam / beam / max-active / n-best length, 0 for the model's own; optionally / first-pass boost beta /
 * largest boost in nats, else the shipped ones; optionally / the decoder's acoustic scale, else the model's 1.0),
 * {@code -Dspeech.tune.weights=0.2,0.3}, {@code -Dspeech.tune.bonuses=0,0.5}, {@code -Dspeech.tune.voices=espeak},
 * {@code -Dspeech.tune.plain=false} (no plain decode, so no timing ratio), {@code -Dspeech.tune.errors=0.3,0} (the
 * misheard sentences at that pair), {@code -Dspeech.tune.dump=FILE} (every clip's n-best lists with their scores and
 * timings as JSON, one file per voice and decoder, FILE-voice-decoder.json, so selection rules can be tried on them
 * in seconds without decoding); {@code -Dspeech.tune.corpus=FILE} alone writes the domain model's sentences, one a
 * line, and decodes nothing.
 */
@EnabledIfSystemProperty(named = "speech.tune", matches = "true")
class SpeechTuningRun {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CHUNK = 1600;
    /** Decoding runs on the calling thread, so its CPU time is the cost, whatever else the machine runs. */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @TempDir
    Path cache;

    /** One decoded clip: its segments, each an n-best list (one entry for the plain model), and decoding time. */
    private record Decoded(List<List<NBestRescorer.Alternative>> segments, long nanos) {
    }

    @Test
    @DisabledIfSystemProperty(named = "speech.tune.corpus", matches = ".+")
    void sweep() throws IOException {
        LibVosk.setLogLevel(LogLevel.WARNINGS);
        List<String> sentences = DispatchCorpus.lines(DispatchCorpus.TUNING);
        Map<String, List<Pcm>> voices = voices(sentences);
        double[] weights = numbers(System.getProperty("speech.tune.weights", "0,0.1,0.2,0.3,0.4,0.5,0.7,1.0"));
        double[] bonuses = numbers(System.getProperty("speech.tune.bonuses", "-1,0,0.5,1,1.5,2,3"));
        DomainLanguageModel lm = DomainLanguageModel.train(DispatchCorpus.bundled(),
                VoskSpeechToText.MODEL_VOCABULARY);
        List<Adaptation> decoders = new ArrayList<>();
        Map<String, String> acousticScales = new java.util.HashMap<>();
        for (String d : System.getProperty("speech.tune.decoders", "6/0/0/30").split(";")) {
            double[] p = numbers(d.replace('/', ','));
            Adaptation a = Adaptation.DISPATCH;
            double beta = p.length > 4 ? p[4] : a.boostBeta();
            double maxBoost = p.length > 5 ? p[5] : a.maxBoost();
            String name = "tune-" + d.replace('/', '-').replace('.', '_');
            decoders.add(new Adaptation(name, beta, maxBoost, p[0], p[1], (int) p[2], (int) p[3], a.lmWeight(),
                    a.wordBonus()));
            if (p.length > 6) {
                acousticScales.put(name, String.valueOf(p[6]));
            }
        }
        System.out.printf(Locale.ROOT, "corpus: %d sentences, %d words known; tuning: %d sentences%n",
                DispatchCorpus.bundled().size(), lm.corpusVocabulary(), sentences.size());
        Map<String, List<Decoded>> plain = new LinkedHashMap<>();
        if (Boolean.parseBoolean(System.getProperty("speech.tune.plain", "true"))) {
            try (Model plainModel = new Model(VoskModelCache.ensureExtracted(cache, Adaptation.NONE).toString())) {
                for (Map.Entry<String, List<Pcm>> voice : voices.entrySet()) {
                    plain.put(voice.getKey(), decode(plainModel, voice.getValue(), 0));
                }
            }
        }
        for (Adaptation decoder : decoders) {
            Path folder = VoskModelCache.ensureExtracted(cache, decoder);
            String scale = acousticScales.get(decoder.name());
            if (scale != null) {
                Path conf = folder.resolve("conf/model.conf");
                java.nio.file.Files.writeString(conf, java.nio.file.Files.readString(conf).stripTrailing()
                        + "\n--acoustic-scale=" + scale + "\n");
            }
            try (Model model = new Model(folder.toString())) {
                for (Map.Entry<String, List<Pcm>> voice : voices.entrySet()) {
                    List<Decoded> adapted = decode(model, voice.getValue(), decoder.alternatives());
                    dump(voice.getKey(), decoder, sentences, adapted);
                    report(voice.getKey(), decoder, sentences, voice.getValue(), plain.get(voice.getKey()), adapted,
                            lm, weights, bonuses);
                    errors(sentences, adapted, lm);
                }
            }
        }
    }

    /** With {@code -Dspeech.tune.corpus=FILE} only: writes the domain model's sentences, one a line, and stops. */
    @Test
    @EnabledIfSystemProperty(named = "speech.tune.corpus", matches = ".+")
    void writeCorpus() throws IOException {
        java.nio.file.Files.write(Path.of(System.getProperty("speech.tune.corpus")), DispatchCorpus.bundled());
    }

    private static void report(String voice, Adaptation decoder, List<String> sentences, List<Pcm> clips,
                               List<Decoded> plain, List<Decoded> adapted, DomainLanguageModel lm, double[] weights,
                               double[] bonuses) {
        double audio = clips.stream().mapToDouble(c -> c.length() / (double) c.sampleRate()).sum();
        double adaptedRtf = adapted.stream().mapToLong(Decoded::nanos).sum() / 1e9 / audio;
        System.out.printf(Locale.ROOT, "%n== %s, %s (lattice beam %.1f, beam %.1f, max-active %d, %d-best)%n", voice,
                decoder.name(), decoder.latticeBeam(), decoder.beam(), decoder.maxActive(), decoder.alternatives());
        if (plain != null) {
            double plainRtf = plain.stream().mapToLong(Decoded::nanos).sum() / 1e9 / audio;
            System.out.printf(Locale.ROOT, "CPU RTF plain %.3f, adapted %.3f, ratio %.2f; plain WER %s%n", plainRtf,
                    adaptedRtf, adaptedRtf / plainRtf, score(sentences, choose(plain, null, 0, 0)));
        }
        System.out.printf(Locale.ROOT, "adapted CPU RTF %.3f; n-best oracle WER %.1f %%%n", adaptedRtf,
                oracle(sentences, adapted));
        StringBuilder head = new StringBuilder("weight\\bonus");
        for (double b : bonuses) {
            head.append(String.format(Locale.ROOT, "%12.1f", b));
        }
        System.out.println(head);
        for (double w : weights) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%12.2f", w));
            for (double b : bonuses) {
                row.append(String.format(Locale.ROOT, "%12s", score(sentences, choose(adapted, lm, w, b))));
            }
            System.out.println(row);
        }
    }

    /** With {@code -Dspeech.tune.dump=FILE}: the n-best lists of each clip, for {@code NBestSelectionRun}. */
    private static void dump(String voice, Adaptation decoder, List<String> sentences, List<Decoded> adapted)
            throws IOException {
        String file = System.getProperty("speech.tune.dump", "");
        if (file.isBlank()) {
            return;
        }
        List<Map<String, Object>> clips = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            List<List<Map<String, Object>>> segments = new ArrayList<>();
            for (List<NBestRescorer.Alternative> segment : adapted.get(i).segments()) {
                List<Map<String, Object>> alts = new ArrayList<>();
                for (NBestRescorer.Alternative a : segment) {
                    List<List<Object>> words = new ArrayList<>();
                    for (WordTiming w : a.words()) {
                        words.add(List.of(w.word(), w.startMs(), w.endMs()));
                    }
                    alts.add(Map.of("score", a.score(), "words", words));
                }
                segments.add(alts);
            }
            clips.add(Map.of("sentence", sentences.get(i), "nanos", adapted.get(i).nanos(), "segments", segments));
        }
        Path out = Path.of(file + "-" + voice + "-" + decoder.name() + ".json");
        JSON.writeValue(out.toFile(), clips);
        System.out.println("n-best lists written to " + out);
    }

    /** With {@code -Dspeech.tune.errors=W,B}: each tuning sentence misheard at weight W and bonus B. */
    private static void errors(List<String> sentences, List<Decoded> adapted, DomainLanguageModel lm) {
        String pair = System.getProperty("speech.tune.errors", "");
        if (pair.isBlank()) {
            return;
        }
        double[] wb = numbers(pair);
        List<String> heard = choose(adapted, lm, wb[0], wb[1]);
        for (int i = 0; i < sentences.size(); i++) {
            if (WordErrorRate.score(sentences.get(i), heard.get(i)).errors() > 0) {
                System.out.println("  " + sentences.get(i) + " -> " + heard.get(i));
            }
        }
    }

    /** The heard text of each clip with the second pass at weight {@code w} and bonus {@code b}. */
    private static List<String> choose(List<Decoded> decoded, DomainLanguageModel lm, double w, double b) {
        List<String> out = new ArrayList<>();
        for (Decoded d : decoded) {
            List<String> parts = new ArrayList<>();
            for (List<NBestRescorer.Alternative> segment : d.segments()) {
                String text = lm == null ? segment.get(0).text()
                        : new NBestRescorer(lm, w, b).best(segment).text();
                if (!text.isEmpty()) {
                    parts.add(text);
                }
            }
            out.add(String.join(" ", parts));
        }
        return out;
    }

    /** "WER/missed keywords", e.g. "12.3/1". */
    private static String score(List<String> sentences, List<String> heard) {
        WordErrorRate.Score total = new WordErrorRate.Score(0, 0);
        int missed = 0;
        for (int i = 0; i < sentences.size(); i++) {
            total = total.plus(WordErrorRate.score(sentences.get(i), heard.get(i)));
            List<String> ref = WordErrorRate.words(sentences.get(i));
            List<String> hyp = WordErrorRate.words(heard.get(i));
            for (String k : SpeechAccuracy.SAFETY_KEYWORDS) {
                int n = Collections.frequency(ref, k);
                missed += n - Math.min(n, Collections.frequency(hyp, k));
            }
        }
        return String.format(Locale.ROOT, "%.1f/%d", total.rate() * 100, missed);
    }

    /** WER if the second pass always picked the best alternative of single-segment clips. */
    private static double oracle(List<String> sentences, List<Decoded> decoded) {
        WordErrorRate.Score total = new WordErrorRate.Score(0, 0);
        for (int i = 0; i < sentences.size(); i++) {
            List<List<NBestRescorer.Alternative>> segs = decoded.get(i).segments();
            WordErrorRate.Score best = null;
            if (segs.size() == 1) {
                for (NBestRescorer.Alternative a : segs.get(0)) {
                    WordErrorRate.Score s = WordErrorRate.score(sentences.get(i), a.text());
                    best = best == null || s.errors() < best.errors() ? s : best;
                }
            } else {
                best = WordErrorRate.score(sentences.get(i), choose(List.of(decoded.get(i)), null, 0, 0).get(0));
            }
            total = total.plus(best);
        }
        return total.rate() * 100;
    }

    private static List<Decoded> decode(Model model, List<Pcm> clips, int alternatives) throws IOException {
        List<Decoded> out = new ArrayList<>();
        for (Pcm clip : clips) {
            long start = THREADS.getCurrentThreadCpuTime();
            List<String> results = new ArrayList<>();
            try (Recognizer r = new Recognizer(model, Pcm.SPEECH_RATE)) {
                r.setWords(true);
                if (alternatives > 0) {
                    r.setMaxAlternatives(alternatives);
                }
                short[] s = clip.samples();
                short[] chunk = new short[CHUNK];
                for (int at = 0; at < s.length; at += CHUNK) {
                    int n = Math.min(CHUNK, s.length - at);
                    System.arraycopy(s, at, chunk, 0, n);
                    if (r.acceptWaveForm(chunk, n)) {
                        results.add(r.getResult());
                    }
                }
                results.add(r.getFinalResult());
            }
            long nanos = THREADS.getCurrentThreadCpuTime() - start;
            List<List<NBestRescorer.Alternative>> segments = new ArrayList<>();
            for (String json : results) {
                List<NBestRescorer.Alternative> segment = alternatives(JSON.readTree(json));
                if (!segment.isEmpty()) {
                    segments.add(segment);
                }
            }
            out.add(new Decoded(segments, nanos));
        }
        return out;
    }

    private static List<NBestRescorer.Alternative> alternatives(JsonNode root) {
        List<NBestRescorer.Alternative> out = new ArrayList<>();
        if (root.has("alternatives")) {
            for (JsonNode a : root.path("alternatives")) {
                List<WordTiming> words = words(a.path("result"));
                if (!words.isEmpty()) {
                    out.add(new NBestRescorer.Alternative(words, a.path("confidence").asDouble()));
                }
            }
        } else {
            List<WordTiming> words = words(root.path("result"));
            if (!words.isEmpty()) {
                out.add(new NBestRescorer.Alternative(words, 0));
            }
        }
        return out;
    }

    private static List<WordTiming> words(JsonNode result) {
        List<WordTiming> words = new ArrayList<>();
        for (JsonNode w : result) {
            words.add(new WordTiming(w.path("word").asText(), Math.round(w.path("start").asDouble() * 1000),
                    Math.round(w.path("end").asDouble() * 1000), 1.0));
        }
        return words;
    }

    private static Map<String, List<Pcm>> voices(List<String> sentences) {
        String wanted = System.getProperty("speech.tune.voices", "mary,espeak");
        Map<String, List<Pcm>> out = new LinkedHashMap<>();
        if (wanted.contains("mary")) {
            MaryTextToSpeech mary = new MaryTextToSpeech();
            out.put("MaryTTS", SpeechAccuracy.speak(sentences, s -> mary.synthesize(s, Prosody.NEUTRAL)));
        }
        if (wanted.contains("espeak") && EspeakVoice.available()) {
            out.put("espeak-ng", SpeechAccuracy.speak(sentences, EspeakVoice::synthesize));
        }
        return out;
    }

    private static double[] numbers(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .mapToDouble(Double::parseDouble).toArray();
    }
}
