package dev.switchboard.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResamplerTest {

    @ParameterizedTest
    @CsvSource({"48000,16000,1000", "16000,48000,440", "44100,16000,3000", "22050,16000,250", "16000,22050,700"})
    void keepsAToneFrequencyAndLevel(int from, int to, double hz) {
        Pcm in = Tones.sine(hz, 1000, from, 0.5);
        Pcm out = Resampler.resample(in, to);
        assertThat(out.sampleRate()).isEqualTo(to);
        assertThat(out.length()).isEqualTo(to);
        assertThat(Tones.frequency(out)).isCloseTo(hz, within(hz * 0.002));
        assertThat(Tones.levelDb(out)).isCloseTo(Tones.levelDb(in), within(0.3));
    }

    @Test
    void filtersOutWhatTheLowerRateCannotCarry() {
        // 11 kHz at 48 kHz would alias to 5 kHz at 16 kHz if it were only decimated.
        Pcm out = Resampler.resample(Tones.sine(11_000, 1000, 48_000, 0.5), 16_000);
        assertThat(Tones.levelDb(out)).isLessThan(Tones.levelDb(Tones.sine(11_000, 1000, 48_000, 0.5)) - 40);
    }

    @Test
    void sameRateIsTheSameClip() {
        Pcm in = Tones.sine(300, 100, 16_000, 0.2);
        assertThat(in.resampled(16_000)).isSameAs(in);
    }

    @Test
    void pcmSliceAndDuration() {
        Pcm in = Tones.sine(300, 1000, 16_000, 0.2);
        assertThat(in.durationMs()).isEqualTo(1000);
        Pcm part = in.slice(250, 750);
        assertThat(part.durationMs()).isEqualTo(500);
        assertThat(part.samples()[0]).isEqualTo(in.samples()[4000]);
        assertThat(in.slice(900, 5000).durationMs()).isEqualTo(100);
        assertThat(in.append(part).durationMs()).isEqualTo(1500);
    }
}
