package dev.switchboard.workflow.model;

import java.util.List;
import java.util.Objects;

/**
 * One field of an approval gate's form.
 *
 * @param type         {@code string}, {@code number}, {@code boolean} or {@code enum}
 * @param defaultValue shown pre-filled; null for none
 */
public record FormField(String name, String label, String type, boolean required, Object defaultValue,
                        List<String> values) {

    public FormField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        label = label == null || label.isBlank() ? name : label;
        values = values == null ? List.of() : List.copyOf(values);
    }
}
