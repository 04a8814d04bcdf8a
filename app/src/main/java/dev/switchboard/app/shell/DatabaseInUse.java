package dev.switchboard.app.shell;

import dev.switchboard.ai.engine.provider.KeyringAccess;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.DatabaseOrigin;
import java.util.Optional;

/**
 * Where this window's data lives this session, for the status bar and Settings → Database: what decided it, the
 * server wanted at start (if any), and whether the window fell back to the seat's own database (offline).
 *
 * @param origin       the command line, the environment, the saved setting, or nothing
 * @param wantedServer host, port and database of the server wanted at start; empty for the seat's own file
 * @param offline      the server could not be used and the user chose to work on the seat's own database
 * @param dataDir      the seat's data dir, where the saved setting is kept
 * @param keyring      the OS keyring a server password may be kept in
 */
public record DatabaseInUse(DatabaseOrigin origin, Optional<String> wantedServer, boolean offline, DataDir dataDir,
                            KeyringAccess keyring) {

    /** Whether the session runs on the server. */
    public boolean onServer() {
        return wantedServer.isPresent() && !offline;
    }

    /** {@code host:5432/switchboard} from {@code postgresql://host:5432/switchboard}. */
    public static String hostAndDatabase(String display) {
        int slashes = display.indexOf("//");
        return slashes < 0 ? display : display.substring(slashes + 2);
    }
}
