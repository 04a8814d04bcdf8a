package dev.switchboard.city.model;

import java.util.Objects;

/**
 * A typed dispatch order, the only form in which a coordinator (rules or a model) can act. Parsed from
 * English orders such as {@code DISPATCH SWAT TO SHIBUYA}; anything else is reported, never guessed.
 */
public sealed interface DispatchCommand {

    /** Send {@code count} units of {@code unitType} to {@code place} (a ward, landmark or incident id). */
    record Dispatch(UnitType unitType, int count, String place) implements DispatchCommand {
        public Dispatch {
            Objects.requireNonNull(unitType, "unitType");
            Objects.requireNonNull(place, "place");
            if (count < 1 || count > 20) {
                throw new IllegalArgumentException("count must be 1..20, was " + count);
            }
        }
    }

    /** Evacuate an area (a ward or landmark). */
    record Evacuate(String area) implements DispatchCommand {
        public Evacuate {
            Objects.requireNonNull(area, "area");
        }
    }

    /** Release a unit from its incident; it returns to base. */
    record StandDown(String unitId) implements DispatchCommand {
        public StandDown {
            Objects.requireNonNull(unitId, "unitId");
        }
    }
}
