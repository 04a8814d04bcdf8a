package dev.switchboard.store.session;

import dev.switchboard.core.error.SwitchboardException;
import dev.switchboard.core.id.SessionId;

/** A recording that differs from the length and SHA-256 sealed when it closed: it is reported, never played. */
public final class DamagedRecordingException extends SwitchboardException {

    private final SessionId session;

    public DamagedRecordingException(SessionId session, String detail) {
        super("The recording of session " + session + " is damaged: " + detail + ".",
                "It is not played or exported as if it were the original. The session's log and score are "
                        + "unaffected; tell the center's database administrator, who can restore it from a backup.");
        this.session = session;
    }

    /** The session whose recording is damaged. */
    public SessionId session() {
        return session;
    }
}
