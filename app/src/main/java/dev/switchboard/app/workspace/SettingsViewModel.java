package dev.switchboard.app.workspace;

import dev.switchboard.app.Workstation;
import dev.switchboard.app.shell.WorkstationWindow;
import dev.switchboard.calltaking.engine.session.CallSettings;
import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.AuditAction;
import dev.switchboard.core.account.AuditRecord;
import dev.switchboard.core.account.Role;
import dev.switchboard.core.settings.CoreSettings;
import dev.switchboard.studio.model.ops.StudioSettings;
import dev.switchboard.core.settings.CoreSettings.ThemeChoice;
import dev.switchboard.core.settings.Settings;
import dev.switchboard.store.BackupInfo;
import dev.switchboard.store.DatabaseSetting;
import dev.switchboard.uikit.BackgroundTask;
import dev.switchboard.uikit.DialogService;
import dev.switchboard.uikit.TaskRunner;
import dev.switchboard.uikit.WorkspaceContext;
import java.nio.file.Path;
import dev.switchboard.city.engine.tiles.MapSettings;
import dev.switchboard.places.CityPackCatalog;
import dev.switchboard.core.error.SwitchboardException;
import dev.switchboard.workflow.model.WorkflowSettings;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Settings for the whole workstation. Everyone chooses the theme and their password; instructors
 * also set the idle lock and the longest call, and restore backups, which replace every user's data.
 */
public final class SettingsViewModel {

    private final Workstation workstation;
    private final Settings settings;
    private final Account user;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final WorkstationWindow.BackupRestorer restorer;

    // Properties
    private final ObjectProperty<ThemeChoice> theme = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> idleLockMinutes = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Integer> maxCallMinutes = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty onlineTiles = new SimpleBooleanProperty();
    private final ObservableList<CityPackCatalog.Entry> packs = FXCollections.observableArrayList();
    private final ObjectProperty<CityPackCatalog.Entry> pack = new SimpleObjectProperty<>();
    private final BooleanProperty metricsEndpoint = new SimpleBooleanProperty();
    private final ObjectProperty<Integer> metricsPort = new SimpleObjectProperty<>();
    private final ObservableList<BackupInfo> backups = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper temporalAddress = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper workflowEngine = new ReadOnlyStringWrapper("");

    public SettingsViewModel(WorkspaceContext ctx) {
        this.workstation = ctx.service(Workstation.class);
        this.settings = ctx.settings();
        this.user = ctx.user();
        this.tasks = ctx.tasks();
        this.dialogs = ctx.dialogs();
        this.restorer = ctx.service(WorkstationWindow.BackupRestorer.class);
        theme.set(settings.get(CoreSettings.THEME));
        temporalAddress.set(settings.get(WorkflowSettings.TEMPORAL_ADDRESS));
        idleLockMinutes.set(settings.get(CoreSettings.IDLE_LOCK_MINUTES));
        maxCallMinutes.set(settings.get(CallSettings.MAX_LENGTH_MINUTES));
        onlineTiles.set(settings.get(MapSettings.ONLINE_TILES));
        onlineTiles.addListener((obs, old, now) -> {
            if (isInstructor() && now != null && !now.equals(old)) {
                settings.set(MapSettings.ONLINE_TILES, now);
            }
        });
        packs.setAll(workstation.cityPacks().available());
        String chosen = settings.get(CityPackCatalog.SELECTED);
        pack.set(packs.stream().filter(e -> e.key().equals(chosen)).findFirst().orElse(packs.get(0)));
        pack.addListener((obs, old, now) -> {
            if (isInstructor() && now != null && !now.equals(old)) {
                settings.set(CityPackCatalog.SELECTED, now.key());
            }
        });
        metricsEndpoint.set(settings.get(StudioSettings.PROMETHEUS_ENABLED));
        metricsPort.set(settings.get(StudioSettings.PROMETHEUS_PORT));
        metricsEndpoint.addListener((obs, old, now) -> {
            if (isInstructor() && now != null && !now.equals(old)) {
                settings.set(StudioSettings.PROMETHEUS_ENABLED, now);
            }
        });
        metricsPort.addListener((obs, old, now) -> {
            if (now != null && !now.equals(old) && isInstructor()) {
                try {
                    settings.set(StudioSettings.PROMETHEUS_PORT, now);
                } catch (IllegalArgumentException e) {
                    dialogs.showError(Ui.text("app.settings.metrics"), e.getMessage());
                    metricsPort.set(old);
                }
            }
        });
        theme.addListener((obs, old, now) -> {
            if (now != null && now != old) {
                settings.set(CoreSettings.THEME, now);
            }
        });
        idleLockMinutes.addListener((obs, old, now) -> {
            if (now != null && !now.equals(old) && isInstructor()) {
                try {
                    settings.set(CoreSettings.IDLE_LOCK_MINUTES, now);
                } catch (IllegalArgumentException e) {
                    dialogs.showError(Ui.text("app.settings.idleLock"), e.getMessage());
                    idleLockMinutes.set(old);
                }
            }
        });
    }

