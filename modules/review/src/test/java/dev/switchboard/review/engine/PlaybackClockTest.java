package dev.switchboard.review.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PlaybackClockTest {

    private long nanos;
    private final PlaybackClock clock = new PlaybackClock(() -> nanos, 60_000);

    private void elapse(long ms) {
        nanos += ms * 1_000_000L;
    }

    @Test
    void runsWithTheClockAtTheChosenSpeed() {
        clock.play();
        elapse(1_000);
        assertThat(clock.positionMs()).isEqualTo(1_000);
        clock.setRate(2);
        elapse(1_000);
        assertThat(clock.positionMs()).isEqualTo(3_000);
        clock.setRate(0.5);
        elapse(2_000);
        assertThat(clock.positionMs()).isEqualTo(4_000);
    }

    @Test
    void pauseHoldsAndSeekMovesWithoutStarting() {
        clock.play();
        elapse(5_000);
        clock.pause();
        elapse(5_000);
        assertThat(clock.positionMs()).isEqualTo(5_000);
        clock.seek(30_000);
        elapse(1_000);
        assertThat(clock.positionMs()).isEqualTo(30_000);
        assertThat(clock.playing()).isFalse();
    }

    @Test
    void stopsAtTheEndAndStartsOverOnPlay() {
        clock.setRate(16);
        clock.play();
        elapse(10_000);
        assertThat(clock.positionMs()).isEqualTo(60_000);
        assertThat(clock.playing()).isFalse();
        clock.play();
        assertThat(clock.positionMs()).isZero();
    }

    @Test
    void refusesSpeedsOutsideTheRange() {
        assertThatThrownBy(() -> clock.setRate(32)).hasMessageContaining("32");
        assertThatThrownBy(() -> clock.setRate(0.25)).isInstanceOf(IllegalArgumentException.class);
    }
}
