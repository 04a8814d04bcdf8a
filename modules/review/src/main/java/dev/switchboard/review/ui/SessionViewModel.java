package dev.switchboard.review.ui;

import dev.switchboard.core.id.SessionId;
import dev.switchboard.review.engine.MapReplay;
import dev.switchboard.review.engine.PlaybackClock;
import dev.switchboard.review.engine.ReviewService;
import dev.switchboard.review.engine.SessionView;
import dev.switchboard.review.engine.Waveform;
import dev.switchboard.review.model.Assessment;
import dev.switchboard.review.model.Grade;
import dev.switchboard.review.model.HistoryEntry;
import dev.switchboard.review.model.IncidentMark;
import dev.switchboard.review.model.Note;
import dev.switchboard.review.model.RecordedSession;
import dev.switchboard.review.model.RecordingIntegrity;
import dev.switchboard.uikit.BackgroundTask;
import dev.switchboard.uikit.DialogService;
import dev.switchboard.uikit.TaskRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One opened session: the playback position that audio, transcript, timeline, waveform and map follow, and
 * the supervisor's notes, grade and sign-off. The position comes from the audio while it plays at 0.5-2x;
 * above 2x (map replay up to 16x), without audio, or when audio output fails, from a {@link PlaybackClock}.
 * FX thread only; blocking work goes through the task runner.
 */
public final class SessionViewModel {

    /** The speeds offered: audio up to 2x, the map replay beyond. */
    public static final List<Double> SPEEDS = List.of(0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 4.0, 8.0, 16.0);
    /** The fastest speed at which audio is played; above it the replay runs silently on the clock. */
    public static final double MAX_AUDIO_RATE = 2.0;

    private final ReviewService service;
    private SessionView data;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final PlaybackClock clock;
    private final BiFunction<SessionView, Runnable, AudioOutput> audioFactory;
    private AudioOutput audio;
    private boolean playbackAudited;
    private boolean closed;

    // Properties
    private final ReadOnlyLongWrapper position = new ReadOnlyLongWrapper();
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper rate = new ReadOnlyDoubleWrapper(1);
    private final ReadOnlyIntegerWrapper currentUtterance = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyIntegerWrapper currentTimelineItem = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyStringWrapper audioStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<List<MapReplay.UnitPosition>> units = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<List<IncidentMark>> incidents = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<Assessment> assessment = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Note> notes = FXCollections.observableArrayList();
    private final ObservableList<HistoryEntry> history = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper canAssess = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper signedOff = new ReadOnlyBooleanWrapper();
    private java.util.function.Consumer<dev.switchboard.core.id.SessionId> changed = id -> { };
    private final ReadOnlyObjectWrapper<RecordingIntegrity> recordingCheck = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Waveform> waveform = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper fetching = new ReadOnlyBooleanWrapper();

    /**
     * @param audioFactory opens the session's recording; called once, when the session has one (when it arrives
     *                     from the server, then). Receives the callback to run when the output fails later.
     */
    public SessionViewModel(ReviewService service, SessionView data, TaskRunner tasks, DialogService dialogs,
                            LongSupplier nanos, BiFunction<SessionView, Runnable, AudioOutput> audioFactory) {
        this.service = Objects.requireNonNull(service, "service");
        this.data = Objects.requireNonNull(data, "data");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.audioFactory = Objects.requireNonNull(audioFactory, "audioFactory");
        this.clock = new PlaybackClock(nanos, data.session().durationMs());
        this.audio = data.session().audio().isPresent() ? audioFactory.apply(data, this::audioFailed)
                : AudioOutput.none(Text.get(data.arriving().isPresent() ? "review.audio.fetching"
                : "review.audio.none"));
        waveform.set(data.waveform());
        canAssess.set(service.canAssess());
        assessment.addListener((obs, old, now) -> signedOff.set(now != null && now.signedOff()));
        audioStatus.set(audio.available() ? "" : audio.problem());
        reloadReview();
        checkRecording();
        show(0);
        data.arriving().ifPresent(this::awaitRecording);
    }

    /** The recording is on its way from the server: everything else is shown; it joins when it arrives. */
    private void awaitRecording(java.util.concurrent.CompletableFuture<SessionView> arriving) {
        fetching.set(true);
        BackgroundTask.wrap(() -> ReviewService.join(arriving))
                .onSuccess(this::recordingArrived)
                .onFailure(e -> {
                    fetching.set(false);
                    if (closed) {
                        return;
                    }
                    audio = AudioOutput.none(Text.get("review.audio.fetchFailed"));
                    updateAudioStatus();
                    dialogs.showError(Text.get("review.error.fetch"), e);
                })
                .executeWith(tasks);
    }

