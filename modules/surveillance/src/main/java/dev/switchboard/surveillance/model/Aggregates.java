package dev.switchboard.surveillance.model;

import java.util.Map;
import java.util.Objects;

/**
 * Counts of the events matching a query's filters, by hour of day, by day, by ward, by type, by behaviour and by
 * camera (the busiest).
 *
 * @param byHour 24 counts, local hour of day
 */
public record Aggregates(long total, long[] byHour, Map<String, Long> byDay, Map<String, Long> byWard,
                         Map<String, Long> byType, Map<String, Long> byBehaviour, Map<Integer, Long> byCamera) {

    public Aggregates {
        Objects.requireNonNull(byHour, "byHour");
        byHour = byHour.clone();
        byDay = Map.copyOf(byDay);
        byWard = Map.copyOf(byWard);
        byType = Map.copyOf(byType);
        byBehaviour = Map.copyOf(byBehaviour);
        byCamera = Map.copyOf(byCamera);
    }

    @Override
    public long[] byHour() {
        return byHour.clone();
    }
}
