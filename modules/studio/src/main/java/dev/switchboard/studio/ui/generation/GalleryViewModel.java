package dev.switchboard.studio.ui.generation;

import dev.switchboard.core.event.Subscription;
import dev.switchboard.studio.engine.generation.GalleryQuery;
import dev.switchboard.studio.engine.generation.GenerationService;
import dev.switchboard.studio.model.generation.GalleryItem;
import dev.switchboard.studio.model.generation.GalleryUse;
import dev.switchboard.studio.ui.Text;
import dev.switchboard.uikit.BackgroundTask;
import dev.switchboard.uikit.TaskRunner;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The gallery's state and commands: search and filters, the selected item, comparison, export and "use as". */
public final class GalleryViewModel {

    /** A filter choice "any". */
    public static final String ANY = "";
    private static final int SHOWN = 200;

    private final GenerationService generation;
    private final TaskRunner tasks;
    private final String user;
    private Subscription updates;

    // Properties
    private final StringProperty text = new SimpleStringProperty("");
    private final ObjectProperty<GalleryItem.Kind> kind = new SimpleObjectProperty<>();
    private final StringProperty style = new SimpleStringProperty(ANY);
    private final StringProperty worker = new SimpleStringProperty(ANY);
    private final ObservableList<GalleryItem> items = FXCollections.observableArrayList();
    private final ObservableList<String> workers = FXCollections.observableArrayList();
    private final ObjectProperty<GalleryItem> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<GalleryItem> compareWith = new SimpleObjectProperty<>();
    private final ObservableList<GenerationService.Difference> differences = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    public GalleryViewModel(GenerationService generation, TaskRunner tasks, String user) {
        this.generation = generation;
        this.tasks = tasks;
        this.user = user;
        compareWith.addListener((obs, old, now) -> compare());
        selected.addListener((obs, old, now) -> compare());
    }

    public StringProperty textProperty() {
        return text;
    }

    public ObjectProperty<GalleryItem.Kind> kindProperty() {
        return kind;
    }

    public StringProperty styleProperty() {
        return style;
    }

    public StringProperty workerProperty() {
        return worker;
    }

    public ObservableList<GalleryItem> items() {
        return items;
    }

    public ObservableList<String> workers() {
        return workers;
    }

    public ObjectProperty<GalleryItem> selectedProperty() {
        return selected;
    }

    public ObjectProperty<GalleryItem> compareWithProperty() {
        return compareWith;
    }

    public ObservableList<GenerationService.Difference> differences() {
        return differences;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    // Commands

    public void activate() {
        updates = generation.onGalleryChange(item -> search());
        search();
    }

    public void deactivate() {
        if (updates != null) {
            updates.close();
            updates = null;
        }
    }

    /** Reads the items matching the search and filters. */
    public void search() {
        GalleryQuery q = new GalleryQuery(text.get(), kind.get(), style.get().isEmpty() ? null : style.get(),
                worker.get().isEmpty() ? null : worker.get(), null, null, SHOWN);
        BackgroundTask.wrap(() -> new Found(generation.gallery().search(q), generation.gallery().workers()))
                .onSuccess(found -> {
                    String keep = selected.get() == null ? null : selected.get().jobId();
                    items.setAll(found.items());
                    workers.setAll(found.workers());
                    status.set(Text.get("studio.gallery.count", found.items().size()));
                    if (keep != null) {
                        found.items().stream().filter(i -> i.jobId().equals(keep)).findFirst()
                                .ifPresent(selected::set);
                    }
                })
                .onFailure(e -> status.set(e.getMessage()))
                .executeWith(tasks);
    }

    /** Copies the selected item (and the one compared with, if any) into {@code folder}. */
    public void export(Path folder) {
        List<String> ids = compareWith.get() != null && selected.get() != null
                ? List.of(selected.get().jobId(), compareWith.get().jobId())
                : selected.get() == null ? List.of() : List.of(selected.get().jobId());
        if (ids.isEmpty()) {
            return;
        }
        BackgroundTask.wrap(() -> generation.export(ids, folder))
                .onSuccess(files -> status.set(Text.get("studio.gallery.exported", files.size(), folder)))
                .onFailure(e -> status.set(e.getMessage()))
                .executeWith(tasks);
    }

    /** Offers the selected item for {@code use}. */
    public void useAs(GalleryUse use, String target) {
        GalleryItem item = selected.get();
        if (item == null) {
            return;
        }
        BackgroundTask.wrap(() -> generation.useAs(item.jobId(), use, target, user))
                .onSuccess(event -> status.set(Text.get("studio.gallery.used", useLabel(use))))
                .onFailure(e -> status.set(e.getMessage()))
                .executeWith(tasks);
    }

    static String useLabel(GalleryUse use) {
        return switch (use) {
            case SCENARIO_IMAGE -> Text.get("studio.gallery.use.scenario");
            case CAMERA_STILL -> Text.get("studio.gallery.use.camera");
            case INCIDENT_ATTACHMENT -> Text.get("studio.gallery.use.incident");
        };
    }

    private void compare() {
        GalleryItem a = selected.get();
        GalleryItem b = compareWith.get();
        differences.setAll(a == null || b == null ? List.of() : GenerationService.compare(a, b));
    }

    private record Found(List<GalleryItem> items, List<String> workers) {
    }
}
