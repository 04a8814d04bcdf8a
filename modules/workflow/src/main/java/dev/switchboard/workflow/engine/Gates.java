package dev.switchboard.workflow.engine;

import dev.switchboard.workflow.model.FormField;
import java.util.List;
import java.util.Map;

/** The form of an approval gate: reading its fields from YAML-shaped maps and typing what a person entered. */
public final class Gates {

    /** The field types a gate's form may have. */
    public static final List<String> FIELD_TYPES = List.of("string", "number", "boolean", "enum");

    private Gates() {
    }

    /** One field from its map ({@code name, label, type, required, default, values}). */
    public static FormField field(Map<String, Object> m) {
        Object values = m.get("values");
        return new FormField(String.valueOf(m.get("name")), m.get("label") == null ? null : m.get("label").toString(),
                m.get("type") == null ? "string" : m.get("type").toString(),
                Boolean.TRUE.equals(m.get("required")) || "true".equals(String.valueOf(m.get("required"))),
                m.get("default"), values instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of());
    }

    /**
     * What a person typed into {@code field}, typed.
     *
     * @throws IllegalArgumentException saying what is expected
     */
    public static Object coerce(FormField field, String raw) {
        String t = raw.strip();
        return switch (field.type()) {
            case "number" -> {
                try {
                    yield t.matches("-?\\d{1,18}") ? (Object) Long.parseLong(t) : (Object) Double.parseDouble(t);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + t + "' is not a number");
                }
            }
            case "boolean" -> {
                if (!t.equals("true") && !t.equals("false")) {
                    throw new IllegalArgumentException("'" + t + "' must be true or false");
                }
                yield Boolean.parseBoolean(t);
            }
            case "enum" -> {
                if (!field.values().contains(t)) {
                    throw new IllegalArgumentException(WorkflowReader.notOneOf(t, field.values()));
                }
                yield t;
            }
            default -> t;
        };
    }
}
