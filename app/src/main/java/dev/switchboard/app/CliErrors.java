package dev.switchboard.app;

import dev.switchboard.core.error.SwitchboardException;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Turns failures of headless commands into a plain message on stderr and exit code 2, with the
 * stack trace in the log file only.
 */
final class CliErrors implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cli, CommandLine.ParseResult parsed) {
        if (ex instanceof SwitchboardException e) {
            cli.getErr().println("switchboard: " + e.userText());
        } else {
            cli.getErr().println("switchboard: " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
            cli.getErr().println("Details were written to " + Logging.logFile());
        }
        LoggerFactory.getLogger(CliErrors.class).error("Command {} failed", parsed.originalArgs(), ex);
        return 2;
    }
}
