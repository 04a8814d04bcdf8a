package dev.switchboard.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SimTickerTest {

    @Test
    void ticksTheClockOnItsOwnThreadAndTellsListeners() throws InterruptedException {
        SimClock clock = SimClock.systemUtc();
        clock.setSpeed(60);
        CountDownLatch ticks = new CountDownLatch(3);
        AtomicReference<Thread> tickThread = new AtomicReference<>();
        try (SimTicker ticker = new SimTicker(clock, Duration.ofMillis(10))) {
            ticker.addListener(t -> {
                tickThread.set(Thread.currentThread());
                ticks.countDown();
            });
            ticker.start();
            assertThat(ticks.await(5, TimeUnit.SECONDS)).isTrue();
            ticker.stop();
        }
        assertThat(tickThread.get()).isNotEqualTo(Thread.currentThread());
        assertThat(tickThread.get().getName()).isEqualTo("sim-ticker");
        assertThat(clock.now().millis()).isPositive();
    }
}
