package dev.switchboard.app.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.switchboard.app.Workstation;
import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.AccountService;
import dev.switchboard.core.account.Role;
import dev.switchboard.core.error.InputException;
import dev.switchboard.core.io.TextFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code switchboard accounts add|list|disable|enable|reset-password|import}: the Accounts page without a window,
 * for a training center that sets up many trainees at once. Every command but the very first {@code add} on an
 * empty store signs in with {@code --as} an instructor; every change is audited as in the window (the account
 * service does it). Passwords come from files or the console, never from the command line.
 */
@Command(name = "accounts", description = "Manage local accounts: add, list, disable, enable, reset a password, "
        + "import many from CSV. Sign in with --as an instructor (except for the first instructor of an empty "
        + "store).", mixinStandardHelpOptions = true)
public final class AccountsCommand extends DataDirCommand {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_CSV_BYTES = 1024 * 1024;
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /** The instructor's sign-in, shared by the sub-commands. */
    static final class Instructor {
        @Option(names = "--as", paramLabel = "INSTRUCTOR", description = "The instructor account to act as.")
        String username;

        @Option(names = "--as-password-file", paramLabel = "FILE", description = "A file whose first line is the "
                + "instructor's password. Else $" + Passwords.ENV + ", else the console asks.")
        Path passwordFile;
    }

    @Command(name = "add", description = "Add an account. On an empty store the first account is an instructor "
            + "and needs no sign-in.")
    int add(@Parameters(paramLabel = "USER") String username,
            @Option(names = "--role", required = true, paramLabel = "ROLE",
                    description = "trainee, supervisor or instructor") String role,
            @Option(names = "--password-file", paramLabel = "FILE", description = "A file whose first line is the "
                    + "new account's password (else the console asks).") Path passwordFile,
            @Option(names = "--name", paramLabel = "NAME", description = "Display name (default: the user name).")
            String name,
            @picocli.CommandLine.Mixin Instructor as) {
        Role r = role(role, "--role", null, 0);
        PrintWriter out = spec.commandLine().getOut();
        try (Workstation ws = openWorkstation()) {
            AccountService accounts = ws.accounts();
            if (accounts.needsFirstInstructor() && as.username == null) {
                if (r != Role.INSTRUCTOR) {
                    throw InputException.field("--role", "the first account of an empty store must be an instructor "
                            + "(it manages the others)");
                }
                char[] password = Passwords.read(passwordFile, "--password-file", false,
                        "Password for the new instructor " + username + ": ");
                Account created = accounts.createFirstInstructor(username, name, password);
                out.println("Added the first instructor " + created.username() + " (" + created.displayName() + ").");
                return 0;
            }
            Account actor = signIn(ws, as);
            char[] password = Passwords.read(passwordFile, "--password-file", false,
                    "Password for the new account " + username + ": ");
            Account created = accounts.createAccount(actor, username, name, r, password);
            out.println("Added " + created.role().label().toLowerCase(Locale.ROOT) + " " + created.username() + " ("
                    + created.displayName() + ").");
            return 0;
        }
    }

    @Command(name = "list", description = "List every account.")
    int list(@Option(names = "--json", description = "Print JSON instead of a table.") boolean json,
             @picocli.CommandLine.Mixin Instructor as) {
        PrintWriter out = spec.commandLine().getOut();
        try (Workstation ws = openWorkstation()) {
            List<Account> all = ws.accounts().list(signIn(ws, as));
            if (json) {
                ArrayNode array = JSON.createArrayNode();
                for (Account a : all) {
                    ObjectNode n = array.addObject();
                    n.put("username", a.username());
                    n.put("name", a.displayName());
                    n.put("role", a.role().name().toLowerCase(Locale.ROOT));
                    n.put("active", a.active());
                    n.put("created", a.createdAt().toString());
                    n.put("lastSignIn", a.lastLogonAt() == null ? null : a.lastLogonAt().toString());
                }
                out.println(array.toPrettyString());
            } else {
                out.printf(Locale.ROOT, "%-24s %-28s %-11s %s%n", "USER", "NAME", "ROLE", "STATE");
                for (Account a : all) {
                    out.printf(Locale.ROOT, "%-24s %-28s %-11s %s%n", a.username(), a.displayName(), a.role().label(),
                            a.active() ? "enabled" : "disabled");
                }
                out.println(all.size() + " accounts");
            }
            return 0;
        }
    }

    @Command(name = "disable", description = "Disable an account: it can no longer sign in; its sessions stay.")
    int disable(@Parameters(paramLabel = "USER") String username, @picocli.CommandLine.Mixin Instructor as) {
        return setActive(username, false, as);
    }

    @Command(name = "enable", description = "Enable a disabled account (and clear a lockout).")
    int enable(@Parameters(paramLabel = "USER") String username, @picocli.CommandLine.Mixin Instructor as) {
        return setActive(username, true, as);
    }

    @Command(name = "reset-password", description = "Set a new password for an account that forgot theirs: from "
            + "--password-file, else a random one printed once.")
    int resetPassword(@Parameters(paramLabel = "USER") String username,
                      @Option(names = "--password-file", paramLabel = "FILE") Path passwordFile,
                      @picocli.CommandLine.Mixin Instructor as) {
        PrintWriter out = spec.commandLine().getOut();
        try (Workstation ws = openWorkstation()) {
            Account actor = signIn(ws, as);
            Account target = existing(ws, username);
            char[] password = passwordFile != null ? Passwords.read(passwordFile, "--password-file", false, "")
                    : randomPassword();
            String shown = passwordFile == null ? new String(password) : null;
            ws.accounts().resetPassword(actor, target.id(), password);
            out.println("New password set for " + target.username() + (shown == null ? "." : ": " + shown
                    + "   (shown once; give it to them and ask them to change it)"));
            return 0;
        }
    }

