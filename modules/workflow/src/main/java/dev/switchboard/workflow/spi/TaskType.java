package dev.switchboard.workflow.spi;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * A kind of workflow task ({@code log}, {@code approval}, {@code call.ring}, …). One instance serves every task
 * of its type in every run, from several threads at once, so it keeps no per-task state.
 */
public interface TaskType {

    /** The name used in YAML as {@code type:}, e.g. {@code city.incident}. */
    String name();

    /** What the designer's palette and property panel show, and how the engine treats a restart. */
    TaskTypeInfo info();

    /**
     * Checks the parameters before anything runs, for what can be known without running: required parameters,
     * allowed words. Values holding {@code ${…}} expressions are only known at run time and are not checked.
     *
     * @return problems as {@code parameter: message}; empty when fine
     */
    default List<String> check(Map<String, Object> with) {
        return info().checkRequired(with);
    }

    /**
     * Starts one attempt of a task. Called on a worker thread; may finish at once or later (waiting for a person,
     * an event or a timer). A failure is a {@link TaskResult#failure} or an exceptionally completed stage.
     */
    CompletionStage<TaskResult> start(TaskContext ctx);
}
