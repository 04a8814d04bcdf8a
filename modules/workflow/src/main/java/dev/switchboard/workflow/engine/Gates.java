package dev.switchboard.workflow.engine;

import dev.switchboard.core.error.InputException;
import dev.switchboard.workflow.model.FormField;
import java.util.LinkedHashMap;
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

    /**
     * A person's entries in a gate's form, typed; defaults filled in.
     *
     * @param gate  the gate as stored in a waiting task's detail ({@code form}: the fields as maps)
     * @throws InputException naming a field that is unknown, missing or of the wrong type
     */
    public static Map<String, Object> check(Map<String, Object> gate, Map<String, String> given) {
        Map<String, Object> out = new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> form = (List<Map<String, Object>>) gate.getOrDefault("form", List.of());
        for (String name : given.keySet()) {
            if (form.stream().noneMatch(f -> name.equals(f.get("name")))) {
                throw InputException.field(name, "the gate's form has no such field (it has: " + String.join(", ",
                        form.stream().map(f -> String.valueOf(f.get("name"))).toList()) + ")");
            }
        }
        for (Map<String, Object> f : form) {
            FormField field = field(f);
            String raw = given.get(field.name());
            if (raw == null || raw.isBlank()) {
                if (field.defaultValue() != null) {
                    out.put(field.name(), field.defaultValue());
                } else if (field.required()) {
                    throw InputException.field(field.name(), "is required (" + field.label() + ")");
                }
                continue;
            }
            try {
                out.put(field.name(), coerce(field, raw));
            } catch (IllegalArgumentException e) {
                throw InputException.field(field.name(), e.getMessage());
            }
        }
        return out;
    }
}