    public ObjectProperty<ThemeChoice> themeProperty() {
        return theme;
    }

    public ObjectProperty<Integer> idleLockMinutesProperty() {
        return idleLockMinutes;
    }

    /** The longest a call may run, in minutes, as stored; the call console reads it as each call starts. */
    public ReadOnlyObjectProperty<Integer> maxCallMinutesProperty() {
        return maxCallMinutes.getReadOnlyProperty();
    }

    /** Whether the control-room map may fetch OpenStreetMap tiles; instructors only, off by default. */
    public BooleanProperty onlineTilesProperty() {
        return onlineTiles;
    }

    /** The city packs on offer: the bundled Tokyo and the imported ones. */
    public ObservableList<CityPackCatalog.Entry> packs() {
        return packs;
    }

    /** The chosen city pack; instructors choose, for the next exercise and call. */
    public ObjectProperty<CityPackCatalog.Entry> packProperty() {
        return pack;
    }

    /** Checks the pack in {@code folder} off the FX thread; when it reads, offers it and chooses it. */
    public void addPackFolder(java.nio.file.Path folder) {
        busy.set(true);
        BackgroundTask.wrap(() -> {
            dev.switchboard.places.CityPacks.load(folder);
            return CityPackCatalog.describe(folder).orElseThrow();
        }).onSuccess(entry -> {
            busy.set(false);
            if (packs.stream().noneMatch(e -> e.key().equals(entry.key()))) {
                packs.add(entry);
            }
            packs.stream().filter(e -> e.key().equals(entry.key())).findFirst().ifPresent(pack::set);
        }).onFailure(error -> {
            busy.set(false);
            dialogs.showError(Ui.text("app.settings.packAdd"), error);
        }).executeWith(tasks);
    }

    /** Whether the Prometheus metrics endpoint listens on 127.0.0.1; instructors only, off by default. */
    public BooleanProperty metricsEndpointProperty() {
        return metricsEndpoint;
    }

    /** The metrics endpoint's port. */
    public ObjectProperty<Integer> metricsPortProperty() {
        return metricsPort;
    }

    /** The Temporal address in Settings ({@code host:port}), empty for this workstation's own engine. */
    public ReadOnlyStringProperty temporalAddressProperty() {
        return temporalAddress.getReadOnlyProperty();
    }

    /** Where new workflow runs go, checked (connecting when an address is set); empty until checked. */
    public ReadOnlyStringProperty workflowEngineProperty() {
        return workflowEngine.getReadOnlyProperty();
    }

    /**
     * Sets the Temporal service new workflow runs go to ({@code host:port}), or clears it (empty) for this
     * workstation's own engine; instructors only. A malformed address is refused with the reason; a well-formed one
     * is kept and then checked, and the status says whether the service answers.
     *
     * @return whether it was kept
     */
    public boolean setTemporalAddress(String address) {
        if (!isInstructor()) {
            return false;
        }
        String a = address == null ? "" : address.strip();
        try {
            settings.set(WorkflowSettings.TEMPORAL_ADDRESS, a);
        } catch (IllegalArgumentException e) {
            dialogs.showError(Ui.text("app.settings.workflows"), e.getMessage());
            return false;
        }
        temporalAddress.set(a);
        checkWorkflowEngine();
        return true;
    }

    /** Works out, in the background, where new workflow runs go and whether a Temporal service there answers. */
    public void checkWorkflowEngine() {
        workflowEngine.set(Ui.text("app.settings.temporalChecking"));
        BackgroundTask.wrap(() -> {
            var wf = workstation.workflows();
            var target = wf.temporalTarget();
            if (!target.set()) {
                return Ui.text("app.settings.temporalHere");
            }
            try {
                wf.temporal();
                return Ui.text("app.settings.temporalOk", target.address());
            } catch (SwitchboardException e) {
                return Ui.text("app.settings.temporalUnreachable", target.address());
            }
        }).onSuccess(workflowEngine::set).onFailure(e -> workflowEngine.set(e.getMessage())).executeWith(tasks);
    }

