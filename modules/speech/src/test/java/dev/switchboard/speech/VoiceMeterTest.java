package dev.switchboard.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VoiceMeterTest {

    @ParameterizedTest
    @CsvSource({"16000,120", "16000,220", "48000,180", "16000,400"})
    void findsTheToneOfASine(int rate, double hz) {
        VoiceMeter meter = VoiceMeter.create(rate);
        List<VoiceLevel> levels = measureInChunks(meter, Tones.sine(hz, 500, rate, 0.5), 20);
        VoiceLevel last = levels.get(levels.size() - 1);
        assertThat(last.pitchHz()).isCloseTo(hz, within(hz * 0.01));
        // A sine's RMS is 3 dB below its peak: 0.5 of full scale peaks at -6 dBFS.
        assertThat(last.levelDb()).isCloseTo(-9.03, within(0.2));
    }

    @Test
    void silenceHasNoPitchAndTheSilenceLevel() {
        VoiceLevel level = VoiceMeter.create(16_000).measure(new short[1600], 1600);
        assertThat(level.voiced()).isFalse();
        assertThat(level.levelDb()).isEqualTo(VoiceLevel.SILENCE_DB);
    }

    @Test
    void stressRisesWhenTheVoiceGoesUpAndLouderThanItsBaseline() {
        VoiceMeter meter = VoiceMeter.create(16_000);
        List<VoiceLevel> calm = measureInChunks(meter, Tones.sine(180, 2000, 16_000, 0.1), 20);
        List<VoiceLevel> upset = measureInChunks(meter, Tones.sine(260, 500, 16_000, 0.4), 20);
        assertThat(calm.get(calm.size() - 1).stress()).isLessThan(0.05);
        assertThat(upset.get(upset.size() - 1).stress()).isGreaterThan(0.7);
        meter.reset();
        assertThat(meter.measure(Tones.sine(260, 100, 16_000, 0.4).samples(), 1600).stress()).isZero();
    }

    private static List<VoiceLevel> measureInChunks(VoiceMeter meter, Pcm pcm, int chunkMs) {
        int chunk = pcm.sampleRate() * chunkMs / 1000;
        List<VoiceLevel> out = new ArrayList<>();
        for (int at = 0; at + chunk <= pcm.length(); at += chunk) {
            short[] buf = pcm.sliceSamples(at, at + chunk).samples();
            out.add(meter.measure(buf, buf.length));
        }
        return out;
    }
}
