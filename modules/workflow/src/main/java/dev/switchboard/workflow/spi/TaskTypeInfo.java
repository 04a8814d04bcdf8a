package dev.switchboard.workflow.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a task type presents itself and behaves on a restart.
 *
 * @param label       the palette's words, e.g. "Ring a call"
 * @param description one sentence for the property panel
 * @param parameters  the parameters the property panel offers, in order
 * @param idempotent  the default of {@code idempotent:}: whether running it twice does no harm, so a task that
 *                    was running when the program stopped may run again
 * @param transactional whether its effect is written in the same store transaction as its result
 *                    ({@link TaskResult#withStoreEffect}), so a stop before that commit undid it: such a task may
 *                    always run again, exactly once in effect
 */
public record TaskTypeInfo(String label, String description, List<Param> parameters, boolean idempotent,
                           boolean transactional) {

    public TaskTypeInfo {
        Objects.requireNonNull(label, "label");
        description = description == null ? "" : description;
        parameters = List.copyOf(parameters);
    }

    /** Problems for every required parameter that {@code with} lacks. */
    public List<String> checkRequired(Map<String, Object> with) {
        List<String> out = new ArrayList<>();
        for (Param p : parameters) {
            if (p.required() && (with.get(p.name()) == null || with.get(p.name()).toString().isBlank())) {
                out.add(p.name() + ": is required for this task type");
            }
        }
        for (String given : with.keySet()) {
            if (parameters.stream().noneMatch(p -> p.name().equals(given))) {
                out.add(given + ": is not a parameter of this task type (known: "
                        + String.join(", ", parameters.stream().map(Param::name).toList()) + ")");
            }
        }
        return out;
    }

    /**
     * One parameter.
     *
     * @param kind what editor fits it: {@code text}, {@code number}, {@code boolean}, {@code duration},
     *             {@code choice}, {@code expression}, {@code map}, {@code list}
     */
    public record Param(String name, String kind, boolean required, String help, List<String> choices) {

        public Param {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
            help = help == null ? "" : help;
            choices = choices == null ? List.of() : List.copyOf(choices);
        }

        public static Param required(String name, String kind, String help) {
            return new Param(name, kind, true, help, List.of());
        }

        public static Param optional(String name, String kind, String help) {
            return new Param(name, kind, false, help, List.of());
        }
    }
}
