package dev.switchboard.app.workspace;

import dev.switchboard.app.shell.DatabaseInUse;
import dev.switchboard.core.error.SwitchboardException;
import dev.switchboard.store.DatabaseOrigin;
import dev.switchboard.store.DatabaseServer;
import dev.switchboard.store.DatabaseSetting;
import dev.switchboard.store.DatabaseSetting.PasswordFrom;
import dev.switchboard.store.ServerProbe;
import dev.switchboard.uikit.BackgroundTask;
import dev.switchboard.uikit.TaskRunner;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
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
import org.slf4j.LoggerFactory;

/**
 * Settings → Database (instructors): this seat's own database or the training center's server, with the server's
 * address, user and where its password comes from (a file, an environment variable, or the OS keyring, where a
 * password typed here goes; never a file). <i>Test connection</i> logs on with what is typed, off the FX thread;
 * <i>Save</i> writes {@value DatabaseSetting#FILE_NAME}, which applies at the next start unless the command line or
 * the environment names a server.
 */
public final class SettingsDatabaseViewModel {

    private final DatabaseInUse inUse;
    private final TaskRunner tasks;
    private final Map<String, String> env;
    private final Function<DatabaseServer, ServerProbe> probe;

    // Properties
    private final BooleanProperty useServer = new SimpleBooleanProperty();
    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty user = new SimpleStringProperty("");
    private final ObjectProperty<PasswordFrom> passwordFrom = new SimpleObjectProperty<>(PasswordFrom.FILE);
    private final StringProperty passwordFile = new SimpleStringProperty("");
    private final StringProperty passwordVariable = new SimpleStringProperty("SWITCHBOARD_DATABASE_PASSWORD");
    private final StringProperty keyringPassword = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper resultOk = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final Consumer<DatabaseSetting> audit;

    public SettingsDatabaseViewModel(DatabaseInUse inUse, TaskRunner tasks, Map<String, String> env,
                                     Function<DatabaseServer, ServerProbe> probe) {
        this(inUse, tasks, env, probe, saved -> { });
    }

    /**
     * As above; {@code audit} is told of every saved choice, off the FX thread, after the file was written (the
     * window records it in the audit log).
     */
    public SettingsDatabaseViewModel(DatabaseInUse inUse, TaskRunner tasks, Map<String, String> env,
                                     Function<DatabaseServer, ServerProbe> probe, Consumer<DatabaseSetting> audit) {
        this.audit = Objects.requireNonNull(audit, "audit");
        this.inUse = Objects.requireNonNull(inUse, "inUse");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.env = Map.copyOf(env);
        this.probe = Objects.requireNonNull(probe, "probe");
        load();
    }

    private void load() {
        Optional<DatabaseSetting> saved;
        try {
            saved = DatabaseSetting.read(inUse.dataDir());
        } catch (SwitchboardException e) {
            fail(e.getMessage());
            saved = Optional.empty();
        }
        saved.filter(DatabaseSetting::isServer).ifPresent(s -> {
            useServer.set(true);
            url.set(s.url());
            user.set(s.user());
            passwordFrom.set(s.passwordFrom());
            if (s.passwordFrom() == PasswordFrom.FILE) {
                passwordFile.set(s.passwordPlace());
            } else if (s.passwordFrom() == PasswordFrom.ENVIRONMENT) {
                passwordVariable.set(s.passwordPlace());
            }
        });
        if (!keyringAvailable() && passwordFrom.get() == PasswordFrom.KEYRING) {
            passwordFrom.set(PasswordFrom.FILE);
        }
    }

    /** What this session works on and what decided it, one line. */
    public String inEffect() {
        String server = inUse.wantedServer().map(DatabaseInUse::hostAndDatabase).orElse("");
        if (inUse.offline()) {
            return Ui.text("app.settings.db.inEffectOffline", server);
        }
        String decided = switch (inUse.origin()) {
            case COMMAND_LINE -> Ui.text("app.settings.db.origin.commandLine");
            case ENVIRONMENT -> Ui.text("app.settings.db.origin.environment");
            case SETTINGS_FILE -> Ui.text("app.settings.db.origin.settings");
            case DEFAULT -> Ui.text("app.settings.db.origin.default");
        };
        return inUse.onServer() ? Ui.text("app.settings.db.inEffectServer", server, decided)
                : Ui.text("app.settings.db.inEffectSeat", decided);
    }

    /** Whether the command line or the environment decides, so what is saved here waits; for the hint. */
    public boolean overridden() {
        return inUse.origin().overridesSettings();
    }

    /** Says which of --database or SWITCHBOARD_DATABASE wins over what is saved here; empty when neither. */
    public String overrideNote() {
        return inUse.origin() == DatabaseOrigin.COMMAND_LINE ? Ui.text("app.settings.db.overrideCommandLine")
                : inUse.origin() == DatabaseOrigin.ENVIRONMENT ? Ui.text("app.settings.db.overrideEnvironment") : "";
    }

    /** Whether the OS keyring can keep the password on this computer. */
    public boolean keyringAvailable() {
        return inUse.keyring().available();
    }

    /** Why the keyring cannot be used, one line with the way out; empty when it can. */
    public String keyringNote() {
        return keyringAvailable() ? "" : Ui.text("app.settings.db.keyringMissing", inUse.keyring().unavailableReason());
    }

    public BooleanProperty useServerProperty() {
        return useServer;
    }

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty userProperty() {
        return user;
    }

    public ObjectProperty<PasswordFrom> passwordFromProperty() {
        return passwordFrom;
    }

