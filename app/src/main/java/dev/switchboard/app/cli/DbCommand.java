package dev.switchboard.app.cli;

import dev.switchboard.app.ByteSize;
import dev.switchboard.app.Workstation;
import dev.switchboard.core.account.AuditAction;
import dev.switchboard.core.account.AuditRecord;
import dev.switchboard.store.BackupInfo;
import dev.switchboard.store.Backups;
import dev.switchboard.store.CheckReport;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.Database;
import dev.switchboard.store.DatabaseCorruptException;
import dev.switchboard.store.DatabaseServer;
import dev.switchboard.store.SeatMigration;
import dev.switchboard.store.ServerCheckReport;
import dev.switchboard.store.Recovery;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code switchboard db check|backup|backups|restore|migrate}: the database's health and its backups, and moving a
 * seat to the training center's server.
 */
@Command(name = "db", description = "Check, back up and restore the database.", mixinStandardHelpOptions = true)
public final class DbCommand extends DataDirCommand {

    static final String SERVER_BACKUPS = "Backups of a server database are taken by its administrator (pg_dump).";

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    /** Runs PRAGMA quick_check and prints what the database holds; exit 0 when healthy, 2 when not. */
    @Command(name = "check", description = "Check the database's integrity and print what it holds.")
    int check() {
        PrintWriter out = spec.commandLine().getOut();
        Optional<DatabaseServer> server = main.databaseServer();
        if (server.isPresent()) {
            return checkServer(out);
        }
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

    private int checkServer(PrintWriter out) {
        try (Workstation ws = openWorkstation()) {
            ServerCheckReport report = ws.database().serverCheck();
            out.println("Database:      " + report.server());
            out.println("Server:        " + report.serverVersion());
            out.println("Schema:        version " + report.schemaVersion());
            out.println("Event log:     " + report.eventLogEntries() + " entries in " + report.chains() + " chains");
            out.println("Accounts:      " + report.accounts());
            out.println("Sessions:      " + report.sessions() + " (" + report.recordings() + " recordings)");
            out.println("Backups:       " + SERVER_BACKUPS);
            return 0;
        }
    }

    /** Copies this seat's own database into a server database; refuses when any id is already there. */
    @Command(name = "migrate", description = "Copy this seat's accounts, sessions, recordings catalogue and event "
            + "log into a training center's PostgreSQL server, then verify every copied chain there. Nothing on the "
            + "server is overwritten or merged: any id already there is reported and nothing is copied.")
    int migrate(@Option(names = "--to", paramLabel = "URL", required = true,
            description = "The server, e.g. jdbc:postgresql://host:5432/switchboard (password as for --database).")
                String to) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (main.databaseServer().isPresent()) {
            err.println("switchboard: db migrate copies this seat's own database file; leave out --database (and "
                    + "SWITCHBOARD_DATABASE) and give the server with --to.");
            return 2;
        }
        DataDir dir = dataDir();
        if (!Files.exists(dir.database())) {
            err.println("switchboard: there is no database on this seat at " + dir.database() + "; nothing to copy.");
            return 2;
        }
        DatabaseServer target = DatabaseServer.resolve(to, main.databasePasswordFile(), System.getenv()).orElseThrow();
        try (Workstation ws = openWorkstation();
             Database server = Database.openServer(dir, target)) {
            SeatMigration.Result result = new SeatMigration(ws.database(), server).run();
            if (!result.conflicts().isEmpty()) {
                err.println("switchboard: nothing was copied to " + target.display() + ": "
                        + result.conflicts().size() + " id(s) are already there.");
                result.conflicts().forEach(c -> err.println("  " + c));
                err.println("Way out: this seat was probably copied before; check with 'switchboard --database "
                        + to + " db check'.");
                return 2;
            }
            out.println("Copied to " + target.display() + ": " + result.accounts() + " accounts, " + result.sessions()
                    + " sessions, " + result.recordings() + " recordings, " + result.chains() + " event-log chains ("
                    + result.entries() + " entries).");
            if (result.auditKeptOnSeat()) {
                out.println("The seat's audit trail stays in " + dir.database() + " (the server keeps its own; a "
                        + "hash chain cannot be merged into another). 'switchboard log verify' still checks it.");
            }
            long megabytes = (result.recordingBytes() + 999_999) / 1_000_000;
            out.println(result.recordingFiles() + " recording file(s) (" + megabytes + " MB) copied into the "
                    + "server's database, each checked there by SHA-256, so every seat can play them; this seat keeps "
                    + "its files under " + dir.recordings() + ".");
            result.recordingProblems().forEach(p -> out.println("  " + p));
            if (result.checkpoints() > 0) {
                out.println(result.checkpoints() + " signed checkpoint entr" + (result.checkpoints() == 1 ? "y" : "ies")
                        + " carried onto this seat's own checkpoint chain on the server ('switchboard log key' names "
                        + "the key; 'log verify' lists it).");
            }
            result.checkpointProblems().forEach(p -> out.println("  " + p));
            if (result.brokenChain().isPresent()) {
                err.println("switchboard: a copied chain does not verify on the server: " + result.brokenChain().get());
                return 2;
            }
            out.println("Every copied chain verifies on the server.");
            return 0;
        }
    }

    /** Takes a snapshot with VACUUM INTO under the data dir's backups folder. */
    @Command(name = "backup", description = "Take a backup now (VACUUM INTO under backups/; the last 7 are kept).")
    int backup() {
        if (refusedOnServer()) {
            return 2;
        }
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
        if (refusedOnServer()) {
            return 2;
        }
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
        if (refusedOnServer()) {
            return 2;
        }
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

    /** The seat's backup commands do not apply to a server database: say so instead of failing strangely. */
    private boolean refusedOnServer() {
        Optional<DatabaseServer> server = main.databaseServer();
        if (server.isEmpty()) {
            return false;
        }
        spec.commandLine().getErr().println("switchboard: " + server.get().display() + " is a server database; "
                + "this seat's backup commands do not apply to it. " + SERVER_BACKUPS);
        return true;
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
