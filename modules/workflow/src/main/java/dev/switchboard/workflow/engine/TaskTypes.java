package dev.switchboard.workflow.engine;

import dev.switchboard.workflow.spi.TaskType;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The task types an engine knows: the built-in ones, those listed under {@code META-INF/services} by capabilities,
 * and any the composition root or a test adds. A later type with the same name replaces an earlier one.
 */
public final class TaskTypes {

    private final Map<String, TaskType> byName = new LinkedHashMap<>();

    public TaskTypes(Collection<? extends TaskType> types) {
        types.forEach(t -> byName.put(t.name(), t));
    }

    /** The built-in types plus every {@link TaskType} found with {@link ServiceLoader}, plus {@code extra}. */
    public static TaskTypes standard(Collection<? extends TaskType> extra) {
        TaskTypes out = new TaskTypes(dev.switchboard.workflow.engine.tasks.BuiltInTasks.all());
        ServiceLoader.load(TaskType.class, TaskTypes.class.getClassLoader()).forEach(t -> out.byName.put(t.name(), t));
        extra.forEach(t -> out.byName.put(t.name(), t));
        return out;
    }

    public Optional<TaskType> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Every type by name, in palette order. */
    public Map<String, TaskType> all() {
        return Collections.unmodifiableMap(byName);
    }

    /** A copy with {@code type} added (or replacing the one of its name). */
    public TaskTypes with(TaskType type) {
        TaskTypes out = new TaskTypes(byName.values());
        out.byName.put(type.name(), type);
        return out;
    }
}
