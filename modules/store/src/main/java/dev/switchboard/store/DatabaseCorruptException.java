package dev.switchboard.store;

import dev.switchboard.core.error.SwitchboardException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The database file exists but SQLite cannot use it: not a database, truncated, or failing its
 * integrity check. The hint names the two ways out: restore the newest backup
 * ({@link Recovery#restore}) or start fresh ({@link Recovery#moveAside}); both keep the damaged file.
 * A file that is merely locked by another program, or unreadable for lack of permission, is reported
 * as a plain {@link SwitchboardException} instead: it is not damaged.
 */
public class DatabaseCorruptException extends SwitchboardException {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final transient Path file;
    private final String detail;
    private final transient BackupInfo newestBackup;

    public DatabaseCorruptException(Path file, String detail, Optional<BackupInfo> newestBackup, Path brokenDir,
                                    Throwable cause) {
        super("The database " + file + " is damaged and cannot be opened: " + firstLine(detail),
                hint(newestBackup, brokenDir), cause);
        this.file = file;
        this.detail = detail;
        this.newestBackup = newestBackup.orElse(null);
    }

    /** The damaged database file. */
    public Path file() {
        return file;
    }

    /** What SQLite said, in full. */
    public String detail() {
        return detail;
    }

    /** The backup a restore would use, when there is one. */
    public Optional<BackupInfo> newestBackup() {
        return Optional.ofNullable(newestBackup);
    }

    private static String hint(Optional<BackupInfo> backup, Path brokenDir) {
        String keep = "Either way the damaged file is first moved to " + brokenDir + " and kept; nothing is deleted.";
        if (backup.isPresent()) {
            BackupInfo b = backup.get();
            return "Restore the newest backup, " + b.file().getFileName() + " (taken "
                    + WHEN.format(b.createdAt().atZone(ZoneId.systemDefault())) + "), or start fresh with an "
                    + "empty database. " + keep;
        }
        return "There is no backup to restore: start fresh with an empty database, or restore a backup copied "
                + "from elsewhere. " + keep;
    }

    private static String firstLine(String text) {
        if (text == null || text.isBlank()) {
            return "unknown problem";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline) + " (and more)";
    }
}
