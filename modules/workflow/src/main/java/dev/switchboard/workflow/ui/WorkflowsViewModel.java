package dev.switchboard.workflow.ui;

import dev.switchboard.core.account.Account;
import dev.switchboard.core.error.SwitchboardException;
import dev.switchboard.core.exercise.ExerciseNotice;
import dev.switchboard.core.event.EventBus;
import dev.switchboard.core.event.Subscription;
import dev.switchboard.uikit.BackgroundTask;
import dev.switchboard.uikit.DialogService;
import dev.switchboard.uikit.TaskRunner;
import dev.switchboard.workflow.engine.ProgressHub;
import dev.switchboard.workflow.engine.WorkflowEngine;
import dev.switchboard.workflow.engine.Workflows;
import dev.switchboard.workflow.model.PendingApproval;
import dev.switchboard.workflow.model.Progress;
import dev.switchboard.workflow.model.RunDetail;
import dev.switchboard.workflow.model.RunSummary;
import dev.switchboard.workflow.model.WorkflowDefinition;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Runs and the approval inbox: the run list, the selected run with its tasks and history, live progress coalesced
 * to at most one refresh per frame, and every operation (approve, reject, pause, resume, cancel, retry, skip)
 * as the signed-in user. Blocking work goes through the task runner.
 */
public final class WorkflowsViewModel implements AutoCloseable {

