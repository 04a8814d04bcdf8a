package dev.switchboard.workflow.engine.temporal;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.Map;

/** A Switchboard workflow definition run by Temporal: the YAML and inputs in, every task's output out. */
@WorkflowInterface
public interface InterpreterWorkflow {

    /**
     * Runs {@code yaml} with {@code inputs}; returns each task's output by task id.
     *
     * @param meta who started it ({@code startedBy}), the trainee, the parent run and task of a subflow, the file
     */
    @WorkflowMethod
    Map<String, Object> run(String yaml, Map<String, Object> inputs, Map<String, String> meta);

    /**
     * A person's decision at the gate {@code taskKey}: {@code approve} or {@code reject}, with the form's fields
     * already checked and typed by the caller.
     */
    @SignalMethod
    void decide(String taskKey, String decision, Map<String, Object> fields, String decidedBy, String comment);

    /** Each task's state code by key, as far as the run has come. */
    @QueryMethod
    Map<String, String> states();
}
