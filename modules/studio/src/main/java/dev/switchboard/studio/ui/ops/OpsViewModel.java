package dev.switchboard.studio.ui.ops;

import dev.switchboard.ai.GpuFleet;
import dev.switchboard.core.event.Subscription;
import dev.switchboard.studio.engine.ops.OpsMonitor;
import dev.switchboard.studio.engine.ops.PolicyStore;
import dev.switchboard.studio.engine.ops.ScalingLog;
import dev.switchboard.studio.model.ops.OpsSnapshot;
import dev.switchboard.studio.model.ops.ScalingDecision;
import dev.switchboard.studio.model.ops.ScalingPolicy;
import dev.switchboard.studio.ui.Text;
import dev.switchboard.uikit.BackgroundTask;
import dev.switchboard.uikit.TaskRunner;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The operations panel's state: the latest snapshot and its history, decisions, the policy, the endpoint. */
public final class OpsViewModel {

    private final OpsMonitor monitor;
    private final PolicyStore policies;
    private final ScalingLog log;
    private final TaskRunner tasks;
    private Subscription samples;

    // Properties
    private final ReadOnlyObjectWrapper<OpsSnapshot> latest = new ReadOnlyObjectWrapper<>();
    private final ObservableList<OpsSnapshot> history = FXCollections.observableArrayList();
    private final ObservableList<GpuFleet.WorkerStatus> workers = FXCollections.observableArrayList();
    private final ObservableList<ScalingDecision> decisions = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ScalingDecision> lastDecision = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<ScalingPolicy> policy = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper endpoint = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    public OpsViewModel(OpsMonitor monitor, PolicyStore policies, ScalingLog log, TaskRunner tasks) {
        this.monitor = monitor;
        this.policies = policies;
        this.log = log;
        this.tasks = tasks;
    }

    public ReadOnlyObjectProperty<OpsSnapshot> latestProperty() {
        return latest.getReadOnlyProperty();
    }

    public ObservableList<OpsSnapshot> history() {
        return history;
    }

    public ObservableList<GpuFleet.WorkerStatus> workers() {
        return workers;
    }

    public ObservableList<ScalingDecision> decisions() {
        return decisions;
    }

    public ReadOnlyObjectProperty<ScalingDecision> lastDecisionProperty() {
        return lastDecision.getReadOnlyProperty();
    }

    public ObjectProperty<ScalingPolicy> policyProperty() {
        return policy;
    }

    public ReadOnlyStringProperty endpointProperty() {
        return endpoint.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    // Commands

    public void activate() {
        samples = monitor.onSample(s -> Platform.runLater(this::reload));
        reload();
        BackgroundTask.wrap(policies::get).onSuccess(policy::set).executeWith(tasks);
        BackgroundTask.wrap(monitor::sample).onSuccess(s -> reload()).onFailure(e -> status.set(e.getMessage()))
                .executeWith(tasks);
    }

    public void deactivate() {
        if (samples != null) {
            samples.close();
            samples = null;
        }
    }

    /** Keeps a new policy (it applies at the next sample). */
    public void save(ScalingPolicy p) {
        BackgroundTask.wrap(() -> policies.set(p))
                .onSuccess(v -> {
                    policy.set(p);
                    status.set(Text.get("studio.ops.policySaved"));
                })
                .onFailure(e -> status.set(e.getMessage()))
                .executeWith(tasks);
    }

    /** Switches a worker on or off by hand. */
    public void setEnabled(GpuFleet fleet, String worker, boolean on) {
        BackgroundTask.wrap(() -> fleet.setEnabled(worker, on)).onSuccess(v -> sampleNow())
                .onFailure(e -> status.set(e.getMessage())).executeWith(tasks);
    }

    public void sampleNow() {
        BackgroundTask.wrap(monitor::sample).onSuccess(s -> reload()).onFailure(e -> status.set(e.getMessage()))
                .executeWith(tasks);
    }

    private void reload() {
        BackgroundTask.wrap(() -> new Read(monitor.history(), log.newest(50), monitor.lastDecision().orElse(null),
                        monitor.endpoint().map(Object::toString).orElse(""), monitor.endpointProblem()))
                .onSuccess(r -> {
                    history.setAll(r.history());
                    if (!r.history().isEmpty()) {
                        OpsSnapshot s = r.history().get(r.history().size() - 1);
                        latest.set(s);
                        workers.setAll(s.workers());
                    }
                    decisions.setAll(r.decisions());
                    lastDecision.set(r.last());
                    endpoint.set(!r.problem().isEmpty() ? r.problem() : r.endpoint().isEmpty()
                            ? Text.get("studio.ops.endpointOff") : Text.get("studio.ops.endpointOn", r.endpoint()));
                })
                .onFailure(e -> status.set(e.getMessage()))
                .executeWith(tasks);
    }

    private record Read(List<OpsSnapshot> history, List<ScalingDecision> decisions, ScalingDecision last,
                        String endpoint, String problem) {
    }
}
