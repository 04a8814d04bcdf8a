package dev.switchboard.review.model;

/** What sort of moment a timeline item marks; the view colours and filters by it. */
public enum TimelineKind {
    /** Ringing, answered, ended, interrupted. */
    CALL,
    /** Hold, resume, mute, transfer. */
    CONTROL,
    /** An entity found in what was said. */
    ENTITY,
    /** A CAD field changed. */
    CAD,
    /** The incident was dispatched, or a unit was sent in the control room. */
    DISPATCH,
    /** A unit changed state. */
    UNIT,
    /** The caller's emotional state changed. */
    EMOTION,
    /** An incident opened, escalated, changed state or was resolved (control room). */
    INCIDENT,
    /** A trainee's command, recommendation decision or control (control room). */
    COMMAND,
    /** The session was scored. */
    SCORE,
    /** Anything else on the log. */
    OTHER
}
