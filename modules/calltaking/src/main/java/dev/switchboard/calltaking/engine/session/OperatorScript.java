package dev.switchboard.calltaking.engine.session;

import dev.switchboard.calltaking.engine.cad.CadField;
import dev.switchboard.core.error.InputException;
import dev.switchboard.core.io.TextFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A trainee's side of a call written down, for {@code call simulate} and tests: one line the trainee says per
 * line, {@code @12} to set the time (seconds since the call rang) before a line, {@code # comments}, and commands
 * {@code /wait S}, {@code /hold S}, {@code /cad FIELD value}, {@code /confirm FIELD}, {@code /dispatch},
 * {@code /transfer fire|ems|police}, {@code /mute}, {@code /unmute}, {@code /end}. With voice, a spoken line is
 * the path of a WAV file (relative to the script's folder) instead of text.
 *
 * @param file  where it came from, for messages
 * @param steps in script order
 */
public record OperatorScript(Path file, List<Step> steps) {

    /** Transfer targets a script may name. */
    public static final Set<String> TRANSFER_TARGETS = Set.of("fire", "ems", "police");

    public OperatorScript {
        steps = List.copyOf(steps);
    }

    /** One thing the trainee does; {@code line} is its 1-based line in the file. */
    public sealed interface Step {
        int line();
    }

    /** The clock moves to {@code atMs} (never back) before the next step. */
    public record At(int line, long atMs) implements Step {
    }

    /** The trainee says {@code text} (or, with voice, plays the WAV file it names). */
    public record Say(int line, String text) implements Step {
    }

    /** Silence for {@code ms}. */
    public record Wait(int line, long ms) implements Step {
    }

    /** The caller is put on hold for {@code ms}, then the trainee comes back. */
    public record Hold(int line, long ms) implements Step {
    }

    public record Cad(int line, CadField field, String value) implements Step {
    }

    public record Confirm(int line, CadField field) implements Step {
    }

    public record Dispatch(int line) implements Step {
    }

    public record Transfer(int line, String target) implements Step {
    }

    /** {@code mute} or {@code unmute}. */
    public record Mute(int line, boolean muted) implements Step {
    }

    public record End(int line) implements Step {
    }

    /** The largest script file read: far more than any call needs, and no device such as {@code /dev/zero}. */
    public static final long MAX_BYTES = 1024 * 1024;

    /**
     * Reads and checks a script (UTF-8 text of at most {@value #MAX_BYTES} bytes).
     *
     * @throws InputException naming the file and line of the first bad line, or the file when it is not a script
     */
    public static OperatorScript read(Path file) {
        Objects.requireNonNull(file, "file");
        return parse(file, TextFiles.readUtf8Lines(file, MAX_BYTES, "an operator script"));
    }

    /**
     * Checks, before the call starts, that the script's own times (its {@code @} marks, waits and holds) stay
     * within {@code maxLengthMs}; the caller's replies only add to that.
     *
     * @throws InputException at the first line that goes past the limit
     */
    public void requireWithin(long maxLengthMs) {
        long at = 0;
        for (Step step : steps) {
            String field = null;
            switch (step) {
                case At a -> {
                    at = Math.max(at, a.atMs());
                    field = "@";
                }
                case Wait w -> {
                    at += w.ms();
                    field = "/wait";
                }
                case Hold h -> {
                    at += h.ms();
                    field = "/hold";
                }
                default -> {
                }
            }
            if (at > maxLengthMs) {
                throw new InputException(file, step.line(), field, "the script reaches " + clock(at)
                        + " here, beyond the longest call allowed (" + clock(maxLengthMs) + "; setting "
                        + CallSettings.MAX_LENGTH_MINUTES.key() + ")");
            }
        }
    }

    private static String clock(long ms) {
        long s = ms / 1000;
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** Parses script lines; {@code file} only names them in messages. */
    public static OperatorScript parse(Path file, List<String> lines) {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            int line = i + 1;
            String text = lines.get(i).strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            if (text.startsWith("@")) {
                String[] parts = text.split("\\s+", 2);
                steps.add(new At(line, seconds(file, line, "@", parts[0].substring(1))));
                if (parts.length == 1) {
                    continue;
                }
                text = parts[1].strip();
            }
            steps.add(text.startsWith("/") ? command(file, line, text) : new Say(line, text));
        }
        if (steps.stream().noneMatch(s -> s instanceof Say)) {
            throw new InputException(file, 0, null, "the script has no line for the trainee to say");
        }
        return new OperatorScript(file, steps);
    }

    private static Step command(Path file, int line, String text) {
        String[] parts = text.split("\\s+", 3);
        String name = parts[0].substring(1).toLowerCase(Locale.ROOT);
        return switch (name) {
            case "wait" -> new Wait(line, seconds(file, line, "/wait", arg(file, line, parts, 1, "/wait SECONDS")));
            case "hold" -> new Hold(line, seconds(file, line, "/hold", arg(file, line, parts, 1, "/hold SECONDS")));
            case "cad" -> {
                CadField field = field(file, line, arg(file, line, parts, 1, "/cad FIELD value"));
                yield new Cad(line, field, arg(file, line, parts, 2, "/cad FIELD value"));
            }
            case "confirm" -> new Confirm(line, field(file, line, arg(file, line, parts, 1, "/confirm FIELD")));
            case "dispatch" -> noArgs(file, line, parts, new Dispatch(line));
            case "end" -> noArgs(file, line, parts, new End(line));
            case "mute" -> noArgs(file, line, parts, new Mute(line, true));
            case "unmute" -> noArgs(file, line, parts, new Mute(line, false));
            case "transfer" -> {
                String target = arg(file, line, parts, 1, "/transfer fire|ems|police").toLowerCase(Locale.ROOT);
                if (!TRANSFER_TARGETS.contains(target)) {
                    throw new InputException(file, line, "/transfer", "'" + target
                            + "' is not a transfer target; use fire, ems or police");
                }
                yield new Transfer(line, target);
            }
            default -> throw new InputException(file, line, null, "unknown command '/" + name + "'; the commands "
                    + "are /wait, /hold, /cad, /confirm, /dispatch, /transfer, /mute, /unmute, /end");
        };
    }

    private static String arg(Path file, int line, String[] parts, int index, String usage) {
        if (parts.length <= index || parts[index].isBlank()) {
            throw new InputException(file, line, parts[0], "missing argument; write " + usage);
        }
        return parts[index].strip();
    }

    private static Step noArgs(Path file, int line, String[] parts, Step step) {
        if (parts.length > 1) {
            throw new InputException(file, line, parts[0], parts[0] + " takes no argument, found '"
                    + String.join(" ", Arrays.asList(parts).subList(1, parts.length)) + "'");
        }
        return step;
    }

    private static long seconds(Path file, int line, String field, String value) {
        try {
            double s = Double.parseDouble(value);
            if (s < 0 || s > 24 * 3600 || Double.isNaN(s)) {
                throw new NumberFormatException();
            }
            return Math.round(s * 1000);
        } catch (NumberFormatException e) {
            throw new InputException(file, line, field, "'" + value + "' is not a number of seconds (0-86400)");
        }
    }

    private static CadField field(Path file, int line, String value) {
        try {
            return CadField.valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InputException(file, line, "FIELD", "'" + value + "' is not a CAD field; one of "
                    + Arrays.toString(CadField.values()));
        }
    }
}
