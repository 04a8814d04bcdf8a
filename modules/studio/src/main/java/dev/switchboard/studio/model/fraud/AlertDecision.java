package dev.switchboard.studio.model.fraud;

/** What a person decided about an alert. */
public enum AlertDecision {
    /** Confirmed as fraud or an attack, handled here. */
    ACCEPT,
    /** A false alarm. */
    DISMISS,
    /** Handed on: opens an incident for the dispatchers. */
    ESCALATE
}
