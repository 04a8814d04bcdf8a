package dev.switchboard.calltaking.engine.session;

import java.time.Clock;
import java.util.Objects;

/**
 * The time of a call: milliseconds since its recording started (the moment the call was offered). Real time in
 * the console, a {@link ManualCallClock} in the CLI and in tests.
 */
@FunctionalInterface
public interface CallClock {

    long nowMs();

    /** Real time from now on, read from {@code wall}. */
    static CallClock startingNow(Clock wall) {
        Objects.requireNonNull(wall, "wall");
        long start = wall.millis();
        return () -> wall.millis() - start;
    }
}
