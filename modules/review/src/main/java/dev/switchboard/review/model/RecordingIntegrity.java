package dev.switchboard.review.model;

import java.util.Objects;

/**
 * Whether a session's recording is the one sealed on its chain when it closed: checked when it is opened, played
 * or exported.
 *
 * @param detail what was found, in words; empty when {@link Status#VERIFIED}
 */
public record RecordingIntegrity(Status status, String detail) {

    /** What the check found. */
    public enum Status {
        /** Length and SHA-256 as sealed. */
        VERIFIED,
        /** The file differs from its seal (edited, cut or swapped). */
        MODIFIED,
        /** The sealed file is gone or unreadable. */
        MISSING,
        /** No seal to check against: recorded before seals, or still recording. */
        NOT_SEALED,
        /** The session has no recording. */
        NONE
    }

    public RecordingIntegrity {
        Objects.requireNonNull(status, "status");
        detail = detail == null ? "" : detail;
    }

    /** Whether the recording may be trusted as recorded (or there is none to doubt). */
    public boolean trustworthy() {
        return status == Status.VERIFIED || status == Status.NONE;
    }
}
