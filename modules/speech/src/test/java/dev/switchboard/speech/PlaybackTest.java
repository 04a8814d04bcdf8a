package dev.switchboard.speech;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlaybackTest {

    @Test
    void bargeInStopsASilentPlaybackAtOnce() throws InterruptedException {
        Playback playback = AudioOutput.silent().play(Tones.sine(300, 60_000, 48_000, 0.3));
        assertThat(playback.playing()).isTrue();
        playback.stop();
        assertThat(playback.playing()).isFalse();
        playback.await(); // returns because it was stopped; a minute-long clip would otherwise block
        assertThat(playback.playedMs()).isLessThan(60_000);
        long heard = playback.playedMs();
        playback.stop();
        assertThat(playback.playedMs()).isEqualTo(heard);
    }

    @Test
    void discardFinishesAtOnceAndCountsTheClipAsPlayed() throws InterruptedException {
        Playback playback = AudioOutput.discard().play(Tones.sine(300, 5_000, 16_000, 0.3));
        assertThat(playback.playing()).isFalse();
        playback.await();
        assertThat(playback.playedMs()).isEqualTo(5_000);
        assertThat(AudioOutput.discard().audible()).isFalse();
    }

    @Test
    void speechGivesAnOutputEvenWithoutASoundCard() {
        try (Speech speech = Speech.offline(java.nio.file.Path.of("unused"))) {
            assertThat(speech.output()).isNotNull();
            assertThat(speech.status()).isEqualTo("speech: loads on first use");
        }
    }
}
