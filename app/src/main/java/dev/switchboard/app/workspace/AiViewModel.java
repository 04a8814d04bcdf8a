package dev.switchboard.app.workspace;

import dev.switchboard.ai.AiUse;
import dev.switchboard.ai.engine.AiGateway;
import dev.switchboard.ai.engine.AiStatus;
import dev.switchboard.ai.engine.chat.UsageRow;
import dev.switchboard.ai.engine.provider.ConnectionTest;
import dev.switchboard.ai.engine.provider.ProviderConfig;
import dev.switchboard.ai.engine.worker.Worker;
import dev.switchboard.ai.engine.worker.WorkerHealth;
import dev.switchboard.ai.engine.worker.WorkerRegistry;
import dev.switchboard.app.Workstation;
import dev.switchboard.core.account.Role;
import dev.switchboard.core.error.SwitchboardException;
import dev.switchboard.uikit.BackgroundTask;
import dev.switchboard.uikit.DialogService;
import dev.switchboard.uikit.TaskRunner;
import dev.switchboard.uikit.WorkspaceContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The AI page: providers, the provider of each use, usage over the last 30 days and the GPU workers.
 * Everything is read and changed off the FX thread; failures are shown, never thrown.
 */
public final class AiViewModel {

    /** Days of usage the dashboard shows. */
    public static final int USAGE_DAYS = 30;

    private final AiGateway ai;
    private final WorkerRegistry workers;
    private final Workstation workstation;
    private final TaskRunner tasks;
    private final DialogService dialogs;

    // Properties
    private final ObservableList<ProviderConfig> providers = FXCollections.observableArrayList();
    private final ObservableList<UsageRow> usage = FXCollections.observableArrayList();
    private final ObservableList<WorkerRow> workerRows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<AiStatus> status = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper usageTotals = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper imageAvailability = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public AiViewModel(WorkspaceContext ctx) {
        if (ctx.user().role() != Role.INSTRUCTOR) {
            throw new SwitchboardException("Only instructors configure AI providers and workers.",
                    "Ask an instructor.");
        }
        this.workstation = ctx.service(Workstation.class);
        this.ai = workstation.ai();
        this.workers = workstation.workers();
        this.tasks = ctx.tasks();
        this.dialogs = ctx.dialogs();
    }

    public ObservableList<ProviderConfig> providers() {
        return providers;
    }

    public ObservableList<UsageRow> usage() {
        return usage;
    }

    public ObservableList<WorkerRow> workers() {
        return workerRows;
    }

    public ReadOnlyObjectProperty<AiStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty usageTotalsProperty() {
        return usageTotals.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty imageAvailabilityProperty() {
        return imageAvailability.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The provider names a use can be pointed at, "offline" first. */
    public List<String> choicesFor() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(ProviderConfig.OFFLINE),
                providers.stream().map(ProviderConfig::name)).toList();
    }

    /** The provider a use is assigned to, or "offline". */
    public String assignment(AiUse use) {
        return ai.providers().assignment(use).orElse(ProviderConfig.OFFLINE);
    }

    // Commands

    /** Re-reads providers, status, usage and workers. */
    public void refresh() {
        BackgroundTask.wrap(this::load).onSuccess(this::show)
                .onFailure(error -> dialogs.showError(Ui.text("app.ai.title"), error))
                .executeWith(tasks);
    }

    public void addProvider(ProviderConfig config) {
        change(() -> ai.providers().add(config), Ui.text("app.ai.providerAdded", config.name()));
    }

    public void updateProvider(ProviderConfig config) {
        change(() -> ai.providers().update(config), Ui.text("app.ai.providerSaved", config.name()));
    }

    public void removeProvider(ProviderConfig config) {
        if (dialogs.confirm(Ui.text("app.ai.removeProvider"), Ui.text("app.ai.removeProviderConfirm", config.name()))) {
            change(() -> ai.providers().remove(config.name()), Ui.text("app.ai.providerRemoved", config.name()));
        }
    }

    public void assign(AiUse use, String provider) {
        if (provider == null || provider.equals(assignment(use))) {
            return;
        }
        change(() -> ai.providers().assign(use, provider), Ui.text("app.ai.assigned", use.label(), provider));
    }

    /** Tests a provider off the FX thread and hands the result to {@code show}. */
    public void test(ProviderConfig config, Consumer<ConnectionTest.TestResult> show) {
        message.set(Ui.text("app.ai.testing", config.name()));
        BackgroundTask.wrap(() -> ai.connectionTest().test(config))
                .onSuccess(result -> {
                    message.set("");
                    show.accept(result);
                })
                .onFailure(error -> dialogs.showError(Ui.text("app.ai.test"), error))
                .executeWith(tasks);
    }

    public void addWorker(Worker worker) {
        change(() -> {
            workers.add(worker);
            workers.check(worker.name());
        }, Ui.text("app.ai.workerAdded", worker.name()));
    }

    public void removeWorker(WorkerRow row) {
        String name = row.worker().name();
        if (dialogs.confirm(Ui.text("app.ai.removeWorker"), Ui.text("app.ai.removeWorkerConfirm", name))) {
            change(() -> workers.remove(row.worker().name()), Ui.text("app.ai.workerRemoved", row.worker().name()));
        }
    }

    public void checkWorkers() {
        change(() -> workers.list().forEach(w -> workers.check(w.name())), Ui.text("app.ai.workersChecked"));
    }

    private void change(Runnable work, String done) {
        BackgroundTask.wrap(() -> {
            work.run();
            return load();
        }).onSuccess(loaded -> {
            show(loaded);
            message.set(done);
        }).onFailure(error -> dialogs.showError(Ui.text("app.ai.failed"), error)).executeWith(tasks);
    }

    private Loaded load() {
        LocalDate today = LocalDate.now(workstation.wallClock());
        Map<String, WorkerHealth> health = workers.health();
        List<WorkerRow> rows = workers.list().stream()
                .map(w -> new WorkerRow(w, health.getOrDefault(w.name(), null))).toList();
        return new Loaded(ai.providers().list(), ai.status(), ai.usage().query(today.minusDays(USAGE_DAYS - 1), today),
                rows, workstation.images().availability().summary());
    }

    private void show(Loaded loaded) {
        providers.setAll(loaded.providers());
        status.set(loaded.status());
        usage.setAll(loaded.usage());
        workerRows.setAll(loaded.workers());
        imageAvailability.set(loaded.imageAvailability());
        long calls = 0;
        long offline = 0;
        long tokens = 0;
        double cost = 0;
        for (UsageRow row : loaded.usage()) {
            calls += row.calls();
            offline += row.fallbacks();
            tokens += row.tokensIn() + row.tokensOut();
            cost += row.costUsd();
        }
        usageTotals.set(Ui.text("app.ai.usageTotals", USAGE_DAYS, calls, offline, tokens,
                String.format(java.util.Locale.ROOT, "%.4f", cost)));
    }

    /** A worker with its last health reading (null before the first check). */
    public record WorkerRow(Worker worker, WorkerHealth health) {

        public String healthText() {
            return health == null ? Ui.text("app.ai.notChecked") : health.summary();
        }
    }

    private record Loaded(List<ProviderConfig> providers, AiStatus status, List<UsageRow> usage,
                          List<WorkerRow> workers, String imageAvailability) {
    }
}
