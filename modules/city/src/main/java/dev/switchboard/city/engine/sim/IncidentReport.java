package dev.switchboard.city.engine.sim;

import dev.switchboard.core.geo.LatLon;
import java.util.Objects;

/**
 * An incident reported to the control room from outside its sensors, e.g. by the call console: where, what
 * and how urgent. The control room opens an incident for it (see {@link CitySimulation#report}).
 *
 * @param reference the caller's reference (a call id), kept with the incident; may be null
 * @param nature what happened in words, e.g. "man with a knife outside the station"; decides the
 *               {@link IncidentKind} unless {@code kind} is given
 * @param kind the kind when the reporter already knows it, or null to read it from {@code nature}
 * @param priority 1 (highest) to 5
 */
public record IncidentReport(String reference, LatLon position, String nature, IncidentKind kind, int priority) {

    public IncidentReport {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(nature, "nature");
        if (priority < 1 || priority > 5) {
            throw new IllegalArgumentException("priority must be 1..5, was " + priority);
        }
    }

    /** The kind given, or the one {@code nature} suggests. */
    public IncidentKind effectiveKind() {
        return kind != null ? kind : IncidentKind.fromNature(nature);
    }
}
