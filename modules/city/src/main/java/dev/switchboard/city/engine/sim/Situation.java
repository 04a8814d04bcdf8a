package dev.switchboard.city.engine.sim;

import dev.switchboard.city.model.CriticalEvent;
import dev.switchboard.city.model.UnitView;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a {@link Coordinator} sees at one tick. Immutable, so a coordinator may hand it to another thread.
 *
 * @param incidents open incidents, most urgent first (priority, then age)
 * @param units every unit, in fleet order
 * @param reservedUnits units already proposed in pending recommendations; propose others
 * @param critical this tick's top events, best first
 * @param eventsThisTick sensor events generated this tick (for the "send everything to a model" comparison)
 * @param summary plain-English situation summary of the top events
 */
public record Situation(long tick, long simMillis, List<IncidentNeed> incidents, List<UnitView> units,
                        Set<String> reservedUnits, List<CriticalEvent> critical, long eventsThisTick,
                        String summary) {

    public Situation {
        incidents = List.copyOf(incidents);
        units = List.copyOf(units);
        reservedUnits = Set.copyOf(reservedUnits);
        critical = List.copyOf(critical);
        Objects.requireNonNull(summary, "summary");
    }

    /** Whether some open incident still lacks units. */
    public boolean anyShortfall() {
        return incidents.stream().anyMatch(n -> !n.satisfied());
    }
}