    private static final DateTimeFormatter SHORT_TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT)
            .withZone(java.time.ZoneId.systemDefault());
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());
    private static final int LOG_LINES = 400;

    private final Workflows workflows;
    private final Account user;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final EventBus bus;
    private ProgressHub.Watcher watcher;
    private Subscription notices;
    private long lastRefresh;

    // Properties
    private final ObservableList<RunSummary> runs = FXCollections.observableArrayList();
    private final ObservableList<PendingApproval> inbox = FXCollections.observableArrayList();
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final ObjectProperty<RunDetail> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper runsOn = new ReadOnlyStringWrapper("");

    public WorkflowsViewModel(Workflows workflows, Account user, TaskRunner tasks, DialogService dialogs,
                              EventBus bus) {
        this.workflows = workflows;
        this.user = user;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.bus = bus;
    }

    public ObservableList<RunSummary> runs() {
        return runs;
    }

    /** Gates waiting for someone with the signed-in user's role. */
    public ObservableList<PendingApproval> inbox() {
        return inbox;
    }

    /** Live lines of the runs: task started, log lines, finished. */
    public ObservableList<String> log() {
        return log;
    }

    public ObjectProperty<RunDetail> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Where new runs go: this workstation, a Temporal service, or one that does not answer. */
    public ReadOnlyStringProperty runsOnProperty() {
        return runsOn.getReadOnlyProperty();
    }

    public Account user() {
        return user;
    }

    public Workflows workflows() {
        return workflows;
    }

    // Commands

    /** Starts watching live progress and notices; the view calls it when shown. */
    public void activate(Consumer<ExerciseNotice> onNotice) {
        if (workflows.runsEngine() && watcher == null) {
            watcher = workflows.engine().progress().watch(p -> true);
        }
        if (notices == null) {
            notices = bus.subscribe(ExerciseNotice.class, onNotice::accept);
        }
        refresh();
        checkWhereRunsGo();
    }

    /** Works out (connecting when a Temporal address is set) where new runs go, for the status line. */
    public void checkWhereRunsGo() {
        BackgroundTask.wrap(() -> {
            Workflows.TemporalTarget t = workflows.temporalTarget();
            if (!t.set()) {
                return Text.get("workflow.runsOn.here");
            }
            try {
                workflows.temporal();
                return Text.get("workflow.runsOn.temporal", t.address());
            } catch (SwitchboardException e) {
                return Text.get("workflow.runsOn.unreachable", t.address());
            }
        }).onSuccess(runsOn::set).onFailure(e -> runsOn.set(e.getMessage())).executeWith(tasks);
    }

    public void deactivate() {
        if (watcher != null) {
            watcher.close();
            watcher = null;
        }
        if (notices != null) {
            notices.close();
            notices = null;
        }
    }

    /**
     * Takes what progress came since the last frame; refreshes the lists at most five times a second. Call once per
     * frame on the FX thread.
     */
    public void pull(long nowNanos) {
        if (watcher == null) {
            return;
        }
        List<Progress> items = watcher.drain();
        if (items.isEmpty()) {
            return;
        }
        for (Progress p : items) {
            if (p.kind() == Progress.Kind.PROGRESS) {
                continue;
            }
            log.add(TIME.format(p.at()) + "  " + runName(p.runId()) + "  " + (p.taskKey().isEmpty() ? ""
                    : p.taskKey() + ": ") + describe(p));
        }
        if (log.size() > LOG_LINES) {
            log.remove(0, log.size() - LOG_LINES);
        }
        if (nowNanos - lastRefresh > 200_000_000L) {
            lastRefresh = nowNanos;
            refresh();
        }
    }

    /** Reads the runs, the inbox and the selected run again. */
    public void refresh() {
        String selectedId = selected.get() == null ? null : selected.get().run().id();
        BackgroundTask.wrap(() -> new Snapshot(workflows.store().recent(200), workflows.runsEngine()
                        ? workflows.engine().inbox(user.role().name()) : List.of(),
                        selectedId == null ? null : workflows.engine().detail(selectedId).orElse(null)))
                .onSuccess(s -> {
                    runs.setAll(s.runs());
                    inbox.setAll(s.inbox());
                    if (s.detail() != null) {
                        selected.set(s.detail());
                    }
                })
                .onFailure(e -> message.set(e.getMessage()))
                .executeWith(tasks);
    }

    private record Snapshot(List<RunSummary> runs, List<PendingApproval> inbox, RunDetail detail) {
    }

    public void select(String runId) {
        if (runId == null) {
            selected.set(null);
            return;
        }
        BackgroundTask.wrap(() -> workflows.engine().detail(runId).orElse(null))
                .onSuccess(selected::set).onFailure(e -> dialogs.showError(Text.get("workflow.title"), e))
                .executeWith(tasks);
    }

    /** Starts a run of {@code def}; selects it once stored. */
    public void start(WorkflowDefinition def, Map<String, String> inputs) {
        String trainee = inputs.get("trainee");
        operate(engine -> {
            String id = workflows.start(def, inputs, user.username(), trainee);
            message.set(Text.get("workflow.msg.started", def.name()));
            return id;
        });
    }

    public void decide(PendingApproval gate, Map<String, String> inputs, boolean approve, String comment) {
        operate(engine -> {
            workflows.decide(gate.runId(), gate.taskKey(), actor(), inputs, approve ? "approve" : "reject", comment);
            message.set(Text.get(approve ? "workflow.msg.approved" : "workflow.msg.rejected", gate.title()));
            return gate.runId();
        });
    }

    public void pause(String runId) {
        operate(engine -> {
            engine.pause(runId, actor());
            return runId;
        });
    }

    public void resume(String runId) {
        operate(engine -> {
            engine.resume(runId, actor());
            return runId;
        });
    }

    public void cancel(String runId) {
        if (dialogs.confirm(Text.get("workflow.run.cancel"), Text.get("workflow.msg.confirmCancel"))) {
            operate(engine -> {
                workflows.cancel(runId, actor());
                return runId;
            });
        }
    }

    /** Retries an interrupted task, or an ended run from its failed tasks ({@code task} null). */
    public void retry(String runId, String task) {
        operate(engine -> {
            engine.retry(runId, task, actor());
            return runId;
        });
    }

    public void skip(String runId, String task) {
        operate(engine -> {
            engine.skip(runId, task, actor());
            return runId;
        });
    }

    /** Starts the run's workflow again from the start with the library's newest definition. */
    public void rerun(String runId) {
        operate(engine -> {
            RunSummary old = workflows.store().find(runId).orElseThrow();
            WorkflowDefinition newest = workflows.find(old.workflowId()).orElseGet(() -> engine.detail(runId)
                    .orElseThrow().definition());
            return engine.rerun(runId, newest, actor());
        });
    }

    private interface Operation {
        String run(WorkflowEngine engine) throws Exception;
    }

    private void operate(Operation op) {
        BackgroundTask.wrap(() -> op.run(workflows.engine()))
                .onSuccess(id -> {
                    refresh();
                    select(id);
                })
                .onFailure(e -> dialogs.showError(Text.get("workflow.title"), e))
                .executeWith(tasks);
    }

    private WorkflowEngine.Actor actor() {
        return new WorkflowEngine.Actor(user.username(), user.role().name());
    }

    /** Keys of a task's output that hold internal references (session and run ids), left out of the run view. */
    private static final java.util.Set<String> REFERENCES = java.util.Set.of("session", "sessionId", "runId", "run",
            "childRun", "id");
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    /**
     * A task's output as the run view shows it: "score: 70, matched: true, items: 4" (a list by its length) rather
     * than its JSON, without the session and run ids it refers to; text that is not a JSON object is shown as it is.
     */
    static String readableOutput(String json) {
        if (json == null || json.isBlank()) {
            return "";
        }
        com.fasterxml.jackson.databind.JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (java.io.IOException e) {
            return json;
        }
        if (node == null || !node.isObject()) {
            return json;
        }
        StringBuilder out = new StringBuilder();
        node.properties().forEach(e -> {
            if (REFERENCES.contains(e.getKey())) {
                return;
            }
            com.fasterxml.jackson.databind.JsonNode v = e.getValue();
            String shown = v.isArray() ? Integer.toString(v.size())
                    : v.isObject() ? "…" : v.isNull() ? "–" : v.asText();
            out.append(out.isEmpty() ? "" : ", ").append(e.getKey()).append(": ").append(shown);
        });
        return out.toString();
    }

    /** A run as the live log names it: its workflow and start time ("Multi-call surge 19:22"), never its id. */
    private String runName(String runId) {
        return runs.stream().filter(r -> r.id().equals(runId)).findFirst()
                .map(r -> r.name() + " " + SHORT_TIME.format(r.createdAt())).orElse(Text.get("workflow.log.aRun"));
    }

    private static String describe(Progress p) {
        return switch (p.kind()) {
            case TASK_STARTED -> Text.get("workflow.live.started") + (p.text().isEmpty() ? "" : " (" + p.text() + ")");
            case TASK_FINISHED, LOG -> p.text();
            case RUN_STATE -> Text.get("workflow.live.run", p.text());
            case PROGRESS -> "";
        };
    }

    @Override
    public void close() {
        deactivate();
    }
}
