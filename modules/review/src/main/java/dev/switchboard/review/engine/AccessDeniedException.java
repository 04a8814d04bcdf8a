package dev.switchboard.review.engine;

import dev.switchboard.core.error.SwitchboardException;

/** The signed-in person may not see or change what they asked for; the attempt has been audited. */
public final class AccessDeniedException extends SwitchboardException {

    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String message, String hint) {
        super(message, hint);
    }
}
