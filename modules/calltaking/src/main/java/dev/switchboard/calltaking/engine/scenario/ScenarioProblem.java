package dev.switchboard.calltaking.engine.scenario;

import java.util.Locale;

/**
 * Something wrong (or worth knowing) about a scenario file, pointing at the place to fix it.
 *
 * @param file    the file as the instructor knows it, e.g. {@code /data/scenarios/earthquake.yaml} or
 *                {@code bundled:gas-leak.yaml}
 * @param line    1-based line, or 0 when the problem concerns the whole file
 * @param field   path of the field, e.g. {@code facts[2].reveal}; empty for the whole file
 */
public record ScenarioProblem(String file, int line, String field, String message) {

    public ScenarioProblem {
        file = file == null ? "" : file;
        field = field == null ? "" : field;
        message = message == null ? "" : message;
    }

    /** One line, {@code file:line: field: message}, e.g. {@code earthquake.yaml:14: facts[2].reveal: 'sometimes' …}. */
    @Override
    public String toString() {
        String where = line > 0 ? file + ":" + line : file;
        return field.isEmpty() ? where + ": " + message
                : String.format(Locale.ROOT, "%s: %s: %s", where, field, message);
    }
}
