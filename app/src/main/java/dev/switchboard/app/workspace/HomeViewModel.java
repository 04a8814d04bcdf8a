package dev.switchboard.app.workspace;

import dev.switchboard.app.Workstation;
import dev.switchboard.app.shell.SystemStatus;
import dev.switchboard.app.shell.WorkstationWindow;
import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.Role;
import dev.switchboard.store.session.SessionSummary;
import dev.switchboard.uikit.BackgroundTask;
import dev.switchboard.uikit.TaskRunner;
import dev.switchboard.uikit.WorkspaceContext;
import dev.switchboard.core.event.EventBus;
import dev.switchboard.core.event.Subscription;
import dev.switchboard.core.session.TrainingSessionChanged;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What Home shows: the user's recent sessions (a trainee's own; everyone's for supervisors and
 * instructors) and a fresh system-status reading, both loaded off the FX thread on each visit.
 */
public final class HomeViewModel {

    static final int RECENT = 8;

    private final Workstation workstation;
    private final Account user;
    private final TaskRunner tasks;
    private final WorkstationWindow.StatusRefresher statusBar;
    private PauseTransition pending;

    // Properties
    private final ObservableList<SessionSummary> recent = FXCollections.observableArrayList();
    /**
     * One read-only view of the list, kept here: a fresh wrapper per call would be collected with the listener Home
     * put on it (it listens weakly to the list), and Home kept saying "No sessions yet" while the table had rows.
     */
    private final ObservableList<SessionSummary> recentView = FXCollections.unmodifiableObservableList(recent);
    private final ReadOnlyObjectWrapper<SystemStatus> status = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<String> loadError = new ReadOnlyObjectWrapper<>("");
    private final javafx.beans.property.ReadOnlyBooleanWrapper sessionsLoaded =
            new javafx.beans.property.ReadOnlyBooleanWrapper();

    public HomeViewModel(WorkspaceContext ctx) {
        this.workstation = ctx.service(Workstation.class);
        this.user = ctx.user();
        this.tasks = ctx.tasks();
        this.statusBar = ctx.service(WorkstationWindow.StatusRefresher.class);
        // The status card read "Speech: warming up" until "Check again" while the status bar already said ready: when
        // the background warm-up ends, the card's speech line is read again (the rest of the reading stands).
        workstation.speech().warmUpEnded().thenRun(() -> Platform.runLater(() -> {
            SystemStatus shown = status.get();
            if (shown != null) {
                status.set(shown.withSpeech(workstation.speech().status()));
            }
        }));
    }

    public ObservableList<SessionSummary> recentSessions() {
        return recentView;
    }

    public ReadOnlyObjectProperty<SystemStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** False until the session list has been read once: until then an empty list means "not read yet". */
    public javafx.beans.property.ReadOnlyBooleanProperty sessionsLoadedProperty() {
        return sessionsLoaded.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<String> loadErrorProperty() {
        return loadError.getReadOnlyProperty();
    }

    public Account user() {
        return user;
    }

    /** Whether the data is on a training center's server (whose administrator backs it up) rather than this seat. */
    public boolean onServer() {
        return workstation.database().isServer();
    }

    /** Whether the list holds everyone's sessions rather than only the user's own. */
    public boolean showsAllTrainees() {
        return user.role() != Role.TRAINEE;
    }

    // Commands

    /**
     * Reloads the list whenever a session starts, ends or is graded anywhere, while Home is shown; returns what
     * stops it. Changes close together give one reload.
     */
    public AutoCloseable follow(EventBus bus) {
        Subscription s = bus.subscribe(TrainingSessionChanged.class, e -> Platform.runLater(this::refreshSessionsSoon));
        return s::close;
    }

    private void refreshSessionsSoon() {
        if (pending == null) {
            pending = new PauseTransition(javafx.util.Duration.millis(300));
            pending.setOnFinished(e -> refreshSessions());
        }
        pending.playFromStart();
    }

    /** Reloads the session list only (the status check verifies the audit chain and is kept for visits). */
    public void refreshSessions() {
        BackgroundTask.wrap(() -> showsAllTrainees() ? workstation.sessions().recent(RECENT)
                        : workstation.sessions().recentFor(user.id(), RECENT))
                .onSuccess(list -> {
                    recent.setAll(list);
                    sessionsLoaded.set(true);
                })
                .onFailure(error -> loadError.set(error.getMessage()))
                .executeWith(tasks);
    }

    /**
     * Reloads sessions and status, each on its own: the sessions are one quick query, while the status verifies the
     * audit chain and asks every service, which on a busy seat of a server took over ten seconds once; the list does
     * not wait for it.
     */
    public void refresh() {
        refreshSessions();
        BackgroundTask.wrap(() -> SystemStatus.read(workstation, true))
                .onSuccess(read -> {
                    // Speech is read again here: the warm-up may have ended while the audit chain was being verified.
                    status.set(read.withSpeech(workstation.speech().status()));
                    statusBar.refresh(read);
                    loadError.set("");
                })
                .onFailure(error -> loadError.set(error.getMessage()))
                .executeWith(tasks);
    }
}
