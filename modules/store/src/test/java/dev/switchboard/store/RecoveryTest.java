package dev.switchboard.store;

import dev.switchboard.testkit.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.error.SwitchboardException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged database is refused with a clear message, and both ways out keep the damaged file. */
class RecoveryTest {

    @TempDir
    Path tmp;

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T09:30:00Z"), ZoneOffset.UTC);

    @Test
    void garbageIsRefusedWithTheFileNamed() throws Exception {
        DataDir dir = DataDir.of(tmp).ensureCreated();
        byte[] garbage = new byte[64 * 1024];
        new Random(7).nextBytes(garbage);
        Files.write(dir.database(), garbage);

        assertThatThrownBy(() -> Database.open(dir))
                .isInstanceOfSatisfying(DatabaseCorruptException.class, e -> {
                    assertThat(e.file()).isEqualTo(dir.database());
                    assertThat(e.getMessage()).contains(dir.database().toString());
                    assertThat(e.detail()).containsIgnoringCase("not a database");
                    assertThat(e.newestBackup()).isEmpty();
                    assertThat(e.hint()).contains("start fresh").contains(dir.broken().toString());
                });
    }

    @Test
    void aTruncatedDatabaseIsRefusedAndTheNewestBackupOffered() throws Exception {
        DataDir dir = DataDir.of(tmp);
        BackupInfo backup = populatedWithBackup(dir);
        long size = Files.size(dir.database());
        try (RandomAccessFile file = new RandomAccessFile(dir.database().toFile(), "rw")) {
            file.setLength(size / 2);
        }

        assertThatThrownBy(() -> Database.open(dir))
                .isInstanceOfSatisfying(DatabaseCorruptException.class, e -> {
                    assertThat(e.file()).isEqualTo(dir.database());
                    assertThat(e.newestBackup()).hasValueSatisfying(b -> assertThat(b.file()).isEqualTo(backup.file()));
                    assertThat(e.userText()).contains("Restore the newest backup")
                            .contains(backup.file().getFileName().toString())
                            .contains("start fresh");
                });
    }

    @Test
    void moveAsideKeepsTheBrokenFileAndItsCompanions() throws Exception {
        DataDir dir = DataDir.of(tmp).ensureCreated();
        byte[] garbage = "definitely not sqlite".repeat(100).getBytes();
        Files.write(dir.database(), garbage);
        Files.writeString(tmp.resolve("switchboard.db-wal"), "wal");
        Files.writeString(tmp.resolve("switchboard.db-shm"), "shm");

        Path moved = Recovery.moveAside(dir, clock);

        assertThat(moved).isEqualTo(dir.broken().resolve("switchboard-20250301-093000.db"));
        assertThat(Files.readAllBytes(moved)).isEqualTo(garbage);
        assertThat(dir.broken().resolve("switchboard-20250301-093000.db-wal")).hasContent("wal");
        assertThat(dir.broken().resolve("switchboard-20250301-093000.db-shm")).hasContent("shm");
        assertThat(dir.database()).doesNotExist();
        assertThat(tmp.resolve("switchboard.db-wal")).doesNotExist();

        Files.write(dir.database(), garbage);
        assertThat(Recovery.moveAside(dir, clock)).hasFileName("switchboard-20250301-093000-2.db");

        try (Database fresh = Database.open(dir)) {
            assertThat(fresh.check().healthy()).isTrue();
        }
    }

    @Test
    void moveAsideWithoutADatabaseSaysSo() {
        DataDir dir = DataDir.of(tmp).ensureCreated();

        assertThatThrownBy(() -> Recovery.moveAside(dir)).isInstanceOf(SwitchboardException.class)
                .hasMessageContaining(dir.database().toString());
    }

    @Test
    void restoreReplacesACorruptDatabaseWithTheBackup() throws Exception {
        DataDir dir = DataDir.of(tmp);
        BackupInfo backup = populatedWithBackup(dir);
        try (Database db = Database.open(dir)) {
            new SqliteSettingsStore(db).save("after.backup", "lost");
        }
        byte[] garbage = new byte[8192];
        new Random(3).nextBytes(garbage);
        Files.write(dir.database(), garbage);

        Recovery.restore(dir, backup.file(), clock);

        try (Database db = Database.open(dir)) {
            assertThat(new SqliteSettingsStore(db).loadAll())
                    .containsEntry("station", "Shinjuku")
                    .doesNotContainKey("after.backup");
        }
        assertThat(backup.file()).exists();
        try (var broken = Files.list(dir.broken())) {
            assertThat(broken.filter(p -> p.getFileName().toString().endsWith(".db")))
                    .singleElement()
                    .satisfies(p -> assertThat(Files.readAllBytes(p)).isEqualTo(garbage));
        }
    }

    @Test
    void restoreWorksWhenThereIsNoDatabase() throws Exception {
        DataDir dir = DataDir.of(tmp);
        BackupInfo backup = populatedWithBackup(dir);
        Files.delete(dir.database());

        Recovery.restore(dir, backup.file());

        try (Database db = Database.open(dir)) {
            assertThat(new SqliteSettingsStore(db).loadAll()).containsEntry("station", "Shinjuku");
        }
    }

    @Test
    void restoreRefusesAFileThatIsNotAHealthyDatabaseAndTouchesNothing() throws Exception {
        DataDir dir = DataDir.of(tmp);
        populatedWithBackup(dir);
        byte[] before = Files.readAllBytes(dir.database());
        Path notes = Files.writeString(tmp.resolve("notes.db"), "shopping list: milk, eggs".repeat(100));
        Path otherSqlite = tmp.resolve("other.db");
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + otherSqlite);
             var s = c.createStatement()) {
            s.execute("CREATE TABLE t (x)");
        }

        assertThatThrownBy(() -> Recovery.restore(dir, notes))
                .isInstanceOf(SwitchboardException.class)
                .hasMessageContaining(notes.toString())
                .hasMessageContaining("not a healthy SQLite database");
        assertThatThrownBy(() -> Recovery.restore(dir, otherSqlite))
                .isInstanceOf(SwitchboardException.class)
                .hasMessageContaining(otherSqlite.toString())
                .hasMessageContaining("not a Switchboard database");
        assertThatThrownBy(() -> Recovery.restore(dir, tmp.resolve("gone.db")))
                .hasMessageContaining(tmp.resolve("gone.db").toString());

        assertThat(Files.readAllBytes(dir.database())).isEqualTo(before);
        try (var broken = Files.list(dir.broken())) {
            assertThat(broken).isEmpty();
        }
    }

    /** A database holding a setting and some events, closed, with one backup of it. */
    private BackupInfo populatedWithBackup(DataDir dir) throws IOException {
        try (Database db = Database.open(dir)) {
            new SqliteSettingsStore(db).save("station", "Shinjuku");
            db.jdbi().useHandle(h -> h.execute("CREATE TABLE IF NOT EXISTS filler (x TEXT)"));
            db.jdbi().useHandle(h -> h.execute(
                    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) "
                            + "INSERT INTO filler SELECT printf('%0200d', i) FROM n"));
            return new Backups(db, clock).create("manual");
        }
    }
}
