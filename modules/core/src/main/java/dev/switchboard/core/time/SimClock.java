package dev.switchboard.core.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Simulated time driven by ticks. Each {@link #tick(Duration)} advances simulated time by the wall
 * time elapsed multiplied by the speed (×1 to ×60), unless paused. Wall time is read from an injected
 * {@link Clock} and kept beside simulated time for the event log.
 *
 * <p>Thread-safe: one thread ticks, any thread may read or steer.
 */
public final class SimClock {

    public static final int MIN_SPEED = 1;
    public static final int MAX_SPEED = 60;

    private final Clock wallClock;
    private long simMillis;
    private double carryMillis;
    private int speed = 1;
    private boolean paused;

    /** A clock at {@link SimTime#ZERO}, running at ×1, reading wall time from {@code wallClock}. */
    public SimClock(Clock wallClock) {
        this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
    }

    /** A clock reading the system's UTC wall clock. */
    public static SimClock systemUtc() {
        return new SimClock(Clock.systemUTC());
    }

    /** Advances simulated time by {@code wallElapsed × speed}; returns the new simulated time. */
    public synchronized SimTime tick(Duration wallElapsed) {
        if (wallElapsed.isNegative()) {
            throw new IllegalArgumentException("A tick cannot go backwards: " + wallElapsed);
        }
        if (!paused) {
            double advance = wallElapsed.toNanos() / 1_000_000.0 * speed + carryMillis;
            long whole = (long) Math.floor(advance);
            carryMillis = advance - whole;
            simMillis = Math.addExact(simMillis, whole);
        }
        return new SimTime(simMillis);
    }

    public synchronized SimTime now() {
        return new SimTime(simMillis);
    }

    public Instant wallNow() {
        return wallClock.instant();
    }

    public synchronized void pause() {
        paused = true;
    }

    public synchronized void resume() {
        paused = false;
    }

    public synchronized boolean isPaused() {
        return paused;
    }

    /** Sets the speed multiplier; {@code speed} must be within ×1…×60. */
    public synchronized void setSpeed(int speed) {
        if (speed < MIN_SPEED || speed > MAX_SPEED) {
            throw new IllegalArgumentException(
                    "Speed must be between ×" + MIN_SPEED + " and ×" + MAX_SPEED + ", was ×" + speed);
        }
        this.speed = speed;
    }

    public synchronized int speed() {
        return speed;
    }

    /** Moves simulated time to {@code time}, e.g. to restart an exercise or seek a replay. */
    public synchronized void reset(SimTime time) {
        simMillis = time.millis();
        carryMillis = 0;
    }

    /** Everything a status bar shows, read at once so the values agree. */
    public synchronized Reading read() {
        return new Reading(new SimTime(simMillis), wallClock.instant(), speed, paused);
    }

    /** A consistent reading of the clock. */
    public record Reading(SimTime sim, Instant wall, int speed, boolean paused) {
    }
}
