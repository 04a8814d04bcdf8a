package dev.switchboard.store;

import dev.switchboard.core.error.SwitchboardException;
import java.nio.file.Path;

/**
 * The database file was replaced or moved while this process had it open, e.g. by a restore in another program or
 * a copy by hand. This process stops writing rather than write into the old file, which is no longer the database.
 */
public class DatabaseReplacedException extends SwitchboardException {

    private static final long serialVersionUID = 1L;

    public DatabaseReplacedException(Path file) {
        super("The database " + file + " was replaced or moved by another program while this one had it open; "
                        + "this program has stopped writing to it.",
                "Close this program and start it again. What was saved before the change is in the file that was "
                        + "moved (see broken/ if it was a restore).");
    }
}
