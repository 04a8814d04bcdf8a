package dev.switchboard.app.cli;

import dev.switchboard.app.Workstation;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.store.DatabaseCorruptException;
import dev.switchboard.store.eventlog.VerifyReport;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code switchboard log verify}: walks the event log's hash chains. */
@Command(name = "log", description = "Work with the tamper-evident event log.", mixinStandardHelpOptions = true)
public final class LogCommand extends DataDirCommand {

    /** Exit 0 when every chain verifies, 1 when a row is broken (named), 2 when the database is unreadable. */
    @Command(name = "verify", description = "Verify the SHA-256 chain of every session (or one) and name the "
            + "first broken row.")
    int verify(@Option(names = "--session", paramLabel = "ID", description = "Only this session's chain.")
               String session) {
        PrintWriter out = spec.commandLine().getOut();
        try (Workstation ws = openWorkstation()) {
            VerifyReport report = ws.eventLog().verify(Optional.ofNullable(session).map(SessionId::new));
            double seconds = Math.max(report.elapsed().toNanos(), 1) / 1e9;
            out.printf(Locale.ROOT, "Checked %d entries in %d chain(s) in %.3f s (%.0f entries/s)%n",
                    report.entriesChecked(), report.chainsChecked(), seconds, report.entriesChecked() / seconds);
            if (report.firstBreak().isPresent()) {
                VerifyReport.Break b = report.firstBreak().get();
                out.println("BROKEN: session " + b.session() + ", seq " + b.seq() + " (row id " + b.rowId() + "): "
                        + b.reason());
                return 1;
            }
            out.println("OK: every chain verifies.");
            return 0;
        } catch (DatabaseCorruptException e) {
            DbCommand.printWayOut(spec.commandLine().getErr(), e);
            return 2;
        }
    }
}
