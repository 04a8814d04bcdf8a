package dev.switchboard.store;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The health of an open database, for {@code switchboard db check} and the About box.
 *
 * @param sizeBytes size of the main database file (the write-ahead log not included)
 * @param quickCheck {@code "ok"}, or the problems SQLite's {@code quick_check} found, one per line
 * @param journalMode {@code "wal"} when healthy
 */
public record CheckReport(Path file, long sizeBytes, String quickCheck, String journalMode, int schemaVersion,
                          long eventLogEntries, int accounts, Optional<BackupInfo> newestBackup) {

    /** Whether SQLite found nothing wrong. */
    public boolean healthy() {
        return "ok".equals(quickCheck);
    }
}
