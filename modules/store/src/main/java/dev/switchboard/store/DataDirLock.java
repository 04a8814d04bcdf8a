package dev.switchboard.store;

/**
 * A process's hold on a data dir. Every process that opens the database holds it shared; a command that swaps the
 * database file (restore, start fresh) needs it exclusive, so it can never move a file another process is writing.
 * A file lock here ({@link FileDataDirLock}); a server database would use its own (e.g. an advisory lock).
 */
public interface DataDirLock extends AutoCloseable {

    /**
     * Whether no other process had the data dir open when this lock was taken: then nothing marked running is
     * live, and leftovers of earlier runs may be cleaned. Always false for an exclusive lock's later shared re-open
     * inside the same process.
     */
    boolean alone();

    /** Whether this is the exclusive hold of a command that swaps the database file. */
    boolean exclusive();

    /** Lets go; idempotent, never throws. */
    @Override
    void close();

    /**
     * The shared hold of a process that opens the database.
     *
     * @throws DataDirInUseException when another process holds it exclusively (a restore in progress) for longer
     *                               than a few seconds
     */
    static DataDirLock shared(DataDir dir) {
        return FileDataDirLock.shared(dir);
    }

    /**
     * The exclusive hold for swapping the database file.
     *
     * @param purpose what is about to happen, for the message, e.g. {@code "restore a backup"}
     * @throws DataDirInUseException naming the processes that have the data dir open
     */
    static DataDirLock exclusive(DataDir dir, String purpose) {
        return FileDataDirLock.exclusive(dir, purpose);
    }
}
