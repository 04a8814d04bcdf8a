package dev.switchboard.core.time;

import java.time.Duration;

/**
 * A point on the simulated timeline, in milliseconds since the simulation epoch (the start of the
 * exercise). Independent of wall time, so a replay at any speed yields the same values.
 */
public record SimTime(long millis) implements Comparable<SimTime> {

    public static final SimTime ZERO = new SimTime(0);

    public SimTime {
        if (millis < 0) {
            throw new IllegalArgumentException("Simulated time cannot be negative: " + millis);
        }
    }

    public static SimTime ofSeconds(long seconds) {
        return new SimTime(Math.multiplyExact(seconds, 1000L));
    }

    public SimTime plus(Duration d) {
        return new SimTime(Math.addExact(millis, d.toMillis()));
    }

    public Duration since(SimTime earlier) {
        return Duration.ofMillis(millis - earlier.millis);
    }

    @Override
    public int compareTo(SimTime o) {
        return Long.compare(millis, o.millis);
    }

    /** As {@code HH:MM:SS} since the epoch, the way a dispatcher reads an exercise clock. */
    @Override
    public String toString() {
        long s = millis / 1000;
        return String.format("%02d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }
}
