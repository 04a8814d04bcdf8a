package dev.switchboard.review.ui;

import dev.switchboard.core.id.SessionId;
import dev.switchboard.core.event.EventBus;
import dev.switchboard.core.event.Subscription;
import dev.switchboard.core.session.TrainingSessionChanged;
import dev.switchboard.review.engine.ReviewService;
import dev.switchboard.review.engine.SessionView;
import dev.switchboard.review.model.ReviewStatus;
import dev.switchboard.review.model.SessionQuery;
import dev.switchboard.review.model.SessionRow;
import dev.switchboard.uikit.BackgroundTask;
import dev.switchboard.uikit.DialogService;
import dev.switchboard.uikit.TaskRunner;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The session list: filters on every column, full-text search over transcripts, and opening a session.
 * What the viewer may see is decided by the {@link ReviewService}; this model only asks. FX thread only.
 */
public final class ReviewViewModel {

    /** The most rows the list shows; narrow the filters to see older ones. */
    public static final int MAX_ROWS = 10_000;
    /** Waveform columns computed per session; the canvas scales them to its width. */
    static final int WAVEFORM_BUCKETS = 1600;

    private final ReviewService service;
    private final TaskRunner tasks;
    private final DialogService dialogs;

    // Properties: filters
    private final StringProperty trainee = new SimpleStringProperty("");
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty kind = new SimpleStringProperty("");
    private final ObjectProperty<ReviewStatus> status = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final StringProperty minScore = new SimpleStringProperty("");
    private final StringProperty maxScore = new SimpleStringProperty("");
    private final StringProperty minMinutes = new SimpleStringProperty("");
    private final StringProperty maxMinutes = new SimpleStringProperty("");
    private final StringProperty transcript = new SimpleStringProperty("");
    // Properties: results
    private final ObservableList<SessionRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final BooleanProperty everyone = new SimpleBooleanProperty();
    private Consumer<SessionViewModel> onOpened = vm -> { };

    private javafx.animation.PauseTransition pendingRefresh;
    private java.util.function.Consumer<SessionId> changed = id -> { };

    public ReviewViewModel(ReviewService service, TaskRunner tasks, DialogService dialogs) {
        this.service = Objects.requireNonNull(service, "service");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        everyone.set(service.seesEveryone());
        // A changed filter applies by itself, shortly after the last keystroke; Apply is only a shortcut.
        for (javafx.beans.Observable filter : java.util.List.of(trainee, title, kind, status, from, to, minScore,
                maxScore, minMinutes, maxMinutes, transcript)) {
            filter.addListener(o -> refreshSoon());
        }
    }

    public ReviewService service() {
        return service;
    }

    // Properties