    public ObservableList<BackupInfo> backups() {
        return backups;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public boolean isInstructor() {
        return user.role() == Role.INSTRUCTOR;
    }

    public Account user() {
        return user;
    }

    public Path dataDir() {
        return workstation.dataDir().root();
    }

    /** Where the data lives: the seat's database file, or the server's host, port and database. */
    public String databaseLocation() {
        return workstation.database().location();
    }

    /** Whether this window works on a training center server, whose backups are not the seat's to take. */
    public boolean onServer() {
        return workstation.database().isServer();
    }

    public Path logDir() {
        return workstation.dataDir().logs();
    }

    // Commands

    /**
     * Stores the longest a call may run from what was typed: whole minutes from 1 to 240; instructors only. Anything
     * else is refused with a message that names the field, and the stored value stays.
     *
     * @return whether {@code text} is now the stored value
     */
    public boolean setMaxCallMinutes(String text) {
        if (!isInstructor()) {
            return false;
        }
        String typed = text == null ? "" : text.strip();
        int minutes;
        try {
            minutes = Integer.parseInt(typed);
        } catch (NumberFormatException e) {
            minutes = Integer.MIN_VALUE;
        }
        if (minutes < CallSettings.SHORTEST_LIMIT_MINUTES || minutes > CallSettings.LONGEST_LIMIT_MINUTES) {
            dialogs.showError(Ui.text("app.settings.maxCall"), Ui.text("app.settings.maxCallInvalid", typed,
                    String.valueOf(CallSettings.SHORTEST_LIMIT_MINUTES),
                    String.valueOf(CallSettings.LONGEST_LIMIT_MINUTES)));
            return false;
        }
        if (minutes != maxCallMinutes.get()) {
            settings.set(CallSettings.MAX_LENGTH_MINUTES, minutes);
            maxCallMinutes.set(minutes);
        }
        return true;
    }

    /** Re-reads the list of backups. */
    public void refreshBackups() {
        BackgroundTask.wrap(() -> workstation.backups().list())
                .onSuccess(backups::setAll)
                .onFailure(error -> dialogs.showError(Ui.text("app.settings.backups"), error))
                .executeWith(tasks);
    }

    /** Takes a backup now and lists it; not on a server, whose backups are its administrator's. */
    /**
     * Records in the audit log that an instructor saved the seat's database choice: the server's address (never a
     * password) and where its password comes from, or the seat's own file. Called off the FX thread.
     */
    public void auditDatabaseChoice(DatabaseSetting saved) {
        String target = saved.isServer() ? saved.display() : "this seat's own database";
        String source = switch (saved.passwordFrom()) {
            case FILE -> "a password file";
            case ENVIRONMENT -> "an environment variable";
            case KEYRING -> "the OS keyring";
            case PGPASS -> "~/.pgpass or the server's trust";
        };
        String detail = (saved.isServer() ? "password from " + source + "; " : "") + "applies at the next start";
        workstation.auditLog().record(new AuditRecord(workstation.wallClock().instant(), user.username(),
                AuditAction.DATABASE_SETTING, target, AuditRecord.Outcome.SUCCESS, detail));
    }

    public void backupNow() {
        if (onServer()) {
            return;
        }
        busy.set(true);
        BackgroundTask.wrap(() -> {
            BackupInfo info = workstation.backups().create("manual");
            workstation.auditLog().record(new AuditRecord(workstation.wallClock().instant(), user.username(),
                    AuditAction.DATABASE_BACKUP, info.file().getFileName().toString(), AuditRecord.Outcome.SUCCESS,
                    "from Settings"));
            return workstation.backups().list();
        }).onSuccess(list -> {
            busy.set(false);
            backups.setAll(list);
        }).onFailure(error -> {
            busy.set(false);
            dialogs.showError(Ui.text("app.settings.backupFailed"), error);
        }).executeWith(tasks);
    }

    /** After confirmation, restores {@code backup}: everyone is signed out and the database replaced. */
    public void restore(BackupInfo backup) {
        if (!isInstructor() || backup == null || onServer()) {
            return;
        }
        if (dialogs.confirm(Ui.text("app.settings.restoreTitle"),
                Ui.text("app.settings.restoreConfirm", Ui.when(backup.createdAt()), backup.file().getFileName()))) {
            restorer.restore(backup.file());
        }
    }
}
