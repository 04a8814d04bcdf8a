package dev.switchboard.city.model;

/** A unit's lifecycle: Idle → Dispatched → EnRoute → OnScene → Returning → Idle. */
public enum UnitState {
    IDLE, DISPATCHED, EN_ROUTE, ON_SCENE, RETURNING
}
