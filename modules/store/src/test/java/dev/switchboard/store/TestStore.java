package dev.switchboard.store;

import dev.switchboard.testkit.TestDatabase;
import java.nio.file.Path;

/**
 * Opens the database a store test runs against: the seat's SQLite file in the test's folder, or, when the
 * surefire execution {@code postgresql} sets {@code switchboard.test.database=postgresql}, a fresh database on the
 * embedded PostgreSQL server ({@link TestDatabase}). Opening again after closing reaches the same data either way.
 */
public final class TestStore {

    private final Path dir;

    public TestStore(Path dir) {
        this.dir = dir;
    }

    /** Whether this run's store tests go to PostgreSQL. */
    public static boolean onServer() {
        return TestDatabase.onServer();
    }

    /** Opens (creating on first use) the test's database. */
    public Database open() {
        return Database.open(DataDir.of(dir),
                TestDatabase.serverFor(dir).map(url -> DatabaseServer.of(url, null, null)));
    }
}