    private void recordingArrived(SessionView full) {
        fetching.set(false);
        if (closed) {
            return;
        }
        long at = currentPosition();
        data = full;
        waveform.set(full.waveform());
        if (full.session().audio().isEmpty()) {
            audio = AudioOutput.none(Text.get("review.audio.none"));
            updateAudioStatus();
            return;
        }
        audio = audioFactory.apply(full, this::audioFailed);
        updateAudioStatus();
        checkRecording();
        if (playing.get()) {
            auditPlayback();
        }
        if (playing.get() && audioActive()) {
            // The replay ran on the clock meanwhile; the sound joins it where it is.
            audio.seek(at);
            audio.setRate(rate.get());
            audio.play();
        }
    }

    /** The waveform over the whole session: flat while the recording is still being fetched. */
    public ReadOnlyObjectProperty<Waveform> waveformProperty() {
        return waveform.getReadOnlyProperty();
    }

    /** True while the recording is being fetched from the server's database; the replay runs silently meanwhile. */
    public ReadOnlyBooleanProperty fetchingProperty() {
        return fetching.getReadOnlyProperty();
    }

    /** The recording checked against its seal: null until the check (in the background) is done. */
    public ReadOnlyObjectProperty<RecordingIntegrity> recordingCheckProperty() {
        return recordingCheck.getReadOnlyProperty();
    }

    private void checkRecording() {
        if (data.session().audio().isEmpty()) {
            return;
        }
        BackgroundTask.wrap(() -> service.checkRecording(id()))
                .onSuccess(recordingCheck::set)
                .onFailure(e -> recordingCheck.set(new RecordingIntegrity(RecordingIntegrity.Status.MISSING,
                        e.getMessage())))
                .executeWith(tasks);
    }

    /** Opens the session's recording with JavaFX Media, falling back to the clock when that fails. */
    static AudioOutput mediaAudio(SessionView data, Runnable onFailure) {
        return data.session().audio().map(p -> MediaAudio.open(p, onFailure))
                .orElse(AudioOutput.none(Text.get("review.audio.none")));
    }

    public SessionView data() {
        return data;
    }

    public RecordedSession session() {
        return data.session();
    }

    public SessionId id() {
        return data.session().row().id();
    }

    // Properties

    public ReadOnlyLongProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty rateProperty() {
        return rate.getReadOnlyProperty();
    }

