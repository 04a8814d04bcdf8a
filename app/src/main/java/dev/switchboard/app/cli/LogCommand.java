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
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code switchboard log verify|checkpoint|key}: the tamper-evident event log. */
@Command(name = "log", description = "Work with the tamper-evident event log.", mixinStandardHelpOptions = true)
public final class LogCommand extends DataDirCommand {

    private static final Pattern FINGERPRINT = Pattern.compile("(?i)[0-9a-f]{4}(-[0-9a-f]{4}){7}");

    /**
     * Exit 0 when everything verifies, 1 when anything is broken, truncated, rewritten or deleted (each named) or the
     * session asked for is unknown, 2 when the database is unreadable.
     */
    @Command(name = "verify", description = "Verify the SHA-256 chain of every session (or one), the signed "
            + "checkpoints (truncated or rewritten chains), the session rows against their chained records, and "
            + "with --recordings every recording against its seal.")
    int verify(@Option(names = "--session", paramLabel = "ID", description = "Only this session.") String session,
               @Option(names = "--recordings", description = "Also read every recording and compare it with the "
                       + "checksum sealed on its chain (reads every WAV: takes a while).") boolean recordings,
               @Option(names = "--keys", paramLabel = "FILE", description = "The seats' checkpoint key fingerprints, "
                       + "one a line (as 'log key' prints them; # starts a comment): checkpoints signed by any other "
                       + "key are reported as an unknown signer.") Path keys) {
        PrintWriter out = spec.commandLine().getOut();
        Optional<SessionId> only = Optional.ofNullable(session).map(LogCommand::sessionId);
        Set<String> expected = keys == null ? null : readKeys(keys);
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
            int unknown = 0;
            for (Checkpoints.Signer s : report.signers()) {
                if (expected != null && !s.thisSeat() && !expected.contains(s.fingerprint())) {
                    out.println("UNKNOWN SIGNER: " + s.checkpoints() + " checkpoint(s) on " + s.chain()
                            + " are signed with key " + s.fingerprint() + ", which is not in " + keys
                            + " (no seat of yours signed them; they are not evidence for the log)");
                    unknown++;
                }
            }
            if (expected != null && only.isEmpty()) {
                Set<String> seen = new HashSet<>();
                report.signers().forEach(s -> seen.add(s.fingerprint()));
                for (String k : expected) {
                    if (!seen.contains(k)) {
                        out.println("MISSING SIGNER: key " + k + " in " + keys + " has no checkpoint in this log (its "
                                + "seat never closed a command or window here, or its checkpoints were deleted)");
                        unknown++;
                    }
                }
            }
            if (!report.problems().isEmpty() || unknown > 0) {
                out.println((report.problems().size() + unknown) + " problem(s) found.");
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
            out.println("  Each key should be one seat's: compare with 'switchboard log key' on every seat, or give "
                    + "their list with --keys FILE; a key no seat has means checkpoints were signed elsewhere.");
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
            out.println("(Collect every seat's line in a file for 'switchboard log verify --keys FILE'.)");
            out.println("Public key (Ed25519, X.509, Base64): "
                    + Base64.getEncoder().encodeToString(checkpoints.key().publicKey()));
            out.println("Checkpoints are signed on: " + checkpoints.chain());
            return 0;
        }
    }

    /** The fingerprints in {@code file}; a line that is not one is named with the way out. */
    private static Set<String> readKeys(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new InputException(file, 0, "--keys", "cannot be read (" + e.getMessage() + "); give a text file "
                    + "with one key fingerprint a line, as 'switchboard log key' prints it on each seat");
        }
        Set<String> out = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).replaceFirst("#.*", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            if (!FINGERPRINT.matcher(line).matches()) {
                throw new InputException(file, i + 1, "fingerprint", "'" + line + "' is not a key fingerprint; "
                        + "write it as 'switchboard log key' prints it, e.g. 3f2a-91c0-0b7e-55d1-8c02-aa13-9e4f-2b60");
            }
            out.add(line.toLowerCase(Locale.ROOT));
        }
        return out;
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
