package dev.switchboard.uikit;

import java.util.Optional;

/**
 * Dialogs a workspace or view model may open, without JavaFX in the signatures so that view models
 * using it are tested with a fake. Implementations may be called from any thread.
 */
public interface DialogService {

    /**
     * Reports a failure. A {@link dev.switchboard.core.error.SwitchboardException} is shown in the user's
     * words; anything else as a short message that says where the details were logged. Returns at once.
     */
    void showError(String title, Throwable error);

    /** Reports a problem described by {@code message}; returns at once. */
    void showError(String title, String message);

    /** Tells the user something; returns at once. */
    void showInfo(String title, String message);

    /** Asks a yes/no question and waits for the answer; {@code false} when the dialog is dismissed. */
    boolean confirm(String title, String message);

    /** Asks for a line of text and waits for it; empty when the dialog is cancelled. */
    Optional<String> ask(String title, String prompt);
}
