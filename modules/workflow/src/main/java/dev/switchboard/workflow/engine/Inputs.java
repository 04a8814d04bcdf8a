package dev.switchboard.workflow.engine;

import dev.switchboard.core.error.InputException;
import dev.switchboard.workflow.model.InputSpec;
import dev.switchboard.workflow.model.InputType;
import dev.switchboard.workflow.model.WorkflowDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Checks and types the inputs given to a run: text from the CLI ({@code --input ward=shibuya}) or the window
 * becomes a number, a boolean, a duration in milliseconds, a ward id or a scenario id, or a refusal naming the
 * input and why.
 */
public final class Inputs {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    private final Supplier<Map<String, String>> wards;
    private final Supplier<Map<String, String>> scenarios;

    /**
     * @param wards     the wards of the city, id to name (e.g. {@code shibuya} to "Shibuya"), or empty when not known
     *                  (then any id-shaped word passes)
     * @param scenarios the call and crisis scenarios, id to title, or empty when not known
     */
    public Inputs(Supplier<Map<String, String>> wards, Supplier<Map<String, String>> scenarios) {
        this.wards = wards;
        this.scenarios = scenarios;
    }

    /** Inputs that accept any id-shaped ward or scenario. */
    public static Inputs unchecked() {
        return new Inputs(Map::of, Map::of);
    }

    /** The wards a {@code ward} input may name, id to name, for a picker; empty when any id passes. */
    public Map<String, String> wardChoices() {
        return wards.get();
    }

    /** The scenarios a {@code scenario} input may name, id to title, for a picker; empty when any id passes. */
    public Map<String, String> scenarioChoices() {
        return scenarios.get();
    }

    /**
     * The run's inputs: {@code given} typed and checked, defaults filled in.
     *
     * @throws InputException naming the first input that is missing, unknown or of the wrong type
     */
    public Map<String, Object> bind(WorkflowDefinition def, Map<String, ?> given) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name : given.keySet()) {
            if (def.inputs().stream().noneMatch(i -> i.name().equals(name))) {
                throw InputException.field("input " + name, "this workflow has no such input (it has: "
                        + String.join(", ", def.inputs().stream().map(InputSpec::name).toList()) + ")");
            }
        }
        for (InputSpec spec : def.inputs()) {
            Object raw = given.get(spec.name());
            Object value;
            if (raw == null || raw instanceof String s && s.isBlank()) {
                if (spec.defaultValue() != null) {
                    value = spec.defaultValue();
                } else if (spec.required()) {
                    throw InputException.field("input " + spec.name(), "is required (" + spec.type().word() + ")");
                } else {
                    continue;
                }
            } else {
                try {
                    value = raw instanceof String s ? coerce(spec.type(), spec.values(), s) : typed(spec, raw);
                    checkKnown(spec.type(), value);
                } catch (IllegalArgumentException e) {
                    throw InputException.field("input " + spec.name(), e.getMessage());
                }
            }
            out.put(spec.name(), value);
        }
        return out;
    }

    private Object typed(InputSpec spec, Object raw) {
        return switch (spec.type()) {
            case NUMBER -> {
                if (raw instanceof Number) {
                    yield raw;
                }
                throw new IllegalArgumentException("must be a number, was " + raw);
            }
            case BOOLEAN -> {
                if (raw instanceof Boolean) {
                    yield raw;
                }
                throw new IllegalArgumentException("must be true or false, was " + raw);
            }
            case DURATION -> raw instanceof Number n ? n.longValue()
                    : coerce(spec.type(), spec.values(), raw.toString());
            default -> coerce(spec.type(), spec.values(), raw.toString());
        };
    }

    private void checkKnown(InputType type, Object value) {
        Map<String, String> known = type == InputType.WARD ? wards.get() : type == InputType.SCENARIO
                ? scenarios.get() : Map.of();
        if (!known.isEmpty() && !known.containsKey(value)) {
            throw new IllegalArgumentException("'" + value + "' is not " + (type == InputType.WARD
                    ? "a ward of the city" : "a known scenario") + " (e.g. " + String.join(", ", known.keySet()
                    .stream().sorted().limit(5).toList()) + ")");
        }
    }

    /**
     * {@code text} as a value of {@code type}.
     *
     * @throws IllegalArgumentException saying what is expected
     */
    public static Object coerce(InputType type, List<String> values, String text) {
        String t = text.strip();
        return switch (type) {
            case STRING -> t;
            case NUMBER -> {
                try {
                    yield t.matches("-?\\d{1,18}") ? (Object) Long.parseLong(t) : (Object) Double.parseDouble(t);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + t + "' is not a number");
                }
            }
            case BOOLEAN -> {
                if (!t.equals("true") && !t.equals("false")) {
                    throw new IllegalArgumentException("'" + t + "' must be true or false");
                }
                yield Boolean.parseBoolean(t);
            }
            case ENUM -> {
                if (!values.contains(t)) {
                    throw new IllegalArgumentException(WorkflowReader.notOneOf(t, values));
                }
                yield t;
            }
            case DURATION -> Durations.parse(t).toMillis();
            case WARD, SCENARIO -> {
                if (!ID.matcher(t).matches()) {
                    throw new IllegalArgumentException("'" + t + "' must be an id in lower case (e.g. "
                            + (type == InputType.WARD ? "shibuya" : "fire-gas-leak") + ")");
                }
                yield t;
            }
        };
    }
}
