package dev.switchboard.app;

import java.nio.file.Path;

/**
 * How the GUI was asked to start.
 *
 * @param dataDir the --data-dir option, or null to use SWITCHBOARD_DATA or the OS default
 * @param demo seed demo accounts on an empty database and show their sign-in on the login screen
 * @param smoke self-check: open the window and the database, write and verify an event-log entry, exit
 * @param measureStartup print the time from JVM start to a usable login window, then exit
 */
public record LaunchOptions(Path dataDir, boolean demo, boolean smoke, boolean measureStartup) {
}
