package dev.switchboard.store;

import java.nio.file.Path;
import java.util.List;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Another program holds a lock on the database longer than Switchboard waits (SQLite's "database is locked"). Not
 * damage: nothing is wrong with the file, and restoring a backup would lose what the other program writes.
 */
public class DatabaseBusyException extends DataDirInUseException {

    private static final long serialVersionUID = 1L;

    private DatabaseBusyException(String message, String hint, List<Long> pids, Throwable cause) {
        super(message, hint, pids, cause);
    }

    /** The exception for {@code file}, naming the processes that hold locks on it where the platform says. */
    public static DatabaseBusyException of(Path file, Throwable cause) {
        List<Long> pids = FileHolders.of(companions(file));
        return new DatabaseBusyException("The database " + file + " is in use by "
                + FileHolders.describe(pids, "another program") + ", which holds its write lock.",
                "Close that program (or let it finish) and try again; the database is not damaged and nothing was "
                        + "changed.", pids, cause);
    }

    /** Who holds locks on the database, for a log line: "PID 12 (sqlite3)" or "another program". */
    static String holders(Path file) {
        return FileHolders.describe(FileHolders.of(companions(file)), "another program");
    }

    /** Whether {@code error} or one of its causes is SQLite's busy or locked. */
    public static boolean isBusy(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLiteException se) {
                int primary = se.getResultCode().code & 0xFF;
                if (primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code) {
                    return true;
                }
            }
            String m = t.getMessage();
            if (m != null && (m.contains("[SQLITE_BUSY]") || m.contains("database is locked"))) {
                return true;
            }
        }
        return false;
    }

    private static List<Path> companions(Path file) {
        return List.of(file, file.resolveSibling(file.getFileName() + "-shm"),
                file.resolveSibling(file.getFileName() + "-wal"), file.resolveSibling(file.getFileName() + "-journal"));
    }
}
