package dev.switchboard.speech.engine;

import dev.switchboard.speech.Pcm;
import dev.switchboard.speech.SpeechToText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Accuracy of the recogniser on a sentence set spoken by a synthetic voice: word error rate, recall of the
 * safety keywords a call-taker must never lose, and the real-time factor of recognising it. Used by
 * {@code bench speech} and the held-out accuracy test.
 */
public final class SpeechAccuracy {

    /** Words whose loss changes the response; each must be heard where it was said. */
    public static final List<String> SAFETY_KEYWORDS = List.of("breathing", "bleeding", "knife", "gun", "fire",
            "smoke", "gas", "unconscious", "baby", "trapped");

    /** Silence before and after each sentence, as the microphone's pre-roll and hangover give the recogniser. */
    public static final int PADDING_MS = 300;

    private SpeechAccuracy() {
    }

    /**
     * The figures for one voice.
     *
     * @param voice              the voice's name
     * @param score              word errors over the whole set
     * @param keywordsHeard      safety keyword occurrences found in the recognised text of their sentence
     * @param keywords           safety keyword occurrences said
     * @param audioSeconds       audio recognised
     * @param recognitionSeconds time spent recognising it (whole clips, as fast as possible)
     * @param errors             each sentence with errors: "said -> heard"
     */
    public record Result(String voice, WordErrorRate.Score score, int keywordsHeard, int keywords,
                         double audioSeconds, double recognitionSeconds, List<String> errors) {

        public Result {
            errors = List.copyOf(errors);
        }

        /** Word error rate in per cent. */
        public double werPercent() {
            return score.rate() * 100;
        }

        /** Safety keyword recall in per cent; 100 when none was said. */
        public double keywordRecallPercent() {
            return keywords == 0 ? 100 : 100.0 * keywordsHeard / keywords;
        }

        /** Recognition time over audio time. */
        public double realTimeFactor() {
            return audioSeconds == 0 ? 0 : recognitionSeconds / audioSeconds;
        }

        /** One line: WER, keyword recall, real-time factor. */
        public String summary() {
            return String.format(Locale.ROOT, "%s: WER %.1f %% (%d errors in %d words), safety keywords %.1f %% "
                    + "(%d of %d), RTF %.3f over %.1f s", voice, werPercent(), score.errors(), score.referenceWords(),
                    keywordRecallPercent(), keywordsHeard, keywords, realTimeFactor(), audioSeconds);
        }
    }

    /** Speaks each sentence with {@code voice} and prepares it as the recogniser hears it: 16 kHz, padded. */
    public static List<Pcm> speak(List<String> sentences, Function<String, Pcm> voice) {
        List<Pcm> out = new ArrayList<>(sentences.size());
        Pcm pad = Pcm.silence(PADDING_MS, Pcm.SPEECH_RATE);
        for (String s : sentences) {
            out.add(pad.append(voice.apply(s).resampled(Pcm.SPEECH_RATE)).append(pad));
        }
        return out;
    }

    /** Recognises each clip and scores it against its sentence. */
    public static Result measure(String voice, List<String> sentences, List<Pcm> clips, SpeechToText stt) {
        if (sentences.size() != clips.size()) {
            throw new IllegalArgumentException(sentences.size() + " sentences but " + clips.size() + " clips");
        }
        WordErrorRate.Score total = new WordErrorRate.Score(0, 0);
        int heard = 0;
        int said = 0;
        double audio = 0;
        long nanos = 0;
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < clips.size(); i++) {
            Pcm clip = clips.get(i);
            audio += clip.length() / (double) clip.sampleRate();
            long start = System.nanoTime();
            String text = stt.transcribe(clip).text();
            nanos += System.nanoTime() - start;
            WordErrorRate.Score score = WordErrorRate.score(sentences.get(i), text);
            total = total.plus(score);
            if (score.errors() > 0) {
                errors.add(sentences.get(i) + " -> " + text);
            }
            List<String> ref = WordErrorRate.words(sentences.get(i));
            List<String> hyp = WordErrorRate.words(text);
            for (String k : SAFETY_KEYWORDS) {
                int n = Collections.frequency(ref, k);
                said += n;
                heard += Math.min(n, Collections.frequency(hyp, k));
            }
        }
        return new Result(voice, total, heard, said, audio, nanos / 1e9, errors);
    }
}
