package dev.switchboard.workflow.model;

import java.util.List;
import java.util.Objects;

/**
 * One typed input of a workflow, given when a run starts.
 *
 * @param values       the allowed values of an {@link InputType#ENUM}; empty otherwise
 * @param defaultValue the value when none is given, already of the input's Java type; null when none
 */
public record InputSpec(String name, InputType type, String label, boolean required, Object defaultValue,
                        List<String> values) {

    public InputSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        label = label == null || label.isBlank() ? name : label;
        values = List.copyOf(values);
    }
}
