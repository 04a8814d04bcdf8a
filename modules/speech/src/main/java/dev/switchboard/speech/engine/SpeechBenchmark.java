package dev.switchboard.speech.engine;

import dev.switchboard.speech.Pcm;
import dev.switchboard.speech.Prosody;
import dev.switchboard.speech.Recognizer;
import dev.switchboard.speech.RecognizerListener;
import dev.switchboard.speech.Transcription;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * The speech figures for the README, on the real engines with synthesised speech (no microphone needed):
 * TTS load and first-sentence latency, STT real-time factor and accuracy, partial-result latency with
 * audio fed in real time, the turn-around from the trainee's last word to the caller's first audio, and the
 * recogniser's accuracy on the frozen held-out sentences in two voices (MaryTTS, espeak-ng when installed),
 * dispatch-adapted against the plain model.
 */
public final class SpeechBenchmark {

    /** The caller's typical two-sentence reply. */
    public static final String REPLY = "It is the house on the corner, across from the school. Please hurry, he is "
            + "not breathing.";
    private static final int CHUNK_MS = 100;
    private static final int RATE = Pcm.SPEECH_RATE;

    private SpeechBenchmark() {
    }

    /**
     * All figures of one run.
     *
     * @param ttsLoadMs            MaryTTS voice load
     * @param sttLoadMs            Vosk model extraction (first run only) and load
     * @param firstSentenceColdMs  first streamed sentence of {@link #REPLY}, first synthesis after load
     * @param firstSentenceWarmMs  the same, median of later runs
     * @param audioSeconds         synthesised speech fed to the recogniser
     * @param realTimeFactor       recognition time / audio time, fed in 100 ms chunks as fast as possible
     * @param werPercent           word error rate over that speech
     * @param partialLatenciesMs   per line: first non-empty partial after the first word's audio ended
     * @param turnaroundsMs        per trial: trainee's audio ends -> final text -> caller's first sentence audio
     * @param finalTextMs          per trial: the final-text part of the turn-around
     * @param heldOut              per voice: accuracy on the held-out sentences
     * @param loadAverage          the system load average at the start and at the end
     */
    public record Result(long ttsLoadMs, long sttLoadMs, long firstSentenceColdMs, long firstSentenceWarmMs,
                         double audioSeconds, double realTimeFactor, double werPercent,
                         long[] partialLatenciesMs, long[] turnaroundsMs, long[] finalTextMs,
                         List<HeldOut> heldOut, double[] loadAverage) {

        /** Lines for the console, each figure with its target. */
        public String describe() {
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "TTS init (MaryTTS cmu-slt-hsmm load): %d ms%n", ttsLoadMs));
            b.append(String.format(Locale.ROOT, "STT init (Vosk model-en-us, dispatch-adapted; extraction and load): "
                    + "%d ms%n", sttLoadMs));
            b.append(String.format(Locale.ROOT, "TTS first-sentence latency: %d ms cold, %d ms warm (median)%n",
                    firstSentenceColdMs, firstSentenceWarmMs));
            b.append(String.format(Locale.ROOT, "STT real-time factor: %.3f over %.1f s of synthesised speech "
                    + "(target <= 0.25) %s; WER %.1f %% (the %d DispatchPhrases lines, a tuning set)%n", realTimeFactor,
                    audioSeconds, verdict(realTimeFactor <= 0.25), werPercent, DispatchPhrases.LINES.size()));
            b.append(String.format(Locale.ROOT, "STT partial-result latency (real time, 100 ms chunks): median %d "
                    + "ms, max %d ms over %d lines (target <= 500 ms) %s%n", median(partialLatenciesMs),
                    max(partialLatenciesMs), partialLatenciesMs.length, verdict(median(partialLatenciesMs) <= 500)));
            b.append(String.format(Locale.ROOT, "Trainee stops speaking -> caller's first audio: median %d ms, "
                    + "max %d ms over %d trials (final text median %d ms; target <= 1200 ms) %s", median(turnaroundsMs),
                    max(turnaroundsMs), turnaroundsMs.length, median(finalTextMs),
                    verdict(median(turnaroundsMs) <= 1200)));
            for (HeldOut h : heldOut) {
                b.append(System.lineSeparator()).append(h.describe());
            }
            b.append(String.format(Locale.ROOT, "%nLoad average: %.2f at the start, %.2f at the end", loadAverage[0],
                    loadAverage[1]));
            return b.toString();
        }
    }

    /**
     * Accuracy of one voice on the held-out sentences.
     *
     * @param voice      the voice
     * @param unavailable why the voice was not measured, or null
     * @param adapted    the recogniser as the console uses it; the first of the runs
     * @param plain      the plain model, for comparison; null when the voice was not measured
     * @param rtfs       the adapted recogniser's real-time factor in each run
     */
    public record HeldOut(String voice, String unavailable, SpeechAccuracy.Result adapted,
                          SpeechAccuracy.Result plain, double[] rtfs) {

        /** Lines for the console, with the targets. */
        public String describe() {
            if (unavailable != null) {
                return "Held-out sentences, " + voice + ": not measured (" + unavailable + ")";
            }
            double[] r = rtfs.clone();
            Arrays.sort(r);
            return String.format(Locale.ROOT, "Held-out sentences (%d words, frozen, never tuned on), %s: WER %.1f %% "
                    + "(target <= 10 %%) %s, safety keywords %.1f %% (%d of %d; target >= 95 %%) %s; plain model: WER "
                    + "%.1f %%, keywords %.1f %%%n  RTF over %.1f s, %d runs: min %.3f, median %.3f, max %.3f "
                    + "(target <= 0.25) %s; plain model %.3f in the same run", adapted.score().referenceWords(), voice,
                    adapted.werPercent(), verdict(adapted.werPercent() <= 10), adapted.keywordRecallPercent(),
                    adapted.keywordsHeard(), adapted.keywords(), verdict(adapted.keywordRecallPercent() >= 95),
                    plain.werPercent(), plain.keywordRecallPercent(), adapted.audioSeconds(), r.length, r[0],
                    r[r.length / 2], r[r.length - 1], verdict(r[r.length / 2] <= 0.25), plain.realTimeFactor());
        }
    }

    /** {@link #run(Path, int)} with three held-out runs. */
    public static Result run(Path cacheDir) {
        return run(cacheDir, 3);
    }

    /**
     * Runs every measurement; {@code cacheDir} receives the extracted models. Takes a few minutes.
     *
     * @param runs how many times the held-out sentences are recognised per voice, for the real-time factor
     */
    public static Result run(Path cacheDir, int runs) {
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        MaryTextToSpeech tts = new MaryTextToSpeech();
        long t0 = System.nanoTime();
        tts.load();
        long ttsLoad = ms(System.nanoTime() - t0);

        try (VoskSpeechToText stt = new VoskSpeechToText(cacheDir)) {
            t0 = System.nanoTime();
            stt.warmUp();
            long sttLoad = ms(System.nanoTime() - t0);

            long cold = firstSentenceMs(tts, REPLY);
            long[] warm = new long[5];
            for (int i = 0; i < warm.length; i++) {
                warm[i] = firstSentenceMs(tts, REPLY);
            }

            List<Pcm> lines = new ArrayList<>();
            List<Pcm> corpus = new ArrayList<>();
            for (String line : DispatchPhrases.LINES) {
                Pcm spoken = tts.synthesize(line, Prosody.NEUTRAL).resampled(RATE);
                lines.add(spoken);
                corpus.add(spoken);
                corpus.add(Pcm.silence(300, RATE));
            }
            Pcm all = Pcm.concat(corpus);
            t0 = System.nanoTime();
            Transcription heard;
            try (Recognizer r = stt.open(RATE, RecognizerListener.none())) {
                feed(r, all, 0);
                heard = r.finish();
            }
            double rtf = (System.nanoTime() - t0) / 1e9 / (all.length() / (double) RATE);
            double wer = WordErrorRate.score(String.join(" ", DispatchPhrases.LINES), heard.text()).rate() * 100;

            long[] partials = new long[6];
            for (int i = 0; i < partials.length; i++) {
                Pcm line = Pcm.silence(500, RATE).append(lines.get(i));
                partials[i] = partialLatencyMs(stt, line);
            }

            long[] turnarounds = new long[4];
            long[] finals = new long[turnarounds.length];
            for (int i = 0; i < turnarounds.length; i++) {
                Pcm trainee = Pcm.silence(300, RATE).append(lines.get(i + 1));
                long[] t = turnaroundMs(stt, tts, trainee);
                finals[i] = t[0];
                turnarounds[i] = t[1];
            }
            List<HeldOut> heldOut = new ArrayList<>();
            List<String> sentences = DispatchCorpus.lines(DispatchCorpus.HELD_OUT);
            try (VoskSpeechToText plain = new VoskSpeechToText(cacheDir, Adaptation.NONE)) {
                heldOut.add(heldOut("MaryTTS cmu-slt-hsmm", null, sentences,
                        () -> SpeechAccuracy.speak(sentences, s -> tts.synthesize(s, Prosody.NEUTRAL)), stt, plain,
                        runs));
                heldOut.add(heldOut("espeak-ng en-us", EspeakVoice.available() ? null
                                : "espeak-ng is not installed: apt-get install " + EspeakVoice.PACKAGE, sentences,
                        () -> SpeechAccuracy.speak(sentences, EspeakVoice::synthesize), stt, plain, runs));
            }
            double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return new Result(ttsLoad, sttLoad, cold, median(warm), all.length() / (double) RATE, rtf, wer,
                    partials, turnarounds, finals, heldOut, new double[] {loadBefore, loadAfter});
        }
    }

    private static HeldOut heldOut(String voice, String unavailable, List<String> sentences,
                                   Supplier<List<Pcm>> speak, VoskSpeechToText adapted, VoskSpeechToText plain,
                                   int runs) {
        if (unavailable != null) {
            return new HeldOut(voice, unavailable, null, null, new double[0]);
        }
        List<Pcm> clips = speak.get();
        SpeechAccuracy.Result first = null;
        double[] rtfs = new double[Math.max(1, runs)];
        for (int i = 0; i < rtfs.length; i++) {
            SpeechAccuracy.Result r = SpeechAccuracy.measure(voice, sentences, clips, adapted);
            rtfs[i] = r.realTimeFactor();
            first = first == null ? r : first;
        }
        return new HeldOut(voice, null, first, SpeechAccuracy.measure(voice, sentences, clips, plain), rtfs);
    }

    private static long firstSentenceMs(MaryTextToSpeech tts, String text) {
        long start = System.nanoTime();
        AtomicLong first = new AtomicLong();
        tts.stream(text, Prosody.forPanic(0.6), pcm -> first.compareAndSet(0, System.nanoTime()));
        return ms(first.get() - start);
    }

    /** Feeds real time: each 100 ms chunk is handed over when its last sample would have been spoken. */
    private static long partialLatencyMs(VoskSpeechToText stt, Pcm line) {
        long firstWordEndMs = stt.transcribe(line).words().stream().findFirst().map(w -> w.endMs()).orElse(0L);
        AtomicLong firstPartial = new AtomicLong();
        long start = System.nanoTime();
        try (Recognizer r = stt.open(RATE, new RecognizerListener() {
            @Override
            public void partial(String text) {
                firstPartial.compareAndSet(0, System.nanoTime());
            }

            @Override
            public void result(Transcription segment) {
                firstPartial.compareAndSet(0, System.nanoTime());
            }
        })) {
            feed(r, line, start);
            r.finish();
        }
        long partialAt = firstPartial.get() == 0 ? System.nanoTime() : firstPartial.get();
        return ms(partialAt - start) - firstWordEndMs;
    }

    /** {final text ms, first caller audio ms}, both from the end of the trainee's audio. */
    private static long[] turnaroundMs(VoskSpeechToText stt, MaryTextToSpeech tts, Pcm trainee) {
        long start = System.nanoTime();
        long end = start + trainee.length() * 1_000_000_000L / RATE;
        try (Recognizer r = stt.open(RATE, RecognizerListener.none())) {
            feed(r, trainee, start);
            r.finish();
        }
        long finalAt = System.nanoTime();
        AtomicLong first = new AtomicLong();
        // The reply itself would come from the caller simulation; that step is not part of the speech figure.
        tts.stream(REPLY, Prosody.forPanic(0.6), pcm -> first.compareAndSet(0, System.nanoTime()));
        return new long[] {ms(finalAt - end), ms(first.get() - end)};
    }

    /** Feeds 100 ms chunks; paced to real time from {@code startNanos} unless it is 0. */
    private static void feed(Recognizer r, Pcm pcm, long startNanos) {
        int chunk = RATE * CHUNK_MS / 1000;
        short[] s = pcm.samples();
        short[] buf = new short[chunk];
        for (int at = 0; at < s.length; at += chunk) {
            int n = Math.min(chunk, s.length - at);
            System.arraycopy(s, at, buf, 0, n);
            if (startNanos != 0) {
                long due = startNanos + (at + n) * 1_000_000_000L / RATE;
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
            }
            r.accept(buf, n);
        }
    }

    private static String verdict(boolean met) {
        return met ? "MET" : "NOT MET";
    }

    private static long ms(long nanos) {
        return Math.round(nanos / 1e6);
    }

    static long median(long[] values) {
        long[] v = values.clone();
        Arrays.sort(v);
        return v.length == 0 ? 0 : v[v.length / 2];
    }

    static long max(long[] values) {
        return Arrays.stream(values).max().orElse(0);
    }
}
