package dev.switchboard.review;

import dev.switchboard.store.DataDir;
import dev.switchboard.store.Database;
import dev.switchboard.store.DatabaseServer;
import dev.switchboard.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;

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

    /**
     * A plain JDBC connection to the store of {@code dir}, past every service: for tests that tamper with the data as
     * someone holding the database would, or that check the database's own refusals.
     */
    public static Connection connect(DataDir dir) throws SQLException {
        Optional<String> server = TestDatabase.serverFor(dir.root());
        return server.isPresent() ? DriverManager.getConnection(server.get())
                : DriverManager.getConnection("jdbc:sqlite:" + dir.database());
    }

    /** The statement that switches off the append-only guard {@code trigger} of {@code table} on this database. */
    public static String removeGuard(String table, String trigger) {
        return TestDatabase.onServer() ? "ALTER TABLE " + table + " DISABLE TRIGGER " + trigger
                : "DROP TRIGGER " + trigger;
    }
}
