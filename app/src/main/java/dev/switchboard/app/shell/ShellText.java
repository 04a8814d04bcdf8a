package dev.switchboard.app.shell;

import dev.switchboard.app.Logging;
import dev.switchboard.core.error.SwitchboardException;

/** Turns failures into one line a trainee can read; details stay in the log file. */
final class ShellText {

    private ShellText() {
    }

    static String failure(Throwable failure) {
        if (failure instanceof SwitchboardException e) {
            return e.getMessage();
        }
        return "Something went wrong (" + failure.getClass().getSimpleName() + "). Details are in "
                + Logging.logFile() + ".";
    }
}
