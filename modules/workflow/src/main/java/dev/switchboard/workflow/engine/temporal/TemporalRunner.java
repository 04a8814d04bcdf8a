package dev.switchboard.workflow.engine.temporal;

import dev.switchboard.workflow.engine.TaskTypes;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.util.Map;

/**
 * Runs Switchboard workflows on a Temporal service: registers the interpreter workflow and the task activities on
 * a worker of {@link #TASK_QUEUE}, and starts runs. Built only when a Temporal address is set (setting
 * {@code workflow.temporal.address}); the client comes from {@code WorkflowServiceStubs} for that address, or from
 * Temporal's in-process test server in tests.
 */
public final class TemporalRunner implements AutoCloseable {

    /** The task queue the worker listens on. */
    public static final String TASK_QUEUE = "switchboard-workflows";

    private final WorkflowClient client;
    private final WorkerFactory factory;

    /** Starts a worker for {@code types} with {@code activities} on {@code client}. */
    public TemporalRunner(WorkflowClient client, TaskTypes types, TaskActivities activities) {
        this.client = client;
        this.factory = WorkerFactory.newInstance(client);
        Worker worker = factory.newWorker(TASK_QUEUE);
        worker.registerWorkflowImplementationFactory(InterpreterWorkflow.class,
                () -> new InterpreterWorkflowImpl(types));
        worker.registerActivitiesImplementations(activities);
        factory.start();
    }

    /** Starts a run of {@code yaml} as workflow {@code runId}; returns its stub to wait on, signal and query. */
    public InterpreterWorkflow start(String runId, String yaml, Map<String, Object> inputs) {
        InterpreterWorkflow stub = client.newWorkflowStub(InterpreterWorkflow.class, WorkflowOptions.newBuilder()
                .setTaskQueue(TASK_QUEUE).setWorkflowId(runId).build());
        WorkflowClient.start(stub::run, yaml, inputs);
        return stub;
    }

    /** The outputs of a run, waiting for it to end. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> result(String runId) {
        return client.newUntypedWorkflowStub(runId).getResult(Map.class);
    }

    @Override
    public void close() {
        factory.shutdown();
    }
}
