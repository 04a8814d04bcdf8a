package dev.switchboard.city.engine.pipeline;

import dev.switchboard.city.model.EventType;
import java.util.Arrays;

/**
 * Score multipliers per stream and hour of day (24 each), e.g. traffic weighs more in the rush hours and
 * security at night. Immutable.
 */
public final class TimeOfDayProfile {

    private static final int HOURS = 24;
    private static final EventType.Stream[] STREAMS = EventType.Stream.values();

    private final double[][] multipliers;

    private TimeOfDayProfile(double[][] multipliers) {
        this.multipliers = multipliers;
    }

    /** Every hour counts the same. */
    public static TimeOfDayProfile flat() {
        double[][] m = new double[STREAMS.length][HOURS];
        for (double[] row : m) {
            Arrays.fill(row, 1.0);
        }
        return new TimeOfDayProfile(m);
    }

    /** Traffic ×1.15 in the rush hours (7–9, 17–19), security ×1.15 at night (22–4), disaster flat. */
    public static TimeOfDayProfile typical() {
        TimeOfDayProfile p = flat();
        double[] traffic = p.hours(EventType.Stream.TRAFFIC);
        for (int h : new int[] {7, 8, 9, 17, 18, 19}) {
            traffic[h] = 1.15;
        }
        double[] security = p.hours(EventType.Stream.SECURITY);
        for (int h : new int[] {22, 23, 0, 1, 2, 3, 4}) {
            security[h] = 1.15;
        }
        return p.with(EventType.Stream.TRAFFIC, traffic).with(EventType.Stream.SECURITY, security);
    }

    /** A copy with 24 hourly multipliers (each 0..10) for one stream. */
    public TimeOfDayProfile with(EventType.Stream stream, double[] hourly) {
        if (hourly.length != HOURS) {
            throw new IllegalArgumentException("need 24 hourly multipliers, got " + hourly.length);
        }
        for (double v : hourly) {
            if (!(v >= 0 && v <= 10)) {
                throw new IllegalArgumentException("multipliers must be within 0..10, was " + v);
            }
        }
        double[][] m = new double[STREAMS.length][];
        for (int s = 0; s < STREAMS.length; s++) {
            m[s] = multipliers[s].clone();
        }
        m[stream.ordinal()] = hourly.clone();
        return new TimeOfDayProfile(m);
    }

    /** The 24 multipliers of a stream (a copy). */
    public double[] hours(EventType.Stream stream) {
        return multipliers[stream.ordinal()].clone();
    }

    public double multiplier(EventType.Stream stream, int hourOfDay) {
        return multipliers[stream.ordinal()][hourOfDay];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeOfDayProfile p && Arrays.deepEquals(multipliers, p.multipliers);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(multipliers);
    }
}
