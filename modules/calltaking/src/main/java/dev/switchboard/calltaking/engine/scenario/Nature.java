package dev.switchboard.calltaking.engine.scenario;

/**
 * What the incident is.
 *
 * @param code     nature code as in the CAD's table, e.g. {@code FIRE-STRUCT}
 * @param priority 1 (most urgent) .. 5
 */
public record Nature(String code, String description, int priority) {

    public Nature {
        code = code == null ? "" : code;
        description = description == null ? "" : description;
    }
}