    public StringProperty passwordFileProperty() {
        return passwordFile;
    }

    public StringProperty passwordVariableProperty() {
        return passwordVariable;
    }

    /** A password typed once to go into the OS keyring at Save; never written to a file, cleared after Save. */
    public StringProperty keyringPasswordProperty() {
        return keyringPassword;
    }

    /** The outcome of the last Test connection or Save, one line. */
    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** Whether {@link #resultProperty()} reports success. */
    public ReadOnlyBooleanProperty resultOkProperty() {
        return resultOk.getReadOnlyProperty();
    }

    /** True while testing or saving. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    // Commands

    /** Logs on with what is typed and reports the server's version and the schema's state, or why not. */
    public void testConnection() {
        DatabaseSetting setting;
        try {
            setting = typed();
        } catch (SwitchboardException e) {
            fail(e.getMessage());
            return;
        }
        if (!setting.isServer()) {
            succeed(Ui.text("app.settings.db.testSeat"));
            return;
        }
        String typedPassword = keyringPassword.get();
        busy.set(true);
        result.set(Ui.text("app.settings.db.testing", setting.display()));
        BackgroundTask.wrap(() -> probe.apply(serverFor(setting, typedPassword))).onSuccess(p -> {
            busy.set(false);
            if (p.reached() && p.schema() != ServerProbe.Schema.NEWER
                    && p.schema() != ServerProbe.Schema.NOT_SWITCHBOARD) {
                succeed(describe(p));
            } else if (p.reached()) {
                fail(describe(p));
            } else {
                fail(Ui.text("app.settings.db.testFailed", p.server(), p.problem()));
            }
        }).onFailure(error -> {
            busy.set(false);
            fail(Ui.text("app.settings.db.testFailed", setting.display(), error.getMessage()));
        }).executeWith(tasks);
    }

    /** Writes the choice into the seat's settings file (and a typed password into the keyring); next start. */
    public void save() {
        DatabaseSetting setting;
        try {
            setting = typed();
        } catch (SwitchboardException e) {
            fail(e.getMessage());
            return;
        }
        String typedPassword = keyringPassword.get();
        busy.set(true);
        BackgroundTask.wrap(() -> {
            if (setting.isServer() && setting.passwordFrom() == PasswordFrom.KEYRING) {
                if (!typedPassword.isEmpty()) {
                    inUse.keyring().store(setting.keyringEntry(), typedPassword);
                } else if (inUse.keyring().read(setting.keyringEntry()).isEmpty()) {
                    throw new SwitchboardException(Ui.text("app.settings.db.keyringEmpty", setting.keyringEntry()),
                            "");
                }
            }
            setting.write(inUse.dataDir());
            audit.accept(setting);
            return setting;
        }).onSuccess(s -> {
            busy.set(false);
            keyringPassword.set("");
            LoggerFactory.getLogger(SettingsDatabaseViewModel.class).info("Database choice saved: {}",
                    s.isServer() ? s.display() + " (password from " + s.passwordFrom() + ")" : "this seat's own");
            succeed(Ui.text(overridden() ? "app.settings.db.savedOverridden" : "app.settings.db.saved",
                    s.isServer() ? DatabaseInUse.hostAndDatabase(s.display()) : Ui.text("app.settings.db.seat")));
        }).onFailure(error -> {
            busy.set(false);
            fail(error instanceof SwitchboardException e ? e.getMessage() : String.valueOf(error.getMessage()));
        }).executeWith(tasks);
    }

    /** The setting as typed, checked field by field. */
    DatabaseSetting typed() {
        if (!useServer.get()) {
            return DatabaseSetting.seat();
        }
        String place = switch (passwordFrom.get()) {
            case FILE -> passwordFile.get();
            case ENVIRONMENT -> passwordVariable.get();
            default -> "";
        };
        return DatabaseSetting.server(url.get(), user.get(), passwordFrom.get(), place);
    }

    /** The server with its password from where the form says; a password just typed wins over the keyring's. */
    private DatabaseServer serverFor(DatabaseSetting setting, String typedPassword) {
        String u = setting.user().isEmpty() ? null : setting.user();
        return switch (setting.passwordFrom()) {
            case KEYRING -> typedPassword.isEmpty() ? setting.toServer(env, inUse.keyring()::read)
                    : DatabaseServer.of(setting.url(), u, typedPassword);
            default -> setting.toServer(env, entry -> Optional.empty());
        };
    }

    private static String describe(ServerProbe p) {
        // "PostgreSQL 17.6 (Debian …) on x86_64-pc-linux-gnu, compiled by …": the name and number say enough.
        String[] words = p.serverVersion().split(" ");
        String version = words.length >= 2 ? words[0] + " " + words[1] : p.serverVersion();
        String schema = switch (p.schema()) {
            case UP_TO_DATE -> Ui.text("app.settings.db.schemaUpToDate", p.schemaVersion());
            case NEEDS_MIGRATION -> Ui.text("app.settings.db.schemaOlder", p.schemaVersion(), p.newestVersion());
            case EMPTY -> Ui.text("app.settings.db.schemaEmpty");
            case NEWER -> Ui.text("app.settings.db.schemaNewer", p.schemaVersion(), p.newestVersion());
            case NOT_SWITCHBOARD -> Ui.text("app.settings.db.schemaForeign");
        };
        return Ui.text("app.settings.db.testOk", DatabaseInUse.hostAndDatabase(p.server()), version, schema);
    }

    private void succeed(String text) {
        result.set(text);
        resultOk.set(true);
    }

    private void fail(String text) {
        result.set(text);
        resultOk.set(false);
    }
}
