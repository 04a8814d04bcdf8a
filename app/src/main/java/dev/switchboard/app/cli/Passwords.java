package dev.switchboard.app.cli;

import dev.switchboard.app.Workstation;
import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.LogonResult;
import dev.switchboard.core.error.InputException;
import dev.switchboard.core.error.SwitchboardException;
import dev.switchboard.core.io.TextFiles;
import java.io.Console;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the commands' passwords come from, in this order: a file whose first line is the password (at most 4 KB,
 * UTF-8), the environment variable {@value #ENV}, or the console. Never from the command line itself, where other
 * users would see it in the process list.
 */
final class Passwords {

    /** Where the password may come from when no file is given. */
    static final String ENV = "SWITCHBOARD_PASSWORD";

    private static final long MAX_FILE_BYTES = 4096;

    private Passwords() {
    }

    /**
     * The password from {@code file}, else {@value #ENV} (when {@code envAllowed}), else the console.
     *
     * @param option the option that names the file, for messages
     * @param prompt what the console asks, e.g. "Password for aiko: "
     */
    static char[] read(Path file, String option, boolean envAllowed, String prompt) {
        if (file != null) {
            List<String> lines = TextFiles.readUtf8Lines(file, MAX_FILE_BYTES, "a password file");
            if (lines.isEmpty() || lines.get(0).isEmpty()) {
                throw new InputException(file, 1, "password", "the file's first line is empty");
            }
            return lines.get(0).toCharArray();
        }
        String env = envAllowed ? System.getenv(ENV) : null;
        if (env != null && !env.isEmpty()) {
            return env.toCharArray();
        }
        Console console = System.console();
        if (console == null) {
            throw InputException.field(option, "no password: give " + option + " FILE" + (envAllowed ? " or set $"
                    + ENV : "") + " (no console to ask on)");
        }
        char[] typed = console.readPassword("%s", prompt);
        if (typed == null || typed.length == 0) {
            throw InputException.field("password", "none typed");
        }
        return typed;
    }

    /** Signs {@code username} in (audited by the account service); refused sign-ins end the command. */
    static Account signIn(Workstation ws, String username, Path passwordFile, String option) {
        char[] password = read(passwordFile, option, true, "Password for " + username + ": ");
        LogonResult result = ws.accounts().logon(username, password);
        return switch (result) {
            case LogonResult.Accepted accepted -> accepted.account();
            case LogonResult.Refused refused -> throw new SwitchboardException("Sign-in as " + username
                    + " refused: " + refused.reason(), "Check --as and the password.");
        };
    }
}
