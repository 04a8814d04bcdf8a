package dev.switchboard.app.shell;

import dev.switchboard.app.Workstation;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.store.BackupInfo;
import dev.switchboard.store.CheckReport;
import dev.switchboard.store.ServerCheckReport;
import dev.switchboard.store.eventlog.VerifyReport;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One reading of what the workstation has and whether it is healthy, for the status bar and Home.
 * Taken off the FX thread: it queries the database and verifies the audit chain.
 *
 * @param location      where the data lives: the seat's database file, or the server's host, port and database
 * @param server        whether that is a training center server
 * @param serverVersion what the server says of itself; empty for the seat's own file
 * @param auditChain the audit chain's verification, or empty if it was not checked
 * @param aiOnline whether at least one use has an enabled provider whose circuit is not open
 * @param aiUsesOnline how many uses have such a provider
 * @param speech the speech engine in words, e.g. "speech: ready" or "speech: warming up"
 */
public record SystemStatus(Path databaseFile, String location, boolean server, String serverVersion,
                           boolean databaseHealthy, long sizeBytes,
                           int schemaVersion, long eventLogEntries, int accounts,
                           Optional<BackupInfo> newestBackup, int backupCount, Optional<VerifyReport> auditChain,
                           boolean aiOnline, int aiUsesOnline, String speech) {

    /** True when voice and recognition are loaded. */
    public boolean speechReady() {
        return speech.endsWith(": ready");
    }

    /** True when the voice or the recogniser failed to load (the state then says why). */
    public boolean speechUnavailable() {
        return speech.startsWith("speech: unavailable");
    }

    /** The same status with the speech engine's state read again (it changes when the background warm-up ends). */
    public SystemStatus withSpeech(String now) {
        return new SystemStatus(databaseFile, location, server, serverVersion, databaseHealthy, sizeBytes,
                schemaVersion, eventLogEntries, accounts, newestBackup, backupCount, auditChain, aiOnline, aiUsesOnline,
                now);
    }

    /** The speech state without its "speech: " prefix, for a label that already says speech. */
    public String speechState() {
        return speech.startsWith("speech: ") ? speech.substring("speech: ".length()) : speech;
    }

    /**
     * What the status bar shows at sign-in, read on the FX thread: on a server only its version and the schema
     * version (two small queries), since the bar shows no counts and counting a center's event log would hold up
     * sign-in; on the seat's own file the same as {@link #read(Workstation, boolean)}. The counts read as -1.
     */
    public static SystemStatus forStatusBar(Workstation ws) {
        if (!ws.database().isServer()) {
            return read(ws, false);
        }
        var ai = ws.ai().status();
        int usesOnline = (int) ai.uses().stream().filter(u -> u.usable()).count();
        String version = ws.database().jdbi().withHandle(h -> h.createQuery("SELECT version()").mapTo(String.class)
                .one());
        return new SystemStatus(ws.database().file(), ws.database().location(), true, version, true, -1,
                ws.database().schemaVersion(), -1, -1, Optional.empty(), 0, Optional.empty(), ai.online(), usesOnline,
                ws.speech().status());
    }

    /** Reads the database's state; with {@code verifyAudit} also walks the audit chain. */
    public static SystemStatus read(Workstation ws, boolean verifyAudit) {
        Optional<VerifyReport> audit = verifyAudit
                ? Optional.of(ws.eventLog().verify(Optional.of(SessionId.AUDIT)))
                : Optional.empty();
        var ai = ws.ai().status();
        int usesOnline = (int) ai.uses().stream().filter(u -> u.usable()).count();
        if (ws.database().isServer()) {
            // The server's own backups are its administrator's (pg_dump); this seat's backup folder says nothing.
            ServerCheckReport report = ws.database().serverCheck();
            return new SystemStatus(ws.database().file(), report.server(), true, report.serverVersion(), true, -1,
                    report.schemaVersion(), report.eventLogEntries(), (int) report.accounts(), Optional.empty(), 0,
                    audit, ai.online(), usesOnline, ws.speech().status());
        }
        CheckReport report = ws.database().check();
        boolean healthy = "ok".equals(report.quickCheck());
        var backups = ws.backups().list();
        return new SystemStatus(report.file(), report.file().toString(), false, "", healthy, report.sizeBytes(),
                report.schemaVersion(), report.eventLogEntries(), report.accounts(), backups.stream().findFirst(),
                backups.size(), audit, ai.online(), usesOnline, ws.speech().status());
    }

    /** The server's name and version without the build details, e.g. "PostgreSQL 17.6". */
    public String serverShortVersion() {
        String[] words = serverVersion.split(" ");
        return words.length >= 2 ? words[0] + " " + words[1] : serverVersion;
    }
}
