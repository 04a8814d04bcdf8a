package dev.switchboard.workflow.engine;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as written: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, or ISO-8601 ({@code PT5M}). */
public final class Durations {

    private static final Pattern SHORT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)");

    private Durations() {
    }

    /**
     * The duration written as {@code text}.
     *
     * @throws IllegalArgumentException saying what forms are understood
     */
    public static Duration parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        Matcher m = SHORT.matcher(t);
        if (m.matches()) {
            double n = Double.parseDouble(m.group(1));
            long millis = switch (m.group(2)) {
                case "ms" -> (long) n;
                case "s" -> (long) (n * 1000);
                case "m" -> (long) (n * 60_000);
                default -> (long) (n * 3_600_000);
            };
            return Duration.ofMillis(millis);
        }
        try {
            return Duration.parse(text.strip().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (e.g. 500ms, 30s, 5m, 2h or PT5M)");
        }
    }

    /** The short form, e.g. {@code 90s} or {@code 5m}. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0 && ms > 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0 && ms > 0) {
            return ms / 60_000 + "m";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms + "ms";
    }
}
