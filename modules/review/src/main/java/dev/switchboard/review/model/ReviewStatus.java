package dev.switchboard.review.model;

import java.util.List;
import java.util.Locale;

/** Where a session stands for the reviewer, derived from the catalogue's status text. */
public enum ReviewStatus {
    /** Still running (or cut short and not yet closed by the call console at start-up). */
    IN_PROGRESS,
    /** Ended normally. */
    COMPLETE,
    /** Ended by a crash, a kill or an abandoned call. */
    INTERRUPTED,
    /** A supervisor signed the review off. */
    SIGNED_OFF;

    /** The catalogue's status text this review status is stored as when set by the review. */
    public static final String SIGNED_OFF_TEXT = "signed-off";

    /** The review status of a {@code training_session.status} value; unknown values count as complete. */
    public static ReviewStatus of(String raw) {
        String s = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "running", "recording", "in-progress" -> IN_PROGRESS;
            case "interrupted", "abandoned", "crashed", "aborted" -> INTERRUPTED;
            case SIGNED_OFF_TEXT, "signed_off", "signedoff" -> SIGNED_OFF;
            default -> COMPLETE;
        };
    }

    /** The catalogue values that map to this status, for SQL filters. */
    public List<String> rawValues() {
        return switch (this) {
            case IN_PROGRESS -> List.of("running", "recording", "in-progress");
            case INTERRUPTED -> List.of("interrupted", "abandoned", "crashed", "aborted");
            case SIGNED_OFF -> List.of(SIGNED_OFF_TEXT, "signed_off", "signedoff");
            case COMPLETE -> List.of();
        };
    }

    /** Lower-case text for CSV and JSON, e.g. {@code signed-off}. */
    public String text() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