    public StringProperty traineeProperty() {
        return trainee;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty kindProperty() {
        return kind;
    }

    public ObjectProperty<ReviewStatus> statusProperty() {
        return status;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public StringProperty minScoreProperty() {
        return minScore;
    }

    public StringProperty maxScoreProperty() {
        return maxScore;
    }

    public StringProperty minMinutesProperty() {
        return minMinutes;
    }

    public StringProperty maxMinutesProperty() {
        return maxMinutes;
    }

    public StringProperty transcriptProperty() {
        return transcript;
    }

    public ObservableList<SessionRow> rows() {
        return rows;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Whether the viewer sees every trainee (so the trainee filter makes sense). */
    public boolean seesEveryone() {
        return everyone.get();
    }

    /**
     * Keeps the list current while the workspace lives: sessions that start, end or are graded anywhere (the call
     * console, the control room, another review tab) show without Apply. Returns what stops it.
     */
    public AutoCloseable follow(EventBus bus) {
        Subscription s = bus.subscribe(TrainingSessionChanged.class, e -> Platform.runLater(this::refreshSoon));
        changed = id -> bus.publish(new TrainingSessionChanged(id));
        return s::close;
    }

    /** Refreshes once shortly, however many changes arrive meanwhile; filters typed since apply too. */
    public void refreshSoon() {
        if (pendingRefresh == null) {
            pendingRefresh = new javafx.animation.PauseTransition(javafx.util.Duration.millis(300));
            pendingRefresh.setOnFinished(e -> refresh());
        }
        pendingRefresh.playFromStart();
    }

    /** Called with each session opened by {@link #open}, on the FX thread. */
    public void setOnOpened(Consumer<SessionViewModel> action) {
        this.onOpened = Objects.requireNonNull(action, "action");
    }

    // Commands

    /** Indexes sessions not yet indexed, then runs the query. */
    public void refresh() {
        SessionQuery q;
        try {
            q = query();
        } catch (IllegalArgumentException e) {
            summary.set(e.getMessage());
            return;
        }
        busy.set(true);
        BackgroundTask.wrap(() -> {
            service.indexPending();
            return service.list(q);
        })
                .onSuccess(list -> {
                    rows.setAll(list);
                    summary.set(list.size() >= MAX_ROWS ? Text.get("review.list.capped", MAX_ROWS)
                            : Text.get("review.list.count", list.size()));
                })
                .onFailure(e -> dialogs.showError(Text.get("review.error.list"), e))
                .onFinished(() -> busy.set(false))
                .executeWith(tasks);
    }

    public void clearFilters() {
        trainee.set("");
        title.set("");
        kind.set("");
        status.set(null);
        from.set(null);
        to.set(null);
        minScore.set("");
        maxScore.set("");
        minMinutes.set("");
        maxMinutes.set("");
        transcript.set("");
        refresh();
    }

    /** Opens {@code row} (reading its log, audio outline and replay off the FX thread). */
    public void open(SessionRow row) {
        open(row.id());
    }

    public void open(SessionId id) {
        busy.set(true);
        BackgroundTask.wrap(() -> SessionView.openForViewing(service, id, WAVEFORM_BUCKETS))
                .onSuccess(data -> {
                    SessionViewModel vm = new SessionViewModel(service, data, tasks, dialogs, System::nanoTime,
                            SessionViewModel::mediaAudio);
                    vm.setOnChanged(changed);
                    onOpened.accept(vm);
                })
                .onFailure(e -> dialogs.showError(Text.get("review.error.open"), e))
                .onFinished(() -> busy.set(false))
                .executeWith(tasks);
    }

    /** Writes the scores of the listed sessions as CSV. */
    public void exportCsv(Path out) {
        SessionQuery q = query();
        BackgroundTask.wrap(() -> service.exportScoresCsv(q, out))
                .onSuccess(n -> dialogs.showInfo(Text.get("review.export.done"),
                        Text.get("review.export.csvDone", n, out.toString())))
                .onFailure(e -> dialogs.showError(Text.get("review.error.export"), e))
                .executeWith(tasks);
    }

    /** The filters as a query. */
    SessionQuery query() {
        ZoneId zone = ZoneId.systemDefault();
        SessionQuery q = SessionQuery.all(MAX_ROWS)
                .withTrainee(blankToNull(trainee.get()))
                .withTitle(blankToNull(title.get()))
                .withKind(blankToNull(kind.get()))
                .withStatus(status.get())
                .withDates(from.get() == null ? null : from.get().atStartOfDay(zone).toInstant(),
                        to.get() == null ? null : to.get().plusDays(1).atStartOfDay(zone).toInstant())
                .withScore(number(minScore.get(), Text.get("review.filter.minScore")),
                        number(maxScore.get(), Text.get("review.filter.maxScore")))
                .withTranscript(blankToNull(transcript.get()));
        Double minMin = number(minMinutes.get(), Text.get("review.filter.minMinutes"));
        Double maxMin = number(maxMinutes.get(), Text.get("review.filter.maxMinutes"));
        return q.withDuration(minMin == null ? null : Math.round(minMin * 60_000),
                maxMin == null ? null : Math.round(maxMin * 60_000));
    }

    private static Double number(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(text.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(Text.get("review.filter.notANumber", field, text.trim()), e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
