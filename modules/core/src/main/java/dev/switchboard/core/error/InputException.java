package dev.switchboard.core.error;

import java.nio.file.Path;

/**
 * Input that cannot be used: a file, a line or a field that breaks a rule. The message always names
 * where the problem is, e.g. {@code scenarios/fire.yaml:12: caller.age: must be a number}.
 */
public class InputException extends SwitchboardException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;
    private final String field;
    private final String problem;

    public InputException(Path file, int line, String field, String problem) {
        super(location(file, line, field) + ": " + problem, "Correct the input and try again.");
        this.file = file;
        this.line = line;
        this.field = field;
        this.problem = problem;
    }

    /** What is wrong, without the location. */
    public String problem() {
        return problem;
    }

    /** A problem with a field that does not come from a file, such as a form entry. */
    public static InputException field(String field, String problem) {
        return new InputException(null, 0, field, problem);
    }

    /** The file involved, or {@code null}. */
    public Path file() {
        return file;
    }

    /** The 1-based line, or 0 when not known. */
    public int line() {
        return line;
    }

    /** The field involved, or {@code null}. */
    public String field() {
        return field;
    }

    /** {@code file:line: field} for a file (the form compilers use, so editors jump to it), else {@code field F}. */
    private static String location(Path file, int line, String field) {
        StringBuilder where = new StringBuilder();
        if (file != null) {
            where.append(file);
            if (line > 0) {
                where.append(':').append(line);
            }
            if (field != null && !field.isEmpty()) {
                where.append(": ").append(field);
            }
            return where.toString();
        }
        if (line > 0) {
            where.append("line ").append(line);
        }
        if (field != null) {
            where.append(where.isEmpty() ? "" : ", ").append("field ").append(field);
        }
        return where.isEmpty() ? "Input" : where.toString();
    }
}
