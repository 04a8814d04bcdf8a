package dev.switchboard.studio.engine.csv;

import dev.switchboard.core.error.SwitchboardException;
import java.nio.file.Path;

/**
 * A file the studio cannot import, located as {@code file:line: column: message} (line 0 when the problem is the
 * file as a whole). Nothing of the file was imported when this is thrown.
 */
public final class CsvProblem extends SwitchboardException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long line;
    private final String column;

    public CsvProblem(Path file, long line, String column, String message) {
        super(format(file, line, column, message), "Nothing was imported. Correct the file and import it again.");
        this.file = file;
        this.line = line;
        this.column = column;
    }

    public Path file() {
        return file;
    }

    /** The 1-based line, or 0 for the file as a whole. */
    public long line() {
        return line;
    }

    /** The column's name as the header gives it (or its 1-based number), or null. */
    public String column() {
        return column;
    }

    private static String format(Path file, long line, String column, String message) {
        StringBuilder s = new StringBuilder(String.valueOf(file == null ? "input" : file));
        if (line > 0) {
            s.append(':').append(line);
        }
        if (column != null) {
            s.append(": ").append(column);
        }
        return s.append(": ").append(message).toString();
    }
}
