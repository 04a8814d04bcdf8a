package dev.switchboard.surveillance;

import dev.switchboard.store.DataDir;
import dev.switchboard.store.Database;
import dev.switchboard.store.DatabaseServer;
import dev.switchboard.testkit.TestDatabase;

/**
 * Opens a test's store on the database this run uses: the SQLite file in the folder, or a fresh PostgreSQL database
 * standing for that folder when the surefire execution {@code postgresql} runs ({@link TestDatabase}).
 */
public final class TestDatabases {

    private TestDatabases() {
    }

    /** Opens (creating on first use) the store of {@code dir}; opening the same folder again reaches the same data. */
    public static Database open(DataDir dir) {
        return Database.open(dir, TestDatabase.serverFor(dir.root()).map(url -> DatabaseServer.of(url, null, null)));
    }
}
