package dev.switchboard.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The health of an open database, for {@code switchboard db check} and the About box.
 *
 * @param sizeBytes size of the main database file (the write-ahead log not included)
 * @param quickCheck {@code "ok"}, or the problems SQLite's {@code quick_check} found, one per line
 * @param journalMode {@code "wal"} when healthy
 * @param triggerProblems the append-only triggers of the event log that are missing, altered or added; empty when
 *                        they are as the migrations made them
 */
public record CheckReport(Path file, long sizeBytes, String quickCheck, String journalMode, int schemaVersion,
                          long eventLogEntries, int accounts, Optional<BackupInfo> newestBackup,
                          List<String> triggerProblems) {

    public CheckReport {
        triggerProblems = List.copyOf(triggerProblems);
    }

    /** Whether SQLite found nothing wrong and the event log's triggers are in place. */
    public boolean healthy() {
        return "ok".equals(quickCheck) && triggerProblems.isEmpty();
    }
}
