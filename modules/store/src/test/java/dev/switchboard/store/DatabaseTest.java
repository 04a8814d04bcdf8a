package dev.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.error.SwitchboardException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    /**
     * The newest of store's own migrations (V1 init, V5 recordings, V22 recordings in the database); other modules'
     * are not on this classpath.
     */
    private static final int STORE_SCHEMA = 25;

    @TempDir
    Path tmp;

    @Test
    void createsAndMigratesANewDatabase() {
        DataDir dir = DataDir.of(tmp);
        try (Database db = Database.open(dir)) {
            assertThat(db.file()).isEqualTo(tmp.resolve("switchboard.db")).exists();
            assertThat(db.dataDir()).isSameAs(dir);
            assertThat(db.schemaVersion()).isEqualTo(STORE_SCHEMA);
            assertThat(tables(db)).contains("event_log", "account", "setting", "training_session");
        }
    }

    @Test
    void everyConnectionGetsThePragmas() {
        try (Database db = Database.open(DataDir.of(tmp))) {
            db.jdbi().useHandle(h -> {
                assertThat(h.createQuery("PRAGMA journal_mode").mapTo(String.class).one()).isEqualTo("wal");
                assertThat(h.createQuery("PRAGMA foreign_keys").mapTo(Integer.class).one()).isEqualTo(1);
                assertThat(h.createQuery("PRAGMA busy_timeout").mapTo(Integer.class).one()).isEqualTo(5000);
                // 1 = NORMAL; the event log raises its own connection to FULL.
                assertThat(h.createQuery("PRAGMA synchronous").mapTo(Integer.class).one()).isEqualTo(1);
                assertThat(h.createQuery("PRAGMA wal_autocheckpoint").mapTo(Integer.class).one())
                        .isEqualTo(Database.AUTOCHECKPOINT_PAGES);
            });
        }
    }

    @Test
    void theLogIsCheckpointedInTheBackgroundNotByTheCommits() throws Exception {
        try (Database db = Database.open(DataDir.of(tmp))) {
            db.jdbi().useHandle(h -> h.execute("CREATE TABLE filler (b BLOB)"));
            long before = Files.size(db.file());
            // About 2 MB: far below the pages at which a commit would checkpoint by itself, so only the
            // background thread can have copied them into the file.
            for (int i = 0; i < 32; i++) {
                db.jdbi().useHandle(h -> h.execute("INSERT INTO filler VALUES (randomblob(65536))"));
            }

            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            while (Files.size(db.file()) < before + 2_000_000 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(Files.size(db.file())).as("the background checkpoint copied the log into the file")
                    .isGreaterThanOrEqualTo(before + 2_000_000);
        }
    }

    @Test
    void keepsDataAcrossReopening() {
        DataDir dir = DataDir.of(tmp);
        try (Database db = Database.open(dir)) {
            new SqliteSettingsStore(db).save("ui.theme", "dark");
        }
        assertThat(Files.exists(tmp.resolve("switchboard.db-wal"))).as("WAL folded in on close").isFalse();
        try (Database db = Database.open(dir)) {
            assertThat(new SqliteSettingsStore(db).loadAll()).containsEntry("ui.theme", "dark");
            assertThat(db.schemaVersion()).isEqualTo(STORE_SCHEMA);
        }
    }

    @Test
    void servesSeveralThreadsAtOnce() throws Exception {
        try (Database db = Database.open(DataDir.of(tmp))) {
            SqliteSettingsStore settings = new SqliteSettingsStore(db);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> work = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int thread = t;
                    work.add(pool.submit(() -> {
                        for (int i = 0; i < 50; i++) {
                            settings.save("k" + thread + "." + i, "v" + i);
                            assertThat(settings.loadAll()).containsKey("k" + thread + "." + i);
                        }
                    }));
                }
                for (Future<?> f : work) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(settings.loadAll()).hasSize(200);
        }
    }

    @Test
    void checkReportsTheVitalFigures() {
        try (Database db = Database.open(DataDir.of(tmp))) {
            CheckReport report = db.check();

            assertThat(report.healthy()).isTrue();
            assertThat(report.quickCheck()).isEqualTo("ok");
            assertThat(report.journalMode()).isEqualTo("wal");
            assertThat(report.schemaVersion()).isEqualTo(STORE_SCHEMA);
            assertThat(report.eventLogEntries()).isZero();
            assertThat(report.accounts()).isZero();
            assertThat(report.sizeBytes()).isPositive();
            assertThat(report.file()).isEqualTo(db.file());
            assertThat(report.newestBackup()).isEmpty();
        }
    }

    @Test
    void aFailingMigrationIsNamedAndRolledBack() {
        DataDir dir = DataDir.of(tmp);
        Database.open(dir).close();

        assertThatThrownBy(() -> Database.open(dir, Database.MIGRATIONS, "classpath:db/testbroken"))
                .isInstanceOf(SwitchboardException.class)
                .hasMessageContaining("V999__broken.sql")
                .hasMessageContaining(dir.database().toString());

        try (Database db = Database.open(dir)) {
            assertThat(db.schemaVersion()).isEqualTo(STORE_SCHEMA);
            assertThat(tables(db)).doesNotContain("half_done");
        }
    }

    @Test
    void quickCheckTellsWhatIsWrongWithAnyFile() throws Exception {
        DataDir dir = DataDir.of(tmp.resolve("data"));
        Database.open(dir).close();
        Path text = Files.writeString(tmp.resolve("notes.db"), "not the pages you are looking for".repeat(200));

        assertThat(Database.quickCheck(dir.database())).isEqualTo("ok");
        assertThat(Database.quickCheck(text)).isNotEqualTo("ok").containsIgnoringCase("not a database");
        assertThat(Database.quickCheck(tmp.resolve("missing.db"))).startsWith("no such file");
        assertThat(tmp.resolve("missing.db")).doesNotExist();
    }

    @Test
    void closeIsIdempotentAndEndsUse() {
        Database db = Database.open(DataDir.of(tmp));
        db.close();
        db.close();

        assertThatThrownBy(() -> db.jdbi().withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()))
                .hasMessageContaining("closed");
    }

    private static List<String> tables(Database db) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT name FROM sqlite_master WHERE type = 'table'")
                .mapTo(String.class)
                .list());
    }
}
