package dev.switchboard.store;

import dev.switchboard.testkit.TestPostgres;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens the database a store test runs against: the seat's SQLite file in the test's folder, or, when the
 * surefire execution {@code postgresql} sets {@code switchboard.test.database=postgresql}, a fresh database on the
 * embedded PostgreSQL server. Opening again after closing reaches the same data either way.
 */
public final class TestStore {

    /** One server database per test folder, so a test that closes and opens again finds its data. */
    private static final Map<Path, String> URLS = new ConcurrentHashMap<>();

    private final Path dir;

    public TestStore(Path dir) {
        this.dir = dir;
    }

    /** Whether this run's store tests go to PostgreSQL. */
    public static boolean onServer() {
        return "postgresql".equals(System.getProperty("switchboard.test.database"));
    }

    /** Opens (creating on first use) the test's database. */
    public Database open() {
        if (!onServer()) {
            return Database.open(DataDir.of(dir));
        }
        String url = URLS.computeIfAbsent(dir.toAbsolutePath(), d -> TestPostgres.freshDatabase());
        return Database.openServer(DataDir.of(dir), DatabaseServer.of(url, null, null));
    }
}
