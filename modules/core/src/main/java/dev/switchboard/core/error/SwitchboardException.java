package dev.switchboard.core.error;

/**
 * A failure the user can understand and act on. {@link #getMessage()} says what went wrong in the
 * user's words, naming the file, line or field involved; {@link #hint()} says what to do about it.
 */
public class SwitchboardException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String hint;

    public SwitchboardException(String message, String hint) {
        super(message);
        this.hint = hint == null ? "" : hint;
    }

    public SwitchboardException(String message, String hint, Throwable cause) {
        super(message, cause);
        this.hint = hint == null ? "" : hint;
    }

    /** What the user can do about it; empty when there is nothing to add. */
    public String hint() {
        return hint;
    }

    /** Message and hint as one paragraph, for a dialog or the command line. */
    public String userText() {
        return hint.isEmpty() ? getMessage() : getMessage() + "\n" + hint;
    }
}
