package dev.switchboard.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of the log: a command line is logged with the values of options that can carry a secret
 * replaced, and with anything shaped like a key (an {@code sk-…} API key, a bearer token, a long random string)
 * replaced wherever it stands, since a user may type a key where a name was asked for ({@code --key-env sk-…}).
 * The log file's pattern does the same for every message (see {@code logback.xml}).
 */
public final class Redaction {

    /** What a secret is replaced with. */
    public static final String MASK = "***";

    /** Options whose value may be a secret, or whose value users mistake for the place to put one. */
    static final Set<String> SECRET_OPTIONS = Set.of("--password", "--password-file", "--as-password-file",
            "--key", "--key-env", "--key-keyring", "--api-key", "--token", "--secret");

    /** API keys and tokens by their usual shapes, wherever they stand in a log message. */
    static final Pattern KEY_SHAPED = Pattern.compile(
            "(?i)\\b(?:sk|pk|rk)-[a-z0-9_\\-]{8,}"
                    + "|\\bbearer\\s+[a-z0-9._\\-+/=]{8,}"
                    + "|\\b(?:gh[pousr]_|xox[abprs]-|AKIA)[A-Za-z0-9_\\-]{8,}");
    /** In a command line also any long random-looking word: there a key is typed by hand. */
    static final Pattern RANDOM_WORD = Pattern.compile(
            "(?=[A-Za-z0-9_\\-+=]*[0-9])(?=[A-Za-z0-9_\\-+=]*[A-Za-z])\\b[A-Za-z0-9_\\-+=]{32,}");

    private Redaction() {
    }

    /** The arguments as they may be logged. */
    public static List<String> commandLine(List<String> args) {
        List<String> out = new ArrayList<>(args.size());
        boolean maskNext = false;
        for (String arg : args) {
            if (maskNext) {
                out.add(MASK);
                maskNext = false;
                continue;
            }
            int eq = arg.indexOf('=');
            String name = (eq > 0 ? arg.substring(0, eq) : arg).toLowerCase(Locale.ROOT);
            if (arg.startsWith("--") && SECRET_OPTIONS.contains(name)) {
                if (eq > 0) {
                    out.add(arg.substring(0, eq + 1) + MASK);
                } else {
                    out.add(arg);
                    maskNext = true;
                }
                continue;
            }
            out.add(RANDOM_WORD.matcher(text(arg)).replaceAll(MASK));
        }
        return out;
    }

    /** {@code text} with every key-shaped part replaced. */
    public static String text(String text) {
        return text == null ? null : KEY_SHAPED.matcher(text).replaceAll(MASK);
    }
}
