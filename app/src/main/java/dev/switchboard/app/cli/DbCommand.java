package dev.switchboard.app.cli;

import dev.switchboard.app.ByteSize;
import dev.switchboard.app.Workstation;
import dev.switchboard.core.account.AuditAction;
import dev.switchboard.core.account.AuditRecord;
import dev.switchboard.store.BackupInfo;
import dev.switchboard.store.Backups;
import dev.switchboard.store.CheckReport;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.DatabaseCorruptException;
import dev.switchboard.store.Recovery;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code switchboard db check|backup|backups|restore}: the database's health and its backups. */
@Command(name = "db", description = "Check, back up and restore the database.", mixinStandardHelpOptions = true)
public final class DbCommand extends DataDirCommand {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    /** Runs PRAGMA quick_check and prints what the database holds; exit 0 when healthy, 2 when not. */
    @Command(name = "check", description = "Check the database's integrity and print what it holds.")
    int check() {
        PrintWriter out = spec.commandLine().getOut();
        DataDir dir = dataDir();
        if (!Files.exists(dir.database())) {
            out.println("No database yet at " + dir.database() + " (data dir from " + dir.source() + ").");
            out.println("It is created on first start.");
            return 0;
        }
        try (Workstation ws = openWorkstation()) {
            CheckReport report = ws.database().check();
            out.println("Database:      " + report.file() + " (" + ByteSize.format(report.sizeBytes()) + ", journal "
                    + report.journalMode() + ")");
            out.println("Data dir from: " + dir.source());
            out.println("Integrity:     " + report.quickCheck());
            out.println("Schema:        version " + report.schemaVersion());
            out.println("Event log:     " + report.eventLogEntries() + " entries");
            out.println("Accounts:      " + report.accounts());
            out.println("Newest backup: " + report.newestBackup().map(DbCommand::describe).orElse("none yet"));
            if (report.triggerProblems().isEmpty()) {
                out.println("Triggers:      the event log's append-only triggers are in place");
            } else {
                report.triggerProblems().forEach(p -> out.println("TRIGGER:       " + p));
                out.println("Way out: restore a backup taken before the change, or report it; 'switchboard log "
                        + "verify' says whether entries were changed meanwhile.");
            }
            return report.healthy() ? 0 : 2;
        } catch (DatabaseCorruptException e) {
            printWayOut(spec.commandLine().getErr(), e);
            return 2;
        }
    }

    /** Takes a snapshot with VACUUM INTO under the data dir's backups folder. */
    @Command(name = "backup", description = "Take a backup now (VACUUM INTO under backups/; the last 7 are kept).")
    int backup() {
        try (Workstation ws = openWorkstation()) {
            BackupInfo info = ws.backups().create("manual");
            ws.auditLog().record(new AuditRecord(ws.wallClock().instant(), cliActor(),
                    AuditAction.DATABASE_BACKUP, info.file().getFileName().toString(), AuditRecord.Outcome.SUCCESS,
                    "switchboard db backup"));
            spec.commandLine().getOut().println("Backup written: " + describe(info));
            return 0;
        }
    }

    /** Lists backups, newest first; works when the database itself cannot be opened. */
    @Command(name = "backups", description = "List the backups, newest first.")
    int backups() {
        PrintWriter out = spec.commandLine().getOut();
        List<BackupInfo> list = Backups.list(dataDir());
        if (list.isEmpty()) {
            out.println("No backups yet under " + dataDir().backups());
        }
        list.forEach(b -> out.println(describe(b)));
        return 0;
    }

    /** Replaces the database with a backup after checking it; the current file is moved aside, not deleted. */
    @Command(name = "restore", description = "Restore the database from a backup file. The current database is "
            + "moved to broken/ first, never deleted.")
    int restore(@Parameters(paramLabel = "FILE", description = "A backup, e.g. from 'switchboard db backups'.")
                Path backup) {
        DataDir dir = dataDir();
        boolean hadDatabase = Files.exists(dir.database());
        Recovery.restore(dir, backup);
        PrintWriter out = spec.commandLine().getOut();
        if (hadDatabase) {
            out.println("The previous database was moved to " + dir.broken() + " (kept, not deleted).");
        }
        try (Workstation ws = openWorkstation()) {
            ws.auditLog().record(new AuditRecord(ws.wallClock().instant(), cliActor(),
                    AuditAction.DATABASE_RESTORE, backup.getFileName().toString(), AuditRecord.Outcome.SUCCESS,
                    "switchboard db restore"));
            out.println("Restored " + dir.database() + " from " + backup + " (integrity "
                    + ws.database().check().quickCheck() + ")");
        }
        return 0;
    }

    static void printWayOut(PrintWriter err, DatabaseCorruptException e) {
        err.println("switchboard: " + e.getMessage());
        err.println("SQLite said: " + e.detail());
        e.newestBackup().ifPresentOrElse(
                b -> err.println("Way out: switchboard db restore " + b.file() + "   (newest backup, "
                        + WHEN.format(b.createdAt()) + ")"),
                () -> err.println("There is no backup to restore."));
        err.println("Or start the workstation and choose 'Start fresh': the broken file is moved to "
                + e.file().resolveSibling("broken") + ", nothing is deleted.");
    }

    static String describe(BackupInfo b) {
        return b.file() + "  (" + WHEN.format(b.createdAt()) + ", " + b.reason() + ", "
                + ByteSize.format(b.sizeBytes()) + ")";
    }
}
