package dev.switchboard.studio.ui.factory;

import dev.switchboard.studio.engine.factory.ApplicationFactory;
import dev.switchboard.studio.engine.factory.FactoryRuns;
import dev.switchboard.studio.model.factory.FactoryRun;
import dev.switchboard.studio.model.factory.GeneratorKind;
import dev.switchboard.studio.ui.Text;
import dev.switchboard.uikit.BackgroundTask;
import dev.switchboard.uikit.TaskRunner;
import java.util.EnumMap;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The factory panel's state and commands: the intent, a run with its generators' progress, the kept runs. */
public final class FactoryViewModel {

    private final ApplicationFactory factory;
    private final TaskRunner tasks;
    private final String user;

    // Properties
    private final StringProperty intent = new SimpleStringProperty("");
    private final BooleanProperty llm = new SimpleBooleanProperty();
    private final StringProperty stack = new SimpleStringProperty("java-maven");
    private final Map<GeneratorKind, DoubleProperty> progress = new EnumMap<>(GeneratorKind.class);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<FactoryRun> run = new ReadOnlyObjectWrapper<>();
    private final ObservableList<FactoryRuns.Summary> runs = FXCollections.observableArrayList();
    private final ObjectProperty<FactoryRuns.Summary> compareWith = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<ApplicationFactory.Comparison> comparison = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    public FactoryViewModel(ApplicationFactory factory, TaskRunner tasks, String user) {
        this.factory = factory;
        this.tasks = tasks;
        this.user = user;
        for (GeneratorKind k : GeneratorKind.values()) {
            progress.put(k, new SimpleDoubleProperty());
        }
    }

    public StringProperty intentProperty() {
        return intent;
    }

    public BooleanProperty llmProperty() {
        return llm;
    }

    public StringProperty stackProperty() {
        return stack;
    }

    public DoubleProperty progressProperty(GeneratorKind kind) {
        return progress.get(kind);
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<FactoryRun> runProperty() {
        return run.getReadOnlyProperty();
    }

    public ObservableList<FactoryRuns.Summary> runs() {
        return runs;
    }

    public ObjectProperty<FactoryRuns.Summary> compareWithProperty() {
        return compareWith;
    }

    public ReadOnlyObjectProperty<ApplicationFactory.Comparison> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    // Commands

    public void refreshRuns() {
        BackgroundTask.wrap(() -> factory.runs().list(100)).onSuccess(runs::setAll)
                .onFailure(e -> status.set(e.getMessage())).executeWith(tasks);
    }

    /** Runs the pipeline on the intent. */
    public void run() {
        String text = intent.get();
        boolean model = llm.get();
        start(() -> factory.run(text, stack.get(), model, user, null, this::progressed));
    }

    /** Runs the intent of {@code summary} again. */
    public void rerun(FactoryRuns.Summary summary) {
        intent.set(summary.intent());
        start(() -> factory.rerun(summary.id(), user, this::progressed));
    }

    /** Shows a kept run. */
    public void open(FactoryRuns.Summary summary) {
        BackgroundTask.wrap(() -> factory.runs().find(summary.id()).orElseThrow())
                .onSuccess(r -> {
                    run.set(r);
                    intent.set(r.intentText());
                    status.set(Text.get("studio.factory.opened", r.folder()));
                })
                .onFailure(e -> status.set(e.getMessage())).executeWith(tasks);
    }

    /** Compares the shown run with {@code other}. */
    public void compare(FactoryRuns.Summary other) {
        FactoryRun shown = run.get();
        if (shown == null || other == null) {
            return;
        }
        BackgroundTask.wrap(() -> ApplicationFactory.compare(factory.runs().find(other.id()).orElseThrow(), shown))
                .onSuccess(comparison::set)
                .onFailure(e -> status.set(e.getMessage())).executeWith(tasks);
    }

    private void start(java.util.concurrent.Callable<FactoryRun> work) {
        progress.values().forEach(p -> p.set(0));
        running.set(true);
        status.set(Text.get("studio.factory.running"));
        BackgroundTask.wrap(work)
                .onSuccess(r -> {
                    run.set(r);
                    comparison.set(null);
                    status.set(Text.get("studio.factory.done", r.files().size(), r.folder(), r.violations().size()));
                    refreshRuns();
                })
                .onFailure(e -> status.set(e.getMessage()))
                .onFinished(() -> running.set(false))
                .executeWith(tasks);
    }

    private void progressed(GeneratorKind kind, double value) {
        if (Platform.isFxApplicationThread()) {
            progress.get(kind).set(value);
        } else {
            try {
                Platform.runLater(() -> progress.get(kind).set(value));
            } catch (IllegalStateException e) {
                // No FX toolkit (a plain JUnit test): set it here.
                progress.get(kind).set(value);
            }
        }
    }
}
