package dev.switchboard.app;

import dev.switchboard.store.DatabaseOrigin;
import dev.switchboard.store.DatabaseServer;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How the GUI was asked to start.
 *
 * @param dataDir the --data-dir option, or null to use SWITCHBOARD_DATA or the OS default
 * @param demo seed demo accounts on an empty database and show their sign-in on the login screen
 * @param smoke self-check: open the window and the database, write and verify an event-log entry, exit
 * @param measureStartup print the time from JVM start to a usable login window, then exit
 * @param server the training center's server named by --database or SWITCHBOARD_DATABASE; empty leaves the choice
 *               to the seat's saved setting (Settings → Database), else its own database file
 * @param origin where {@code server} came from: {@link DatabaseOrigin#COMMAND_LINE},
 *               {@link DatabaseOrigin#ENVIRONMENT}, or {@link DatabaseOrigin#DEFAULT} when neither named one
 */
public record LaunchOptions(Path dataDir, boolean demo, boolean smoke, boolean measureStartup,
                            Optional<DatabaseServer> server, DatabaseOrigin origin) {

    public LaunchOptions {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(origin, "origin");
    }

    /** Options without a server from the command line or environment. */
    public LaunchOptions(Path dataDir, boolean demo, boolean smoke, boolean measureStartup) {
        this(dataDir, demo, smoke, measureStartup, Optional.empty(), DatabaseOrigin.DEFAULT);
    }
}
