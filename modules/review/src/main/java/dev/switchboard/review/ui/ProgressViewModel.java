package dev.switchboard.review.ui;

import dev.switchboard.calltaking.model.CallTarget;
import dev.switchboard.core.id.UserId;
import dev.switchboard.review.engine.ReviewService;
import dev.switchboard.review.model.ProgressPoint;
import dev.switchboard.review.model.SessionQuery;
import dev.switchboard.review.model.SessionRow;
import dev.switchboard.review.model.SortColumn;
import dev.switchboard.review.model.Targets;
import dev.switchboard.uikit.BackgroundTask;
import dev.switchboard.uikit.DialogService;
import dev.switchboard.uikit.TaskRunner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A trainee's progress across sessions: one series per measure (overall score, answer time, time to location,
 * time to dispatch, each rubric item) with the center's target. Supervisors pick the trainee; trainees see
 * their own. FX thread only.
 */
public final class ProgressViewModel {

    /** A trainee to choose. */
    public record Trainee(UserId id, String name) {
        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * One chart: values per session in session order (null where the session lacks the measure).
     *
     * @param targets the target of each session in the same order (null where it has none); empty when the measure
     *                has no target
     * @param higherIsBetter whether the target is a floor (score) rather than a ceiling (times)
     */
    public record Series(String key, String label, List<Double> values, List<Double> targets,
                         boolean higherIsBetter) {
    }

    private final ReviewService service;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Targets targets;

    private final ObservableList<Trainee> trainees = FXCollections.observableArrayList();
    private final ObjectProperty<Trainee> trainee = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<List<ProgressPoint>> points = new ReadOnlyObjectWrapper<>(List.of());

    public ProgressViewModel(ReviewService service, Targets targets, TaskRunner tasks, DialogService dialogs) {
        this.service = Objects.requireNonNull(service, "service");
        this.targets = Objects.requireNonNull(targets, "targets");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        trainee.addListener((obs, old, now) -> load());
    }

    public ObservableList<Trainee> trainees() {
        return trainees;
    }

    public ObjectProperty<Trainee> traineeProperty() {
        return trainee;
    }

    public ReadOnlyObjectProperty<List<ProgressPoint>> pointsProperty() {
        return points.getReadOnlyProperty();
    }

    public Targets targets() {
        return targets;
    }

    /** Fills the trainee choice (everyone with a recorded call; just the viewer for a trainee) and loads the first. */
    public void refresh() {
        BackgroundTask.wrap(() -> {
            if (!service.seesEveryone()) {
                return List.of(new Trainee(service.viewer().id(), service.viewer().displayName()));
            }
            Set<Trainee> seen = new LinkedHashSet<>();
            // Progress is drawn from calls: someone who only ran control-room exercises has nothing to show.
            for (SessionRow r : service.list(SessionQuery.all(SessionQuery.MAX_LIMIT).withKind("call")
                    .sortedBy(SortColumn.TRAINEE, false))) {
                seen.add(new Trainee(r.trainee(), r.traineeName()));
            }
            return List.copyOf(seen);
        }).onSuccess(list -> {
            Trainee keep = trainee.get();
            trainees.setAll(list);
            if (keep != null && list.contains(keep)) {
                load();
            } else {
                trainee.set(list.isEmpty() ? null : list.get(0));
            }
        }).onFailure(e -> dialogs.showError(Text.get("review.error.progress"), e)).executeWith(tasks);
    }

    /** The charts for the loaded points. */
    public List<Series> series() {
        List<ProgressPoint> list = points.get();
        List<Series> out = new ArrayList<>();
        out.add(new Series("score", Text.get("review.progress.score"),
                list.stream().map(ProgressPoint::score).toList(),
                list.stream().map(p -> (double) targets.score()).toList(), true));
        for (CallTarget t : CallTarget.values()) {
            String key = t.name().toLowerCase(java.util.Locale.ROOT);
            String label = switch (t) {
                case ANSWER -> "review.progress.answer";
                case LOCATION -> "review.progress.location";
                case DISPATCH -> "review.progress.dispatch";
            };
            out.add(new Series(key, Text.get(label, t.definition()),
                    list.stream().map(p -> seconds(p.metrics().of(t))).toList(),
                    list.stream().map(p -> p.metrics().targets() == null ? null
                            : (Double) (double) t.seconds(p.metrics().targets())).toList(), false));
        }
        Map<String, List<Double>> items = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        for (ProgressPoint p : list) {
            p.items().keySet().forEach(k -> items.putIfAbsent(k, new ArrayList<>()));
            labels.putAll(p.labels());
        }
        items.forEach((id, values) -> {
            for (ProgressPoint p : list) {
                Double earned = p.items().get(id);
                values.add(earned == null ? null : earned * 100);
            }
            out.add(new Series("item:" + id, Text.get("review.progress.item", labels.getOrDefault(id, id)), values,
                    List.of(), true));
        });
        return out;
    }

    private void load() {
        Trainee t = trainee.get();
        if (t == null) {
            points.set(List.of());
            return;
        }
        BackgroundTask.wrap(() -> service.progress(t.id()))
                .onSuccess(points::set)
                .onFailure(e -> dialogs.showError(Text.get("review.error.progress"), e)).executeWith(tasks);
    }

    private static Double seconds(Long ms) {
        return ms == null ? null : ms / 1000.0;
    }
}
