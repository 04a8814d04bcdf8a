package dev.switchboard.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SimClockTest {

    private final Instant wall = Instant.parse("2026-11-21T09:00:00Z");
    private final SimClock clock = new SimClock(Clock.fixed(wall, ZoneOffset.UTC));

    @Test
    void advancesByWallTimeTimesSpeed() {
        clock.tick(Duration.ofSeconds(2));
        assertThat(clock.now()).isEqualTo(SimTime.ofSeconds(2));

        clock.setSpeed(60);
        clock.tick(Duration.ofSeconds(1));
        assertThat(clock.now()).isEqualTo(SimTime.ofSeconds(62));
    }

    @Test
    void pausedClockDoesNotAdvanceAndResumes() {
        clock.pause();
        clock.tick(Duration.ofSeconds(10));
        assertThat(clock.now()).isEqualTo(SimTime.ZERO);
        assertThat(clock.isPaused()).isTrue();

        clock.resume();
        clock.tick(Duration.ofMillis(1500));
        assertThat(clock.now().millis()).isEqualTo(1500);
    }

    @Test
    void fractionalMillisecondsAccumulateInsteadOfBeingLost() {
        for (int i = 0; i < 1000; i++) {
            clock.tick(Duration.ofNanos(400_000));
        }
        assertThat(clock.now().millis()).isEqualTo(400);
    }

    @Test
    void speedOutsideOneToSixtyIsRefusedWithTheRange() {
        assertThatThrownBy(() -> clock.setSpeed(0)).hasMessageContaining("×1").hasMessageContaining("×60");
        assertThatThrownBy(() -> clock.setSpeed(61)).isInstanceOf(IllegalArgumentException.class);
        assertThat(clock.speed()).isEqualTo(1);
    }

    @Test
    void keepsWallTimeBesideSimTime() {
        clock.setSpeed(10);
        clock.tick(Duration.ofSeconds(3));
        SimClock.Reading reading = clock.read();
        assertThat(reading.sim()).isEqualTo(SimTime.ofSeconds(30));
        assertThat(reading.wall()).isEqualTo(wall);
        assertThat(reading.speed()).isEqualTo(10);
    }

    @Test
    void negativeTicksAreRefused() {
        assertThatThrownBy(() -> clock.tick(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void simTimeReadsAsAnExerciseClock() {
        assertThat(SimTime.ofSeconds(3 * 3600 + 7 * 60 + 9)).hasToString("03:07:09");
    }

    @Test
    void resetMovesTheClockForReplay() {
        clock.tick(Duration.ofSeconds(100));
        clock.reset(SimTime.ofSeconds(5));
        assertThat(clock.now()).isEqualTo(SimTime.ofSeconds(5));
    }
}
