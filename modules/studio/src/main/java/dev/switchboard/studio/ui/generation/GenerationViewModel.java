package dev.switchboard.studio.ui.generation;

import dev.switchboard.ai.GpuFleet;
import dev.switchboard.ai.ImageJob;
import dev.switchboard.ai.ImageService;
import dev.switchboard.ai.QueueView;
import dev.switchboard.ai.VideoSpec;
import dev.switchboard.core.event.Subscription;
import dev.switchboard.studio.engine.generation.GenerationService;
import dev.switchboard.studio.engine.generation.StyleCatalog;
import dev.switchboard.studio.model.generation.GenerationSettings;
import dev.switchboard.studio.model.generation.StylePreset;
import dev.switchboard.studio.ui.Text;
import dev.switchboard.uikit.BackgroundTask;
import dev.switchboard.uikit.TaskRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The generation panel's state and commands: the request form (a style fills size, steps and guidance), the queue
 * with places, estimates and the users' shares, the selected job's preview, and what the workers can do. Reads run
 * through the task runner; the queue is refreshed when a job changes and once a second while shown.
 */
public final class GenerationViewModel {

    private static final int JOBS_SHOWN = 100;

    private final GenerationService generation;
    private final ImageService images;
    private final GpuFleet fleet;
    private final TaskRunner tasks;
    private final String user;
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile boolean refreshAgain;
    private Subscription updates;

    // Properties: the form.
    private final StringProperty prompt = new SimpleStringProperty("");
    private final StringProperty negative = new SimpleStringProperty("");
    private final ObjectProperty<StylePreset> style = new SimpleObjectProperty<>();
    private final IntegerProperty width = new SimpleIntegerProperty(512);
    private final IntegerProperty height = new SimpleIntegerProperty(512);
    private final IntegerProperty steps = new SimpleIntegerProperty(20);
    private final DoubleProperty guidance = new SimpleDoubleProperty(7);
    private final LongProperty seed = new SimpleLongProperty(-1);
    private final IntegerProperty batch = new SimpleIntegerProperty(1);
    private final IntegerProperty priority = new SimpleIntegerProperty(5);
    private final BooleanProperty clip = new SimpleBooleanProperty();
    private final DoubleProperty seconds = new SimpleDoubleProperty(3);
    private final IntegerProperty fps = new SimpleIntegerProperty(12);
    private final ObjectProperty<byte[]> startImage = new SimpleObjectProperty<>();
    private final StringProperty startImageName = new SimpleStringProperty("");
    // Properties: what the workers can do, the queue.
    private final ReadOnlyStringWrapper availability = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canGenerate = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper noWorkers = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper demoNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ObservableList<JobRow> jobs = FXCollections.observableArrayList();
    private final ObservableList<QueueView.UserShare> users = FXCollections.observableArrayList();
    private final ObjectProperty<JobRow> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<byte[]> preview = new ReadOnlyObjectWrapper<>();

    public GenerationViewModel(GenerationService generation, GpuFleet fleet, TaskRunner tasks, String user) {
        this.generation = generation;
        this.images = generation.images();
        this.fleet = fleet;
        this.tasks = tasks;
        this.user = user;
        style.addListener((obs, old, now) -> applyStyle(now));
        selected.addListener((obs, old, now) -> loadPreview());
    }

    // Properties

    public StringProperty promptProperty() {
        return prompt;
    }

    public StringProperty negativeProperty() {
        return negative;
    }

    public ObjectProperty<StylePreset> styleProperty() {
        return style;
    }

    public IntegerProperty widthProperty() {
        return width;
    }

    public IntegerProperty heightProperty() {
        return height;
    }

    public IntegerProperty stepsProperty() {
        return steps;
    }

    public DoubleProperty guidanceProperty() {
        return guidance;
    }

    public LongProperty seedProperty() {
        return seed;
    }

    public IntegerProperty batchProperty() {
        return batch;
    }

    public IntegerProperty priorityProperty() {
        return priority;
    }

    public BooleanProperty clipProperty() {
        return clip;
    }

    public DoubleProperty secondsProperty() {
        return seconds;
    }

    public IntegerProperty fpsProperty() {
        return fps;
    }

    public ObjectProperty<byte[]> startImageProperty() {
        return startImage;
    }

    public StringProperty startImageNameProperty() {
        return startImageName;
    }

