package dev.switchboard.city.engine.sim;

import dev.switchboard.city.model.UnitType;
import java.util.EnumMap;
import java.util.Map;

/**
 * How many units of each type the control room has. The default is the design's fleet: police patrol ×2,
 * SWAT ×1, ambulance ×2, fire ×3, traffic control ×2.
 *
 * @param counts units per type, 0..{@value #MAX_PER_TYPE} each; types not listed have none
 */
public record FleetConfig(Map<UnitType, Integer> counts) {

    public static final int MAX_PER_TYPE = 500;

    public FleetConfig {
        EnumMap<UnitType, Integer> copy = new EnumMap<>(UnitType.class);
        for (UnitType type : UnitType.values()) {
            int n = counts.getOrDefault(type, 0);
            if (n < 0 || n > MAX_PER_TYPE) {
                throw new IllegalArgumentException(type + " count must be 0.." + MAX_PER_TYPE + ", was " + n);
            }
            copy.put(type, n);
        }
        counts = Map.copyOf(copy);
        if (counts.values().stream().mapToInt(Integer::intValue).sum() == 0) {
            throw new IllegalArgumentException("A fleet needs at least one unit");
        }
    }

    public static FleetConfig defaults() {
        return of(2, 1, 2, 3, 2);
    }

    /** A fleet of these sizes. */
    public static FleetConfig of(int police, int swat, int ambulances, int fire, int traffic) {
        return new FleetConfig(Map.of(UnitType.POLICE, police, UnitType.SWAT, swat, UnitType.AMBULANCE, ambulances,
                UnitType.FIRE, fire, UnitType.TRAFFIC, traffic));
    }

    /** The default fleet multiplied by {@code factor}, e.g. 10 for 100 units. */
    public static FleetConfig scaled(int factor) {
        return of(2 * factor, factor, 2 * factor, 3 * factor, 2 * factor);
    }

    public int count(UnitType type) {
        return counts.get(type);
    }

    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
