package dev.switchboard.workflow.model;

import java.util.Objects;

/**
 * One mistake in a workflow file: where it is and what is wrong, shown as {@code file:line: field: message}.
 *
 * @param line  1-based, or 0 when not known
 * @param field the field's path, e.g. {@code tasks[2].dependsOn}; empty for the file as a whole
 */
public record Problem(String file, int line, String field, String message) {

    public Problem {
        Objects.requireNonNull(message, "message");
        file = file == null ? "" : file;
        field = field == null ? "" : field;
    }

    @Override
    public String toString() {
        return file + ":" + line + ": " + (field.isEmpty() ? "" : field + ": ") + message;
    }
}
