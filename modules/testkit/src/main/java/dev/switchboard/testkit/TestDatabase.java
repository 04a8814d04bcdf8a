package dev.switchboard.testkit;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which database this test run's store tests use: the seat's SQLite file in the test's folder (the default), or,
 * when a module's surefire execution {@code postgresql} sets {@code switchboard.test.database=postgresql}, a fresh
 * database on the embedded PostgreSQL server ({@link TestPostgres}). A module's test opens its store with
 * {@code Database.open(dir, TestDatabase.serverFor(folder).map(url -> DatabaseServer.of(url, null, null)))}, so
 * the same test runs on both.
 */
public final class TestDatabase {

    /** The system property a surefire execution sets to run the store tests on PostgreSQL. */
    public static final String PROPERTY = "switchboard.test.database";

    /** One server database per test folder, so a test that closes and opens again finds its data. */
    private static final Map<Path, String> URLS = new ConcurrentHashMap<>();

    private TestDatabase() {
    }

    /** Whether this run's store tests go to PostgreSQL. */
    public static boolean onServer() {
        return "postgresql".equals(System.getProperty(PROPERTY));
    }

    /**
     * The JDBC URL of the server database that stands for the data folder {@code dir} in this run (the same URL
     * each time for the same folder; log on as {@link TestPostgres#user()}), or empty when the run uses SQLite.
     */
    public static Optional<String> serverFor(Path dir) {
        if (!onServer()) {
            return Optional.empty();
        }
        return Optional.of(URLS.computeIfAbsent(dir.toAbsolutePath().normalize(), d -> TestPostgres.freshDatabase()));
    }
}