    public ReadOnlyStringProperty availabilityProperty() {
        return availability.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canGenerateProperty() {
        return canGenerate.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty noWorkersProperty() {
        return noWorkers.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty demoNoteProperty() {
        return demoNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ObservableList<JobRow> jobs() {
        return jobs;
    }

    public ObservableList<QueueView.UserShare> users() {
        return users;
    }

    public ObjectProperty<JobRow> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<byte[]> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public List<StylePreset> styles() {
        return StyleCatalog.all();
    }

    // Commands

    /** Starts listening to the queue; called when the panel is shown. */
    public void activate() {
        updates = images.onUpdate(job -> refresh());
        refresh();
    }

    public void deactivate() {
        if (updates != null) {
            updates.close();
            updates = null;
        }
    }

    /** Queues what the form asks for. */
    public void generate() {
        GenerationSettings s = new GenerationSettings(prompt.get(), negative.get(),
                style.get() == null ? StyleCatalog.NONE : style.get().id(), width.get(), height.get(), steps.get(),
                guidance.get(), seed.get(), batch.get(), startImage.get(),
                clip.get() ? new VideoSpec(seconds.get(), fps.get()) : null, priority.get(), user);
        BackgroundTask.wrap(() -> generation.generate(s))
                .onSuccess(queued -> {
                    status.set(Text.get("studio.gen.queued", queued.size()));
                    refresh();
                })
                .onFailure(e -> status.set(e.getMessage()))
                .executeWith(tasks);
    }

    /** Cancels the selected job, queued or running. */
    public void cancelSelected() {
        JobRow row = selected.get();
        if (row == null || !row.cancellable()) {
            return;
        }
        BackgroundTask.wrap(() -> images.cancel(row.id()))
                .onSuccess(done -> {
                    status.set(done ? Text.get("studio.gen.cancelled") : Text.get("studio.gen.notCancelled"));
                    refresh();
                })
                .onFailure(e -> status.set(e.getMessage()))
                .executeWith(tasks);
    }

    /** Clears the starting picture. */
    public void clearStartImage() {
        startImage.set(null);
        startImageName.set("");
    }

    /** Reads the queue again; coalesces calls that arrive while a read runs. */
    public void refresh() {
        if (!refreshing.compareAndSet(false, true)) {
            refreshAgain = true;
            return;
        }
        BackgroundTask.wrap(this::read)
                .onSuccess(this::show)
                .onFailure(e -> status.set(e.getMessage()))
                .onFinished(() -> {
                    refreshing.set(false);
                    if (refreshAgain) {
                        refreshAgain = false;
                        refresh();
                    }
                })
                .executeWith(tasks);
    }

    private Snapshot read() {
        List<ImageJob> recent = images.jobs(JOBS_SHOWN);
        QueueView q = images.queue();
        List<JobRow> rows = new ArrayList<>();
        for (ImageJob j : recent) {
            rows.add(JobRow.of(j, q.entry(j.id()), q.entries().size()));
        }
        ImageService.Availability a = images.availability();
        List<GpuFleet.WorkerStatus> workers = fleet == null ? List.of() : fleet.workers();
        List<GpuFleet.WorkerStatus> demos = workers.stream().filter(w -> w.enabled() && w.note()
                .toLowerCase(java.util.Locale.ROOT).contains("demo")).toList();
        String demo = demos.isEmpty() ? "" : String.join(", ", demos.stream().map(GpuFleet.WorkerStatus::name)
                .toList()) + " — " + demos.get(0).note();
        return new Snapshot(rows, q.users(), a, demo);
    }

    private void show(Snapshot s) {
        String keep = selected.get() == null ? null : selected.get().id();
        jobs.setAll(s.rows());
        users.setAll(s.users());
        if (keep != null) {
            s.rows().stream().filter(r -> r.id().equals(keep)).findFirst().ifPresent(selected::set);
        }
        ImageService.Availability a = s.availability();
        noWorkers.set(a.workers() == 0);
        canGenerate.set(a.canGenerate());
        availability.set(availabilityText(a));
        demoNote.set(s.demo().isEmpty() ? "" : Text.get("studio.gen.demo", s.demo()));
        loadPreview();
    }

    /** "2 of 3 GPU workers healthy. (1 not checked yet)", or "Checking the 2 GPU workers…" before any check. */
    private static String availabilityText(ImageService.Availability a) {
        if (a.workers() == 0) {
            return Text.get("studio.gen.noWorkers");
        }
        // Right after start-up the workers are not checked yet: "0 of 2 healthy" would say they are down.
        String workers = a.unchecked() == a.workers() ? Text.get("studio.gen.checking", a.workers())
                : Text.get("studio.gen.workers", a.healthy(), a.workers())
                        + (a.unchecked() == 0 ? "" : " " + Text.get("studio.gen.unchecked", a.unchecked()));
        return workers + (a.video() ? "" : " " + Text.get("studio.gen.noVideo"));
    }

    private void loadPreview() {
        JobRow row = selected.get();
        if (row == null) {
            preview.set(null);
            return;
        }
        String id = row.id();
        BackgroundTask.wrap(() -> row.running() ? images.preview(id)
                        : images.media(id).flatMap(m -> Optional.ofNullable(m.still())).map(GenerationViewModel::bytes))
                .onSuccess(p -> {
                    if (selected.get() != null && selected.get().id().equals(id)) {
                        preview.set(p.orElse(null));
                    }
                })
                .onFailure(e -> preview.set(null))
                .executeWith(tasks);
    }

    private void applyStyle(StylePreset p) {
        if (p == null) {
            return;
        }
        width.set(p.width());
        height.set(p.height());
        steps.set(p.steps());
        guidance.set(p.guidance());
        clip.set(p.forClips());
    }

    private static byte[] bytes(java.nio.file.Path p) {
        try {
            return java.nio.file.Files.readAllBytes(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private record Snapshot(List<JobRow> rows, List<QueueView.UserShare> users, ImageService.Availability availability,
                            String demo) {
    }
}
