package dev.switchboard.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.app.Workstation;
import dev.switchboard.core.account.Account;
import dev.switchboard.core.error.InputException;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.review.engine.ReviewService;
import dev.switchboard.review.engine.SessionReport;
import dev.switchboard.review.model.SessionQuery;
import dev.switchboard.review.model.SessionRow;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code switchboard review list|export}: recorded sessions without a window. The command acts as a workstation
 * account, signed in with {@code --as USER} and a password (from {@code --password-file}, the environment
 * variable {@value #PASSWORD_ENV}, or typed at the console); that account's role decides what it may see, exactly
 * as in the Review workspace: a trainee lists and exports only their own sessions. The logon and every export
 * are audited.
 */
@Command(name = "review", description = "Recorded sessions: list them, export a report (PDF) or scores (CSV). "
        + "Sign in with --as USER; a trainee sees only their own sessions.", mixinStandardHelpOptions = true)
public final class ReviewCommand extends DataDirCommand {

    /** Where the password may come from when no --password-file is given. */
    public static final String PASSWORD_ENV = Passwords.ENV;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    /** Lists the sessions the account may see, newest first. */
    @Command(name = "list", description = "List sessions, newest first (JSON: an array of sessions, each with id).")
    int list(@Mixin SignInMixin signIn,
             @Option(names = "--trainee", paramLabel = "U", description = "Only this trainee (user name, display "
                     + "name or part of it, or user id).") String trainee,
             @Option(names = "--search", paramLabel = "WORDS", description = "Only calls whose transcript holds "
                     + "all these words.") String search,
             @Option(names = "--limit", defaultValue = "1000") int limit,
             @Option(names = "--json", description = "Print JSON instead of a table.") boolean json) {
        PrintWriter out = spec.commandLine().getOut();
        try (Workstation ws = openWorkstation()) {
            ReviewService service = service(ws, signIn);
            service.indexPending();
            SessionQuery q = SessionQuery.all(Math.max(1, Math.min(limit, SessionQuery.MAX_LIMIT)))
                    .withTrainee(traineeFilter(ws, trainee)).withTranscript(search);
            List<SessionRow> rows = service.list(q);
            if (json) {
                ArrayNode array = JSON.createArrayNode();
                rows.forEach(r -> array.add(json(r)));
                out.println(array.toPrettyString());
            } else {
                out.printf(Locale.ROOT, "%-26s %-20s %-12s %-16s %8s %5s %-11s %s%n", "ID", "TRAINEE", "KIND",
                        "DATE", "DURATION", "SCORE", "STATUS", "SCENARIO");
                for (SessionRow r : rows) {
                    out.printf(Locale.ROOT, "%-26s %-20s %-12s %-16s %8s %5s %-11s %s%n", r.id(),
                            cut(r.traineeName(), 20), r.kind(), WHEN.format(r.startedAt()),
                            r.durationMs() == null ? "" : SessionReport.clock(r.durationMs()),
                            r.score() == null ? "" : String.format(Locale.ROOT, "%.0f", r.score()), r.status().text(),
                            r.title());
                }
                out.println(rows.size() + " sessions");
            }
            return 0;
        }
    }

    /** Writes a session's report as PDF and/or the scores across sessions as CSV. */
    @Command(name = "export", description = "Export SESSION's report as PDF (--pdf) and/or the scores of every "
            + "session you may see as CSV (--csv, one row per session, one column per rubric item).")
    int export(@Mixin SignInMixin signIn,
               @Parameters(paramLabel = "SESSION", arity = "0..1") String session,
               @Option(names = "--pdf", paramLabel = "FILE") Path pdf,
               @Option(names = "--csv", paramLabel = "FILE") Path csv,
               @Option(names = "--trainee", paramLabel = "U", description = "CSV: only this trainee.") String trainee,
               @Option(names = "--force", description = "Replace an existing output file (never the database, a "
                       + "backup, a recording or a folder).") boolean force) {
        if (pdf == null && csv == null) {
            throw InputException.field("--pdf/--csv", "give --pdf FILE (with SESSION) or --csv FILE, or both");
        }
        if (pdf != null && session == null) {
            throw InputException.field("SESSION", "--pdf needs the session id (see 'switchboard review list')");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Workstation ws = openWorkstation()) {
            // Refused before signing in or writing anything: an output over the database, a folder, an existing file.
            for (Path target : new Path[] {pdf, csv}) {
                if (target != null) {
                    ws.safeOutput(force).check(target);
                }
            }
            ReviewService service = service(ws, signIn);
            if (pdf != null) {
                service.exportPdf(sessionId(session), pdf, force);
                out.println("Report written: " + pdf.toAbsolutePath());
            }
            if (csv != null) {
                int n = service.exportScoresCsv(SessionQuery.all(SessionQuery.MAX_LIMIT)
                        .withTrainee(traineeFilter(ws, trainee)), csv, force);
                out.println("Scores of " + n + " sessions written: " + csv.toAbsolutePath());
            }
            return 0;
        }
    }

    /** The sign-in options, shared by every sub-command. */
    static final class SignInMixin {
        @Option(names = "--as", paramLabel = "USER", required = true,
                description = "The account to act as; its role decides what is shown.")
        String username;

        @Option(names = "--password-file", paramLabel = "FILE",
                description = "A file whose first line is the password. Else $" + PASSWORD_ENV
                        + ", else the console asks.")
        Path passwordFile;
    }

    private ReviewService service(Workstation ws, SignInMixin signIn) {
        Account account = Passwords.signIn(ws, signIn.username, signIn.passwordFile, "--password-file");
        return new ReviewService(ws.eventLog(), ws.auditLog(), ws.dataDir().recordings(), ws.wallClock(), account);
    }

    /** A user name given to --trainee is turned into that account's id, so "--trainee aiko" works. */
    private static String traineeFilter(Workstation ws, String trainee) {
        if (trainee == null || trainee.isBlank()) {
            return null;
        }
        return ws.database().jdbi().withHandle(h -> h.createQuery(
                        "SELECT id FROM account WHERE username = :u COLLATE NOCASE")
                .bind("u", trainee.trim()).mapTo(String.class).findOne()).orElse(trainee.trim());
    }

    private static SessionId sessionId(String text) {
        try {
            return new SessionId(text);
        } catch (IllegalArgumentException e) {
            throw InputException.field("SESSION", e.getMessage());
        }
    }

    private static ObjectNode json(SessionRow r) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", r.id().value());
        n.put("traineeId", r.trainee().value());
        n.put("trainee", r.traineeName());
        n.put("kind", r.kind());
        n.put("title", r.title());
        n.put("startedAt", r.startedAt().toString());
        if (r.durationMs() == null) {
            n.putNull("durationMs");
        } else {
            n.put("durationMs", r.durationMs());
        }
        if (r.score() == null) {
            n.putNull("score");
        } else {
            n.put("score", r.score());
        }
        n.put("status", r.status().text());
        n.put("grade", r.grade() == null ? null : r.grade().name());
        return n;
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }
}
