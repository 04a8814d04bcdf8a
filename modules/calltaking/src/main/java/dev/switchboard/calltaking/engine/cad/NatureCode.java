package dev.switchboard.calltaking.engine.cad;

import dev.switchboard.core.incident.ResponderType;
import java.util.List;
import java.util.Objects;

/**
 * One incident type a call can be coded as.
 *
 * @param priority 1 (most urgent) .. 5
 * @param units    the units recommended by default; empty for calls that need none
 */
public record NatureCode(String code, String description, int priority, List<ResponderType> units) {

    public NatureCode {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(description, "description");
        if (priority < 1 || priority > 5) {
            throw new IllegalArgumentException("Priority must be within 1..5, was " + priority + " for " + code);
        }
        units = List.copyOf(units);
    }
}
