package dev.switchboard.app.shell;

import dev.switchboard.app.Workstation;
import dev.switchboard.core.account.Account;
import dev.switchboard.core.event.Subscription;
import dev.switchboard.core.exercise.CallRequested;
import dev.switchboard.core.exercise.RequestHandled;
import dev.switchboard.store.session.SessionSummary;
import dev.switchboard.workflow.engine.WorkflowEngine;
import dev.switchboard.workflow.engine.Workflows;
import dev.switchboard.workflow.model.RunState;
import dev.switchboard.workflow.model.WorkflowDefinition;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * One finished exercise run for the demo: the bundled multi-call surge, its calls answered with the demo's recorded
 * calls (so Review shows them beside the run) and its gate approved by the demo supervisor.
 */
final class DemoWorkflow {

    private DemoWorkflow() {
    }

    static void run(Workstation ws, Account trainee) {
        Workflows workflows;
        try {
            workflows = ws.workflows();
        } catch (RuntimeException e) {
            if (ws.isClosed()) {
                return; // the window closed before the demo run could start: nothing to finish
            }
            // E.g. a database the workflow store cannot use yet: the demo goes on without its exercise run.
            LoggerFactory.getLogger(DemoWorkflow.class).warn("Demo workflow run not started: {}", e.getMessage());
            return;
        }
        WorkflowDefinition surge = workflows.find("multi-call-surge").orElse(null);
        if (!workflows.runsEngine() || surge == null) {
            return;
        }
        Deque<String> calls = new ArrayDeque<>(ws.sessions().recentFor(trainee.id(), 10).stream()
                .filter(s -> s.kind().equals("call")).map(SessionSummary::id).map(id -> id.value()).toList());
        Subscription answer = ws.bus().subscribe(CallRequested.class, r -> {
            String session;
            synchronized (calls) {
                session = calls.isEmpty() ? "" : calls.pollFirst();
            }
            ws.bus().publish(new RequestHandled(r.requestId(), session, true, "demo: a recorded call of "
                    + r.scenario()));
        });
        try {
            WorkflowEngine engine = workflows.engine();
            String run = engine.start(surge, Map.of("trainee", trainee.username()), "instructor",
                    trainee.username());
            // The calls ring first (the run waits on each briefly); then the gate waits for the supervisor.
            for (int i = 0; i < 600 && engine.inbox("SUPERVISOR").stream().noneMatch(g -> g.runId().equals(run));
                 i++) {
                Thread.sleep(100);
            }
            engine.decide(run, "surgeOver", new WorkflowEngine.Actor("supervisor", "SUPERVISOR"), Map.of(),
                    "approve", "demo: the surge is over");
            RunState end = engine.ended(run).get(60, TimeUnit.SECONDS);
            LoggerFactory.getLogger(DemoWorkflow.class).info("Demo exercise run {} ended {}", run, end);
        } catch (Exception e) {
            LoggerFactory.getLogger(DemoWorkflow.class).warn("The demo exercise run did not finish", e);
        } finally {
            answer.close();
        }
    }
}