    @Command(name = "import", description = "Add many accounts from a CSV file with a header row: username, name, "
            + "role[, password]. Every row is checked first; nothing is added unless all are good. Rows without a "
            + "password get a random one, printed once.")
    int importCsv(@Parameters(paramLabel = "FILE.csv") Path file, @picocli.CommandLine.Mixin Instructor as) {
        List<Row> rows = readCsv(file);
        PrintWriter out = spec.commandLine().getOut();
        try (Workstation ws = openWorkstation()) {
            Account actor = signIn(ws, as);
            for (Row r : rows) {
                if (ws.accounts().byUsername(r.username).isPresent()) {
                    throw new InputException(file, r.line, "username", "'" + r.username + "' already exists; "
                            + "nothing was imported");
                }
            }
            for (Row r : rows) {
                char[] password = r.password.isEmpty() ? randomPassword() : r.password.toCharArray();
                String shown = r.password.isEmpty() ? new String(password) : null;
                Account created;
                try {
                    created = ws.accounts().createAccount(actor, r.username, r.name, r.role, password);
                } catch (InputException e) {
                    throw new InputException(file, r.line, e.field(), e.problem() + " (rows before this one were "
                            + "added)");
                }
                out.println("Added " + created.role().label().toLowerCase(Locale.ROOT) + " " + created.username()
                        + (shown == null ? "" : "   password: " + shown));
            }
            out.println(rows.size() + " accounts imported." + (rows.stream().anyMatch(r -> r.password.isEmpty())
                    ? " Passwords shown once; hand them out and ask each person to change theirs." : ""));
            return 0;
        }
    }

    private int setActive(String username, boolean active, Instructor as) {
        try (Workstation ws = openWorkstation()) {
            Account actor = signIn(ws, as);
            Account target = existing(ws, username);
            ws.accounts().setActive(actor, target.id(), active);
            spec.commandLine().getOut().println((active ? "Enabled " : "Disabled ") + target.username() + ".");
            return 0;
        }
    }

    private static Account signIn(Workstation ws, Instructor as) {
        if (as.username == null) {
            throw InputException.field("--as", "sign in as an instructor (--as USER) to manage accounts");
        }
        return Passwords.signIn(ws, as.username, as.passwordFile, "--as-password-file");
    }

    private static Account existing(Workstation ws, String username) {
        return ws.accounts().byUsername(username).orElseThrow(() -> InputException.field("USER",
                "no account '" + username + "' (see 'switchboard accounts list')"));
    }

    private static Role role(String text, String field, Path file, int line) {
        try {
            return Role.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String problem = "'" + text + "' is not a role; use trainee, supervisor or instructor";
            throw file == null ? InputException.field(field, problem) : new InputException(file, line, field, problem);
        }
    }

    private record Row(int line, String username, String name, Role role, String password) {
    }

    /** The CSV's rows, all checked before any is used ({@code file:line: field: message} on the first bad one). */
    static List<Row> readCsv(Path file) {
        String text = TextFiles.readUtf8(file, MAX_CSV_BYTES, "an accounts CSV file");
        CsvMapper csv = new CsvMapper();
        List<Row> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (MappingIterator<Map<String, String>> it = csv.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader().withColumnReordering(true)).readValues(text)) {
            while (it.hasNextValue()) {
                Map<String, String> raw = it.nextValue();
                JsonLocation at = it.getCurrentLocation();
                int line = at == null ? 0 : Math.max(1, at.getLineNr() - (at.getColumnNr() <= 1 ? 1 : 0));
                Map<String, String> cells = new LinkedHashMap<>();
                raw.forEach((k, v) -> cells.put(k.trim().toLowerCase(Locale.ROOT), v == null ? "" : v.trim()));
                String username = cells.getOrDefault("username", "");
                if (username.isEmpty()) {
                    throw new InputException(file, line, "username", "is empty (the header needs username, name, "
                            + "role[, password])");
                }
                if (!seen.add(username.toLowerCase(Locale.ROOT))) {
                    throw new InputException(file, line, "username", "'" + username + "' appears twice");
                }
                String roleText = cells.getOrDefault("role", "");
                Role r = role(roleText.isEmpty() ? "trainee" : roleText, "role", file, line);
                String password = cells.getOrDefault("password", "");
                if (!password.isEmpty() && password.length() < AccountService.MIN_PASSWORD_LENGTH) {
                    throw new InputException(file, line, "password", "use at least "
                            + AccountService.MIN_PASSWORD_LENGTH + " characters");
                }
                rows.add(new Row(line, username, cells.getOrDefault("name", ""), r, password));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InputException ie) {
                throw ie;
            }
            throw new InputException(file, 0, null, "is not CSV this command reads: " + firstLine(e.getMessage()));
        }
        if (rows.isEmpty()) {
            throw new InputException(file, 0, null, "has no accounts (a header row, then one row per account)");
        }
        return rows;
    }

    private static char[] randomPassword() {
        SecureRandom random = new SecureRandom();
        char[] out = new char[14];
        for (int i = 0; i < out.length; i++) {
            out[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return out;
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }
}