    /** The transcript line to highlight, or -1. */
    public ReadOnlyIntegerProperty currentUtteranceProperty() {
        return currentUtterance.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty currentTimelineItemProperty() {
        return currentTimelineItem.getReadOnlyProperty();
    }

    /** Empty while audio plays; otherwise why not, e.g. "Audio output unavailable: the position runs on a clock". */
    public ReadOnlyStringProperty audioStatusProperty() {
        return audioStatus.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<MapReplay.UnitPosition>> unitsProperty() {
        return units.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<IncidentMark>> incidentsProperty() {
        return incidents.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Assessment> assessmentProperty() {
        return assessment.getReadOnlyProperty();
    }

    public ObservableList<Note> notes() {
        return notes;
    }

    public ObservableList<HistoryEntry> history() {
        return history;
    }

    /** Told the session's id after each note, grade or sign-off, so lists elsewhere show it at once. */
    public void setOnChanged(java.util.function.Consumer<dev.switchboard.core.id.SessionId> action) {
        this.changed = Objects.requireNonNull(action, "action");
    }

    /** Whether the session is signed off: its notes are then fixed. */
    public ReadOnlyBooleanProperty signedOffProperty() {
        return signedOff.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canAssessProperty() {
        return canAssess.getReadOnlyProperty();
    }

    /** Whether sound is coming out now (rather than the position running on the clock). */
    public boolean audioActive() {
        return audio.available() && rate.get() <= MAX_AUDIO_RATE;
    }

    // Commands

    public void togglePlay() {
        if (playing.get()) {
            pause();
        } else {
            play();
        }
    }

    public void play() {
        if (playing.get()) {
            return;
        }
        if (position.get() >= session().durationMs()) {
            seek(0);
        }
        if (!fetching.get()) {
            auditPlayback();
        }
        clock.seek(position.get());
        clock.play();
        if (audioActive()) {
            audio.seek(position.get());
            audio.setRate(rate.get());
            audio.play();
        }
        playing.set(true);
    }

    /** Records the first playback, with the recording's check against its seal; once the recording is here. */
    private void auditPlayback() {
        if (playbackAudited) {
            return;
        }
        playbackAudited = true;
        BackgroundTask.wrap(() -> service.playbackStarted(id()))
                .onSuccess(recordingCheck::set)
                .onFailure(e -> dialogs.showError(Text.get("review.error.audit"), e)).executeWith(tasks);
    }

    public void pause() {
        long at = currentPosition();
        clock.pause();
        clock.seek(at);
        audio.pause();
        playing.set(false);
        show(at);
    }

    /** Moves everything to {@code ms} (kept within the recording); playing continues from there. */
    public void seek(long ms) {
        long at = data.sync().clamp(ms);
        clock.seek(at);
        if (audioActive()) {
            audio.seek(at);
        }
        show(at);
    }

    /** Seeks to the start of transcript line {@code index}. */
    public void seekToUtterance(int index) {
        seek(data.sync().seekTo(index));
    }

    /** Changes the speed; above {@value #MAX_AUDIO_RATE}x the audio pauses and the replay runs on the clock. */
    public void setRate(double newRate) {
        long at = currentPosition();
        boolean wasAudio = audioActive();
        clock.setRate(newRate);
        rate.set(newRate);
        boolean nowAudio = audioActive();
        if (wasAudio && !nowAudio) {
            audio.pause();
        }
        if (nowAudio) {
            audio.setRate(newRate);
            if (!wasAudio) {
                audio.seek(at);
                if (playing.get()) {
                    audio.play();
                }
            }
        }
        clock.seek(at);
        updateAudioStatus();
    }

    /** Called once per frame while shown: reads the position and moves everything to it. */
    public void tick() {
        if (!playing.get()) {
            return;
        }
        long at = currentPosition();
        if (at >= session().durationMs() || (!audioActive() && !clock.playing())) {
            at = session().durationMs();
            pause();
        }
        show(at);
    }

    /** Pins a note to the current position. */
    public void addNote(String text) {
        long at = position.get();
        BackgroundTask.wrap(() -> service.addNote(id(), at, text))
                .onSuccess(n -> {
                    reloadReview();
                    changed.accept(id());
                })
                .onFailure(e -> dialogs.showError(Text.get("review.error.note"), e)).executeWith(tasks);
    }

    public void assess(Grade grade, String comment) {
        BackgroundTask.wrap(() -> service.assess(id(), grade, comment))
                .onSuccess(a -> {
                    reloadReview();
                    changed.accept(id());
                })
                .onFailure(e -> dialogs.showError(Text.get("review.error.assess"), e)).executeWith(tasks);
    }

    public void signOff() {
        if (!dialogs.confirm(Text.get("review.signOff.title"), Text.get("review.signOff.confirm"))) {
            return;
        }
        BackgroundTask.wrap(() -> service.signOff(id()))
                .onSuccess(a -> {
                    reloadReview();
                    changed.accept(id());
                })
                .onFailure(e -> dialogs.showError(Text.get("review.error.signOff"), e)).executeWith(tasks);
    }

    public void exportPdf(Path out) {
        BackgroundTask.wrap(() -> service.exportPdf(id(), out))
                .onSuccess(v -> dialogs.showInfo(Text.get("review.export.done"), out.toString()))
                .onFailure(e -> dialogs.showError(Text.get("review.error.export"), e)).executeWith(tasks);
    }

    /** Stops the audio; the view model is not used afterwards. */
    public void close() {
        closed = true;
        pause();
        audio.dispose();
    }

    private void reloadReview() {
        BackgroundTask.wrap(() -> new Review(service.notes(id()), service.assessment(id()), service.history(id())))
                .onSuccess(r -> {
                    notes.setAll(r.notes);
                    assessment.set(r.assessment);
                    history.setAll(r.history);
                })
                .onFailure(e -> dialogs.showError(Text.get("review.error.load"), e)).executeWith(tasks);
    }

    private long currentPosition() {
        if (!playing.get()) {
            return position.get();
        }
        return audioActive() ? audio.positionMs() : clock.positionMs();
    }

    private void show(long at) {
        position.set(at);
        currentUtterance.set(data.sync().indexAt(at));
        currentTimelineItem.set(data.timelineIndexAt(at));
        units.set(data.replay().unitsAt(at));
        incidents.set(data.replay().incidentsAt(at));
    }

    private void audioFailed() {
        long at = position.get();
        clock.seek(at);
        if (playing.get()) {
            clock.play();
        }
        updateAudioStatus();
    }

    private void updateAudioStatus() {
        if (!audio.available()) {
            audioStatus.set(audio.problem());
        } else if (rate.get() > MAX_AUDIO_RATE) {
            audioStatus.set(Text.get("review.audio.silentAbove"));
        } else {
            audioStatus.set("");
        }
    }

    private record Review(List<Note> notes, Assessment assessment, List<HistoryEntry> history) {
    }
}
