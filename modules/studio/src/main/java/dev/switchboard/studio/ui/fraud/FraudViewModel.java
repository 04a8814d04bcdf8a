package dev.switchboard.studio.ui.fraud;

import dev.switchboard.core.event.EventBus;
import dev.switchboard.store.Database;
import dev.switchboard.studio.engine.fraud.AlertDesk;
import dev.switchboard.studio.engine.fraud.FraudModel;
import dev.switchboard.studio.engine.fraud.FraudModels;
import dev.switchboard.studio.engine.fraud.FraudStream;
import dev.switchboard.studio.engine.fraud.FraudTrainer;
import dev.switchboard.studio.engine.fraud.NetworkDetector;
import dev.switchboard.studio.model.fraud.Alert;
import dev.switchboard.studio.model.fraud.AlertDecision;
import dev.switchboard.studio.model.fraud.ModelKind;
import dev.switchboard.studio.model.fraud.ModelProvenance;
import dev.switchboard.studio.model.fraud.TrainingSpec;
import dev.switchboard.studio.ui.predict.PanelText;
import dev.switchboard.uikit.BackgroundTask;
import dev.switchboard.uikit.DialogService;
import dev.switchboard.uikit.TaskRunner;
import java.time.Clock;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Fraud panel's state and commands: train a model on simulated transactions, show how it did on the held-out
 * slice, stream live with alerts into the queue, and record each decision (escalation opens an incident on the bus).
 */
public final class FraudViewModel {

    /** The live stream's pace in the window, transactions a second: readable, not the benchmark's rate. */
    public static final double WINDOW_PACE = 400;

    private final FraudModels models;
    private final AlertDesk desk;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final String user;
    private FraudStream stream;
    private FraudModel trained;
    private NetworkDetector network;

    // Properties
    private final ObjectProperty<ModelKind> kind = new SimpleObjectProperty<>(ModelKind.GRADIENT_BOOSTED_TREES);
    private final IntegerProperty transactions = new SimpleIntegerProperty(100_000);
    private final ReadOnlyObjectWrapper<ModelProvenance> record = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper streaming = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<FraudStream.Stats> stats = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ObservableList<Alert> alerts = FXCollections.observableArrayList();

    public FraudViewModel(Database db, EventBus bus, Clock clock, TaskRunner tasks, DialogService dialogs,
                          String user) {
        this.models = new FraudModels(db, clock);
        this.desk = new AlertDesk(db, bus, clock);
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.user = user;
    }

    public ObjectProperty<ModelKind> kindProperty() {
        return kind;
    }

    public IntegerProperty transactionsProperty() {
        return transactions;
    }

    public ReadOnlyObjectProperty<ModelProvenance> recordProperty() {
        return record.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty streamingProperty() {
        return streaming.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<FraudStream.Stats> statsProperty() {
        return stats.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The open alerts, newest first. */
    public ObservableList<Alert> alerts() {
        return alerts;
    }

    // Commands

    /** Trains the chosen model on simulated transactions (and the network detector), off the FX thread. */
    public void train() {
        if (busy.get()) {
            return;
        }
        stop();
        busy.set(true);
        ModelKind chosen = kind.get();
        int count = transactions.get();
        status.set(PanelText.get("studio.fraud.status.training", count));
        BackgroundTask.wrap(() -> {
            FraudTrainer.Result r = models.train(TrainingSpec.simulated(42, count, chosen));
            NetworkDetector n = NetworkDetector.train(42, 400, 40_000);
            return new Object[] {r, n};
        }).onSuccess(pair -> {
            FraudTrainer.Result r = (FraudTrainer.Result) pair[0];
            trained = r.model();
            network = (NetworkDetector) pair[1];
            record.set(r.provenance());
            status.set(PanelText.get("studio.fraud.status.trained", r.provenance().trainingSeconds()));
        }).onFailure(e -> {
            status.set("");
            dialogs.showError(PanelText.get("studio.fraud.title"), e);
        }).onFinished(() -> busy.set(false)).executeWith(tasks);
    }

    /** Starts the live stream at the window's pace; needs a trained model. */
    public void start() {
        if (trained == null || stream != null) {
            return;
        }
        stream = new FraudStream(trained, network, desk, new FraudStream.Settings(7, WINDOW_PACE, 8, 1));
        stream.start();
        streaming.set(true);
    }

    /** Stops the live stream; the open alerts stay. */
    public void stop() {
        if (stream != null) {
            FraudStream s = stream;
            stream = null;
            s.close();
            stats.set(s.stats());
        }
        streaming.set(false);
    }

    /** Takes the stream's figures and the open alerts; the view calls it a few times a second. */
    public void poll() {
        if (stream != null) {
            stats.set(stream.stats());
        }
        var open = desk.open();
        if (!open.equals(alerts)) {
            alerts.setAll(open);
        }
    }

    /** Records {@code decision} on {@code alert}; an escalation opens an incident for the dispatchers. */
    public void decide(Alert alert, AlertDecision decision) {
        if (alert == null) {
            return;
        }
        BackgroundTask.wrap(() -> desk.decide(alert.id(), decision, user)).onSuccess(done -> {
            alerts.remove(alert);
            status.set(PanelText.get(switch (decision) {
                case ACCEPT -> "studio.fraud.status.accepted";
                case DISMISS -> "studio.fraud.status.dismissed";
                case ESCALATE -> "studio.fraud.status.escalated";
            }, done.who(), FraudPanel.patternName(done.truth())));
        }).onFailure(e -> dialogs.showError(PanelText.get("studio.fraud.title"), e)).executeWith(tasks);
    }

    /** The desk, for tests. */
    AlertDesk desk() {
        return desk;
    }
}
