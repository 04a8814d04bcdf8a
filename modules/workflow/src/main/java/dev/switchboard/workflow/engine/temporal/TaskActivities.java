package dev.switchboard.workflow.engine.temporal;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;
import java.util.Map;

/** Every task type as one Temporal activity, and the library's definitions for subflows. */
@ActivityInterface
public interface TaskActivities {

    /**
     * Runs one attempt of a task of {@code type} with its parameters already worked out.
     *
     * @param retryOn the error kinds a retry policy names (empty: all); other failures are not retried
     * @return the task's output
     */
    @ActivityMethod
    Map<String, Object> run(String runId, String taskKey, String type, Map<String, Object> params,
                            Map<String, Object> inputs, Object item, List<String> retryOn);

    /** The YAML of the newest definition of {@code workflowId} in the worker's library, for a subflow. */
    @ActivityMethod
    String definition(String workflowId);
}
