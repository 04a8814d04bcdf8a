package dev.switchboard.app.cli;

import dev.switchboard.app.Workstation;
import dev.switchboard.core.error.InputException;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.store.DatabaseCorruptException;
import dev.switchboard.store.eventlog.VerifyReport;
import dev.switchboard.store.integrity.Checkpoint;
import dev.switchboard.store.integrity.Checkpoints;
import dev.switchboard.store.integrity.IntegrityCheck;
import dev.switchboard.store.integrity.IntegrityProblem;
import java.io.PrintWriter;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code switchboard log verify|checkpoint|key}: the tamper-evident event log. */
@Command(name = "log", description = "Work with the tamper-evident event log.", mixinStandardHelpOptions = true)
public final class LogCommand extends DataDirCommand {

    /**
     * Exit 0 when everything verifies, 1 when anything is broken, truncated, rewritten or deleted (each named) or the
     * session asked for is unknown, 2 when the database is unreadable.
     */
    @Command(name = "verify", description = "Verify the SHA-256 chain of every session (or one), the signed "
            + "checkpoints (truncated or rewritten chains), the session rows against their chained records, and "
            + "with --recordings every recording against its seal.")
    int verify(@Option(names = "--session", paramLabel = "ID", description = "Only this session.") String session,
               @Option(names = "--recordings", description = "Also read every recording and compare it with the "
                       + "checksum sealed on its chain (reads every WAV: takes a while).") boolean recordings) {
        PrintWriter out = spec.commandLine().getOut();
        Optional<SessionId> only = Optional.ofNullable(session).map(LogCommand::sessionId);
        try (Workstation ws = openWorkstation()) {
            IntegrityCheck.Report report = ws.integrityCheck(recordings).run(only);
            VerifyReport walk = report.chains();
            double seconds = Math.max(walk.elapsed().toNanos(), 1) / 1e9;
            out.printf(Locale.ROOT, "Checked %d entries in %d chain(s) in %.3f s (%.0f entries/s)%n",
                    walk.entriesChecked(), walk.chainsChecked(), seconds, walk.entriesChecked() / seconds);
            out.println(report.newest().map(c -> "Newest checkpoint: #" + c.number() + " of " + c.taken() + ", "
                    + c.chains() + " chains, signed by key " + c.keyFingerprint()).orElse("No checkpoint yet "
                    + "(one is signed when a command or the window closes, and before every backup)."));
            out.println("This installation's checkpoint key: " + report.keyFingerprint());
            printSigners(out, report);
            if (!report.known()) {
                out.println("UNKNOWN: there is no session " + session + " (no row, no record, no log entries).");
                return 1;
            }
            for (IntegrityProblem p : report.problems()) {
                out.println(label(p.kind()) + ": " + p);
            }
            if (!report.problems().isEmpty()) {
                out.println(report.problems().size() + " problem(s) found.");
                return 1;
            }
            out.println(only.isPresent() ? "OK: session " + session + " verifies." : "OK: every chain verifies.");
            return 0;
        } catch (DatabaseCorruptException e) {
            DbCommand.printWayOut(spec.commandLine().getErr(), e);
            return 2;
        }
    }

    /** Signs a checkpoint now (when anything changed) and prints the newest for a paper record. */
    @Command(name = "checkpoint", description = "Sign a checkpoint of every chain head now, and print the newest "
            + "checkpoint as a record to keep on paper.")
    int checkpoint(@Option(names = "--no-new", description = "Only print the newest checkpoint.") boolean noNew) {
        PrintWriter out = spec.commandLine().getOut();
        try (Workstation ws = openWorkstation()) {
            Optional<Checkpoint> taken = noNew ? Optional.empty() : ws.checkpoints().take();
            Optional<Checkpoint> newest = taken.isPresent() ? taken : ws.checkpoints().newest();
            if (newest.isEmpty()) {
                out.println("No checkpoint yet: the event log is empty.");
                return 0;
            }
            if (!noNew && taken.isEmpty()) {
                out.println("Nothing changed since the newest checkpoint.");
                out.println();
            }
            out.print(newest.get().printable());
            return 0;
        }
    }

    /**
     * Lists every key that signed checkpoints here, so an auditor can hold the list against each seat's
     * {@code switchboard log key}: a key no seat owns means someone signed checkpoints of their own.
     */
    private static void printSigners(PrintWriter out, IntegrityCheck.Report report) {
        if (report.signers().isEmpty()) {
            return;
        }
        out.println("Checkpoints signed by " + report.signers().size() + " key(s):");
        for (Checkpoints.Signer s : report.signers()) {
            out.printf(Locale.ROOT, "  %s%s: %d checkpoint(s), %s to %s%n", s.fingerprint(),
                    s.thisSeat() ? " (this seat's key)" : "", s.checkpoints(), s.first(), s.newest());
        }
        if (report.signers().stream().anyMatch(s -> !s.thisSeat())) {
            out.println("  Each key should be one seat's: compare with 'switchboard log key' on every seat; a key no "
                    + "seat has means checkpoints were signed elsewhere.");
        }
    }

    /** Prints this installation's checkpoint key, for an auditor to compare with {@code log verify}'s list. */
    @Command(name = "key", description = "Print this installation's checkpoint signing key (its fingerprint and "
            + "the public key), to compare with the keys 'log verify' lists.")
    int key() {
        PrintWriter out = spec.commandLine().getOut();
        try (Workstation ws = openWorkstation()) {
            Checkpoints checkpoints = ws.checkpoints();
            out.println("Checkpoint key fingerprint: " + checkpoints.key().fingerprint());
            out.println("Public key (Ed25519, X.509, Base64): "
                    + Base64.getEncoder().encodeToString(checkpoints.key().publicKey()));
            out.println("Checkpoints are signed on: " + checkpoints.chain());
            return 0;
        }
    }

    private static String label(IntegrityProblem.Kind kind) {
        return switch (kind) {
            case BROKEN -> "BROKEN";
            case TRUNCATED -> "TRUNCATED";
            case REWRITTEN -> "REWRITTEN";
            case DELETED -> "DELETED";
            case SESSION -> "SESSION ROW";
            case CHECKPOINT -> "CHECKPOINT";
            case RECORDING -> "RECORDING";
            case TRIGGER -> "TRIGGER";
        };
    }

    private static SessionId sessionId(String text) {
        try {
            return new SessionId(text);
        } catch (IllegalArgumentException e) {
            throw InputException.field("--session", e.getMessage());
        }
    }
}
