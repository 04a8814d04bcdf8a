package dev.switchboard.app;

import dev.switchboard.core.error.SwitchboardException;
import dev.switchboard.core.io.DiskFull;
import dev.switchboard.store.DatabaseBusyException;
import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Turns failures of headless commands into what the user reads on stderr: one line of what went wrong and why,
 * the way out, and where the details are; exit code 2. The stack trace goes to the log file only, with the
 * command line redacted ({@link Redaction}).
 */
final class CliErrors implements CommandLine.IExecutionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(CliErrors.class);

    @Override
    public int handleExecutionException(Exception ex, CommandLine cli, CommandLine.ParseResult parsed) {
        LOG.error("Command {} failed", Redaction.commandLine(parsed.originalArgs()), ex);
        print(cli.getErr(), ex);
        return 2;
    }

    /** Writes the user's lines for {@code error}; also for errors that escape picocli (see {@link Main}). */
    static void print(PrintWriter err, Throwable error) {
        if (error instanceof SwitchboardException e) {
            err.println("switchboard: " + oneLine(e.getMessage()));
            if (!e.hint().isBlank()) {
                err.println(oneLine(e.hint()));
            }
        } else if (DatabaseBusyException.isBusy(error)) {
            err.println("switchboard: the database is in use by another program, which holds its write lock.");
            err.println("Close that program (or let it finish) and try again; the database is not damaged.");
        } else if (DiskFull.is(error, null)) {
            err.println("switchboard: no space left on the disk that holds the data folder.");
            err.println("Free some space and try again; what was saved before is kept.");
        } else if (error instanceof OutOfMemoryError) {
            err.println("switchboard: ran out of memory (" + oneLine(error.getMessage()) + ").");
            err.println("The input is probably far larger than it should be; check the files given.");
        } else {
            err.println("switchboard: " + error.getClass().getSimpleName()
                    + (error.getMessage() == null ? "" : ": " + oneLine(error.getMessage())));
        }
        err.println("Details are in " + Logging.logFile());
        err.flush();
    }

    private static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.strip().replaceAll("\\s*\\R\\s*", " ");
        return flat.length() > 400 ? flat.substring(0, 400) + "..." : flat;
    }
}
