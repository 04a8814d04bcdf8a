package dev.switchboard.city.model;

/** An incident's lifecycle: new → dispatched → on scene → resolved → closed. */
public enum IncidentState {
    NEW, DISPATCHED, ON_SCENE, RESOLVED, CLOSED
}
