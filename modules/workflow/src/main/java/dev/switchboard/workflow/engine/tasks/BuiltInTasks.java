package dev.switchboard.workflow.engine.tasks;

import dev.switchboard.workflow.spi.TaskType;
import java.util.List;

/** Every built-in task type, in the palette's order. */
public final class BuiltInTasks {

    private BuiltInTasks() {
    }

    public static List<TaskType> all() {
        return List.of(new LogTask(), new NoopTask(), new WaitTask(), new WaitEventTask(), new ApprovalTask(),
                new NotifyTask(), new LlmTask(), new QueryTask(), new ExerciseRequestTask.CityIncident(),
                new ExerciseRequestTask.CityScenario(), new ExerciseRequestTask.CallRing(), new HttpTask(),
                new SubflowTask());
    }

    static String text(Object v, String fallback) {
        return v == null ? fallback : v.toString();
    }

    static long number(Object v, long fallback) {
        if (v instanceof Number n) {
            return n.longValue();
        }
        if (v != null) {
            try {
                return Long.parseLong(v.toString().strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + v + "' is not a whole number");
            }
        }
        return fallback;
    }

    /** A duration parameter: a number of milliseconds or text such as {@code 30s}. */
    static java.time.Duration duration(Object v, java.time.Duration fallback) {
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n) {
            return java.time.Duration.ofMillis(n.longValue());
        }
        return dev.switchboard.workflow.engine.Durations.parse(v.toString());
    }
}
