package dev.switchboard.city.engine.sim;

import dev.switchboard.city.model.UnitState;

/** Thrown when something asks a unit for a state change its lifecycle does not allow; the unit is unchanged. */
public final class IllegalTransitionException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String unitId;
    private final UnitState from;
    private final UnitState to;

    public IllegalTransitionException(String unitId, UnitState from, UnitState to) {
        super("Unit " + unitId + " cannot go from " + from + " to " + to);
        this.unitId = unitId;
        this.from = from;
        this.to = to;
    }

    public String unitId() {
        return unitId;
    }

    public UnitState from() {
        return from;
    }

    public UnitState to() {
        return to;
    }
}
