package dev.switchboard.workflow.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The engine's time: what time it is and running something later (retries, waits, timeouts, deadlines). The wall
 * clock in the program; a clock a test moves by hand in tests, so backoff and timeouts are tested without sleeping.
 */
public interface EngineClock extends AutoCloseable {

    Instant now();

    /** Runs {@code action} at {@code at} (at once when it is past), on some thread; the handle cancels it. */
    AutoCloseable schedule(Instant at, Runnable action);

    @Override
    default void close() {
    }

    /** The wall clock with one timer thread; actions should hand longer work on. */
    static EngineClock system() {
        return new SystemClock(Clock.systemUTC());
    }

    /** The wall clock behind {@link #system()}. */
    final class SystemClock implements EngineClock {
        private final Clock clock;
        private final ScheduledThreadPoolExecutor timers;

        SystemClock(Clock clock) {
            this.clock = clock;
            this.timers = new ScheduledThreadPoolExecutor(1, r -> Thread.ofPlatform().name("workflow-timers")
                    .daemon(true).unstarted(r));
            this.timers.setRemoveOnCancelPolicy(true);
        }

        @Override
        public Instant now() {
            return clock.instant();
        }

        @Override
        public AutoCloseable schedule(Instant at, Runnable action) {
            long delay = Math.max(0, Duration.between(clock.instant(), at).toMillis());
            ScheduledFuture<?> f = ((ScheduledExecutorService) timers).schedule(action, delay, TimeUnit.MILLISECONDS);
            return () -> f.cancel(false);
        }

        @Override
        public void close() {
            timers.shutdownNow();
        }
    }
}
