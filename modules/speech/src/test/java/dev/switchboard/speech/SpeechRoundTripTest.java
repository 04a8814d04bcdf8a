package dev.switchboard.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.switchboard.speech.engine.Adaptation;
import dev.switchboard.speech.engine.DispatchPhrases;
import dev.switchboard.speech.engine.MaryTextToSpeech;
import dev.switchboard.speech.engine.VoskModelCache;
import dev.switchboard.speech.engine.VoskSpeechToText;
import dev.switchboard.speech.engine.WordErrorRate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real engines end to end: MaryTTS speaks, the audio is resampled to 16 kHz, Vosk listens. */
class SpeechRoundTripTest {

    @TempDir
    static Path cache;

    static Speech speech;

    @BeforeAll
    static void load() {
        speech = Speech.offline(cache);
    }

    @AfterAll
    static void free() {
        speech.close();
    }

    @Test
    void dispatchSentencesSurviveTheRoundTrip() {
        WordErrorRate.Score total = new WordErrorRate.Score(0, 0);
        for (String line : DispatchPhrases.LINES) {
            Pcm spoken = speech.tts().synthesize(line, Prosody.NEUTRAL);
            assertThat(spoken.sampleRate()).isEqualTo(48_000);
            Transcription heard = speech.stt().transcribe(Resampler.resample(spoken, 16_000));
            WordErrorRate.Score score = WordErrorRate.score(line, heard.text());
            System.out.printf(Locale.ROOT, "%-55s -> %s (%d errors)%n", line, heard.text(), score.errors());
            total = total.plus(score);
        }
        System.out.printf(Locale.ROOT, "round trip WER: %.1f %% (%d errors in %d words, %d sentences)%n",
                total.rate() * 100, total.errors(), total.referenceWords(), DispatchPhrases.LINES.size());
        assertThat(DispatchPhrases.LINES).hasSizeGreaterThanOrEqualTo(20);
        assertThat(total.rate()).isLessThanOrEqualTo(0.15);
        assertThat(speech.status()).isEqualTo("speech: ready");
    }

    @Test
    void aBackgroundWarmUpSaysWhenItHasEndedAndSpeechIsThenReady() throws Exception {
        try (Speech warming = Speech.offline(cache)) {
            CompletableFuture<Void> ended = warming.warmUpEnded().toCompletableFuture();
            assertThat(ended).isNotDone();
            warming.warmUpInBackground();
            ended.get(5, TimeUnit.MINUTES);
            assertThat(warming.status()).isEqualTo("speech: ready");
        }
    }

    @Test
    void wordTimingsLieInsideTheAudioInOrder() {
        Pcm spoken = Resampler.resample(speech.tts().synthesize("Stay on the line with me.", Prosody.NEUTRAL),
                16_000);
        Pcm padded = Pcm.silence(1000, 16_000).append(spoken);
        Transcription heard = speech.stt().transcribe(padded);
        assertThat(heard.words()).isNotEmpty();
        WordTiming first = heard.words().get(0);
        assertThat(first.startMs()).isBetween(900L, 1400L);
        long previousEnd = 0;
        for (WordTiming w : heard.words()) {
            assertThat(w.startMs()).isGreaterThanOrEqualTo(previousEnd - 1);
            assertThat(w.endMs()).isGreaterThan(w.startMs()).isLessThanOrEqualTo(padded.durationMs());
            assertThat(w.confidence()).isBetween(0.0, 1.0);
            previousEnd = w.endMs();
        }
    }

    @Test
    void liveRecognizerReportsPartialsAndRestartsTimingsAfterFinish() {
        Pcm line = Resampler.resample(speech.tts().synthesize("Is the person breathing?", Prosody.NEUTRAL),
                16_000);
        List<String> partials = new CopyOnWriteArrayList<>();
        List<Transcription> results = new ArrayList<>();
        try (Recognizer r = speech.stt().open(16_000, new RecognizerListener() {
            @Override
            public void partial(String text) {
                partials.add(text);
            }

            @Override
            public void result(Transcription segment) {
                results.add(segment);
            }
        })) {
            Transcription one = feed(r, line);
            Transcription two = feed(r, line);
            assertThat(one.text()).contains("breathing");
            assertThat(two.text()).isEqualTo(one.text());
            // Counted from the second utterance's own start; Vosk works in 30 ms frames, so allow one frame.
            assertThat(two.words().get(0).startMs()).isCloseTo(one.words().get(0).startMs(), within(40L));
        }
        assertThat(partials).isNotEmpty().allSatisfy(p -> assertThat(p).isNotBlank());
        assertThat(partials.get(partials.size() - 1)).contains("breathing");
        assertThat(results).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void streamingHandsOverOneClipPerSentence() {
        List<Pcm> clips = new ArrayList<>();
        speech.tts().stream("Stay calm. Help is on the way! Can you hear me?", Prosody.NEUTRAL, clips::add);
        assertThat(clips).hasSize(3).allSatisfy(c -> assertThat(c.durationMs()).isBetween(300L, 4000L));
    }

    @Test
    void panicSpeaksFasterAndHigher() {
        String line = "Please hurry, my husband is not breathing.";
        Pcm calm = speech.tts().synthesize(line, Prosody.NEUTRAL);
        Pcm panic = speech.tts().synthesize(line, Prosody.forPanic(1.0));
        assertThat(panic.durationMs()).isLessThan(calm.durationMs() * 85 / 100);
        assertThat(medianPitch(panic)).isGreaterThan(medianPitch(calm) * 1.15);
        assertThat(MaryTextToSpeech.effects(Prosody.NEUTRAL)).isEmpty();
        assertThat(speech.stt().transcribe(panic).text()).contains("breathing");
    }

    @Test
    void sentenceOfSilenceIsNothing() {
        assertThat(speech.stt().transcribe(Pcm.silence(1500, 16_000)).isEmpty()).isTrue();
        assertThat(speech.tts().synthesize("   ", Prosody.NEUTRAL).length()).isZero();
        assertThat(speech.stt()).isInstanceOf(VoskSpeechToText.class);
        // The recogniser every caller of Speech gets (call console, speech transcribe, call simulate) is the
        // dispatch-adapted one, unpacked into its own folder.
        assertThat(((VoskSpeechToText) speech.stt()).adaptation()).isEqualTo(Adaptation.DISPATCH);
        assertThat(cache.resolve("vosk").resolve(VoskModelCache.folder(Adaptation.DISPATCH))
                .resolve(VoskModelCache.MARKER)).exists();
    }

    private static Transcription feed(Recognizer r, Pcm pcm) {
        short[] s = pcm.samples();
        for (int at = 0; at < s.length; at += 1600) {
            short[] chunk = pcm.sliceSamples(at, at + 1600).samples();
            r.accept(chunk, chunk.length);
        }
        return r.finish();
    }

    private static double medianPitch(Pcm pcm) {
        VoiceMeter meter = VoiceMeter.create(pcm.sampleRate());
        int chunk = pcm.sampleRate() / 50;
        List<Double> pitches = new ArrayList<>();
        for (int at = 0; at + chunk <= pcm.length(); at += chunk) {
            VoiceLevel level = meter.measure(pcm.sliceSamples(at, at + chunk).samples(), chunk);
            if (level.voiced()) {
                pitches.add(level.pitchHz());
            }
        }
        pitches.sort(Double::compare);
        return pitches.get(pitches.size() / 2);
    }
}
