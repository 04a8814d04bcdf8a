package dev.switchboard.app.shell;

import dev.switchboard.ai.engine.provider.KeyringAccess;
import dev.switchboard.ai.engine.provider.OsKeyring;
import dev.switchboard.app.LaunchOptions;
import dev.switchboard.app.Workstation;
import dev.switchboard.core.error.InputException;
import dev.switchboard.core.error.SwitchboardException;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.DatabaseOrigin;
import dev.switchboard.store.DatabaseServer;
import dev.switchboard.store.DatabaseSetting;
import dev.switchboard.store.ServerProbe;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which database the window works on this session, and opening it: the server from {@code --database} or
 * {@code SWITCHBOARD_DATABASE}, else the server saved in Settings ({@value DatabaseSetting#FILE_NAME}), else the
 * seat's own file. When a server was wanted and cannot be used, opening fails with {@link ServerUnavailable}, which
 * names the server and says why in one line; {@link #openOffline} then opens the seat's own file for the session.
 */
public final class DatabaseStart {

    /** The keyring service the server password is kept under (the AI keys have their own). */
    public static final String KEYRING_SERVICE = "Switchboard database";

    private final DataDir dir;
    private final LaunchOptions options;
    private final Map<String, String> env;
    private final KeyringAccess keyring;

    DatabaseStart(DataDir dir, LaunchOptions options, Map<String, String> env, KeyringAccess keyring) {
        this.dir = Objects.requireNonNull(dir, "dir");
        this.options = Objects.requireNonNull(options, "options");
        this.env = Map.copyOf(env);
        this.keyring = Objects.requireNonNull(keyring, "keyring");
    }

    /** For the real window: this process's environment and the OS keyring. */
    static DatabaseStart of(DataDir dir, LaunchOptions options) {
        return new DatabaseStart(dir, options, System.getenv(), new OsKeyring(KEYRING_SERVICE));
    }

    /** What decides the database: the command line, the environment, the saved setting, or nothing. */
    public DatabaseOrigin origin() {
        if (options.server().isPresent()) {
            return options.origin();
        }
        try {
            return DatabaseSetting.read(dir).filter(DatabaseSetting::isServer).isPresent()
                    ? DatabaseOrigin.SETTINGS_FILE : DatabaseOrigin.DEFAULT;
        } catch (InputException e) {
            // A damaged settings file wanted something: the start-up screen says what is wrong with it.
            return DatabaseOrigin.SETTINGS_FILE;
        }
    }

    /** The server's host, port and database when a server is wanted; empty for the seat's own file. */
    public Optional<String> serverName() {
        if (options.server().isPresent()) {
            return options.server().map(DatabaseServer::display);
        }
        try {
            return DatabaseSetting.read(dir).filter(DatabaseSetting::isServer).map(DatabaseSetting::display);
        } catch (InputException e) {
            return Optional.of(DatabaseSetting.file(dir).toString());
        }
    }

    /** The OS keyring the saved setting may take its password from. */
    public KeyringAccess keyring() {
        return keyring;
    }

    public DataDir dataDir() {
        return dir;
    }

    /**
     * Opens the workstation on the database this start wants. Blocks (up to ~10 s for an unreachable server).
     *
     * @throws ServerUnavailable when a server was wanted and cannot be used
     */
    Workstation open(Clock clock) {
        Optional<String> name = serverName();
        if (name.isEmpty()) {
            return Workstation.open(dir, clock);
        }
        DatabaseServer server;
        try {
            server = options.server().isPresent() ? options.server().get()
                    : DatabaseSetting.read(dir).orElseThrow().toServer(env, this::readKeyring);
        } catch (SwitchboardException e) {
            throw new ServerUnavailable(name.get(), e.getMessage(), e);
        }
        try {
            return Workstation.open(dir, clock, Optional.of(server));
        } catch (RuntimeException e) {
            throw new ServerUnavailable(server.display(), ServerProbe.reason(e, server.display()), e);
        }
    }

    /** Opens the seat's own database file for this session only, whatever was wanted. */
    Workstation openOffline(Clock clock) {
        return Workstation.open(dir, clock);
    }

    private Optional<String> readKeyring(String entry) {
        if (!keyring.available()) {
            throw new IllegalStateException(keyring.unavailableReason());
        }
        return keyring.read(entry);
    }

    /** A server was wanted at start and cannot be used; {@link #server()} names it, the message says why. */
    public static final class ServerUnavailable extends SwitchboardException {

        private static final long serialVersionUID = 1L;
        private final String server;
        private final String reason;

        ServerUnavailable(String server, String reason, Throwable cause) {
            super("Cannot work on the training center server " + server + ": " + reason,
                    "Retry, or work offline on this seat's own database for this session.", cause);
            this.server = server;
            this.reason = reason;
        }

        /** Host, port and database (or the settings file when that is what is wrong). */
        public String server() {
            return server;
        }

        /** Why, in one line. */
        public String reason() {
            return reason;
        }
    }
}
