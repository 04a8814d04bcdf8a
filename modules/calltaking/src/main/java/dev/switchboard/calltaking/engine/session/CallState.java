package dev.switchboard.calltaking.engine.session;

/** Where a call stands, from the first ring to its end. */
public enum CallState {
    /** Offered to the trainee, not answered yet. */
    RINGING,
    CONNECTED,
    ON_HOLD,
    /** Handed to another agency; the trainee may stay on the line until they end the call. */
    TRANSFERRED,
    ENDED
}
