package dev.switchboard.city.engine.sim;

import dev.switchboard.city.model.IncidentView;
import dev.switchboard.city.model.UnitType;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * An open incident and the units it still lacks: wanted minus those assigned, minus those already proposed in
 * pending recommendations, minus those the trainee recently rejected.
 *
 * @param shortfall units still to propose, per type; types with none are absent
 */
public record IncidentNeed(IncidentView incident, IncidentKind kind, Map<UnitType, Integer> shortfall) {

    public IncidentNeed {
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(kind, "kind");
        EnumMap<UnitType, Integer> copy = new EnumMap<>(UnitType.class);
        shortfall.forEach((type, n) -> {
            if (n > 0) {
                copy.put(type, n);
            }
        });
        shortfall = Map.copyOf(copy);
    }

    public int shortfall(UnitType type) {
        return shortfall.getOrDefault(type, 0);
    }

    public boolean satisfied() {
        return shortfall.isEmpty();
    }
}
