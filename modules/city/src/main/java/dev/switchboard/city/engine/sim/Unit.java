package dev.switchboard.city.engine.sim;

import dev.switchboard.places.Route;
import dev.switchboard.places.Base;
import dev.switchboard.city.model.UnitState;
import dev.switchboard.city.model.UnitType;
import dev.switchboard.city.model.UnitView;
import dev.switchboard.core.geo.LatLon;
import java.util.Objects;

/**
 * One response unit and its mutable state during a simulation. Owned by the simulation's tick thread; the
 * outside world sees it only as a {@link UnitView}. Every state change goes through {@link #transition}.
 */
final class Unit {

    /** Where a moving unit is heading. */
    enum Errand {
        NONE, TO_SCENE, TO_HOSPITAL, TO_BASE
    }

    private final String id;
    private final UnitType type;
    private final Base base;
    private UnitState state = UnitState.IDLE;
    private long stateSinceMillis;
    private LatLon position;
    private double heading;

    /** The incident this unit is assigned to, or null. */
    String incidentId;
    /** The incident whose patient is aboard (ambulances), or null. */
    String patientOf;
    Errand errand = Errand.NONE;
    Route path;
    long pathStartMillis;
    /** When a dispatched crew has turned out and starts driving. */
    long turnoutEndsMillis;
    /** When the current assignment was given, for response times. */
    long assignedAtMillis;
    /** When it reached the current incident's scene, or -1. */
    long onSceneAtMillis = -1;
    /** The hospital it takes a patient to, or null. */
    String hospitalId;
    /** Seconds of treatment left for the patient this ambulance works on at the scene; 0 when none. */
    double treatSecondsLeft;

    Unit(String id, UnitType type, Base base) {
        this.id = Objects.requireNonNull(id, "id");
        this.type = Objects.requireNonNull(type, "type");
        this.base = Objects.requireNonNull(base, "base");
        this.position = base.position();
    }

    String id() {
        return id;
    }

    UnitType type() {
        return type;
    }

    Base base() {
        return base;
    }

    UnitState state() {
        return state;
    }

    long stateSinceMillis() {
        return stateSinceMillis;
    }

    LatLon position() {
        return position;
    }

    /**
     * Moves this unit to {@code to} at {@code simMillis}.
     *
     * @throws IllegalTransitionException when {@link UnitLifecycle} does not allow it; nothing changes then
     */
    UnitState transition(UnitState to, long simMillis) {
        if (!UnitLifecycle.allows(state, to)) {
            throw new IllegalTransitionException(id, state, to);
        }
        UnitState from = state;
        state = to;
        stateSinceMillis = simMillis;
        return from;
    }

    /** Free for a new assignment: idle at base, or driving home empty. */
    boolean available() {
        return state == UnitState.IDLE || (state == UnitState.RETURNING && patientOf == null);
    }

    /** Sets out along {@code newPath} at {@code simMillis}. */
    void drive(Route newPath, Errand newErrand, long simMillis) {
        this.path = newPath;
        this.errand = newErrand;
        this.pathStartMillis = simMillis;
    }

    /** Follows the current path to {@code simMillis}; returns true when the end is reached. */
    boolean advance(long simMillis) {
        if (path == null) {
            return true;
        }
        double seconds = (simMillis - pathStartMillis) / 1000.0;
        position = path.positionAt(seconds);
        heading = path.headingAt(seconds);
        return seconds >= path.travelSeconds();
    }

    /** Stops moving where it is. */
    void park() {
        path = null;
        errand = Errand.NONE;
    }

    /** Places the unit at its base, parked. */
    void parkAtBase() {
        position = base.position();
        park();
    }

    UnitView view() {
        // An ambulance taking a patient to hospital still works for that patient's incident.
        return new UnitView(id, type, state, position, heading, incidentId != null ? incidentId : patientOf,
                base.id());
    }
}
