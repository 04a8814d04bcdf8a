package dev.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.id.SessionId;
import dev.switchboard.store.eventlog.AppendRequest;
import dev.switchboard.store.eventlog.EventLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11's probes against opening the store: a busy file, a swapped file, leftovers, permissions, triggers. */
class DatabaseSafetyTest {

    @TempDir
    Path tmp;

    @Test
    void aBusyDatabaseIsReportedAsInUseWithoutRestoreAdvice() throws Exception {
        DataDir dir = DataDir.of(tmp);
        Database.open(dir).close();
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + dir.database());
             Statement s = other.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            s.execute("INSERT INTO setting (key, value, updated_at) VALUES ('held', 'x', 0)");
            assertThatThrownBy(() -> Database.open(dir, Duration.ofMillis(300), Database.MIGRATIONS))
                    .isInstanceOf(DatabaseBusyException.class)
                    .hasMessageContaining("is in use by another program")
                    .satisfies(e -> assertThat(((DatabaseBusyException) e).userText())
                            .doesNotContainIgnoringCase("restore").contains("not damaged"));
            s.execute("ROLLBACK");
        }
        Database.open(dir).close();
    }

    @Test
    void aDatabaseFileSwappedUnderARunningProcessIsNotWrittenTo() throws Exception {
        DataDir dir = DataDir.of(tmp);
        try (Database db = Database.open(dir); EventLog log = new EventLog(db, Clock.systemUTC())) {
            log.append(new AppendRequest(new SessionId("s"), 0, "before.swap", "{}"));
            // What a restore by hand (or by an older version without the lock) does.
            Path copy = Files.copy(dir.database(), tmp.resolve("copy.db"));
            Files.move(copy, dir.database(), StandardCopyOption.REPLACE_EXISTING);

            assertThatThrownBy(() -> log.append(new AppendRequest(new SessionId("s"), 0, "after.swap", "{}")))
                    .isInstanceOf(DatabaseReplacedException.class).hasMessageContaining("stopped writing");
            assertThatThrownBy(() -> new SqliteSettingsStore(db).save("k", "v"))
                    .isInstanceOf(DatabaseReplacedException.class);
        }
    }

    @Test
    void leftoversOfKilledBackupsAndRestoresAreRemovedAtTheNextStart() throws Exception {
        DataDir dir = DataDir.of(tmp).ensureCreated();
        Path partial = Files.writeString(dir.backups().resolve("switchboard-20250101-000000-manual.db.partial"), "x");
        Path journal = Files.writeString(dir.backups().resolve(
                "switchboard-20250101-000000-manual.db.partial-journal"), "x");
        Path restoring = Files.writeString(dir.root().resolve("switchboard.db.restoring"), "x");
        Path backup = Files.writeString(dir.backups().resolve("switchboard-20250101-000000-manual.db"), "kept");
        try (Database db = Database.open(dir)) {
            assertThat(db.cleanedUp()).hasSize(3);
        }
        assertThat(partial).doesNotExist();
        assertThat(journal).doesNotExist();
        assertThat(restoring).doesNotExist();
        assertThat(backup).exists();
    }

    @Test
    void anOpenDataDirIsPrivateAndSoAreItsDatabaseAndBackups() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("data"));
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path recordings = Files.createDirectories(root.resolve("recordings/s1"));
        Path wav = Files.writeString(recordings.resolve("call.wav"), "RIFF");
        Files.setPosixFilePermissions(wav, PosixFilePermissions.fromString("rw-r--r--"));
        DataDir dir = DataDir.of(root);

        assertThat(dir.ensureCreated().makePrivate().any()).isTrue();
        try (Database db = Database.open(dir)) {
            BackupInfo b = new Backups(db, Clock.systemDefaultZone()).create("manual");
            assertThat(mode(b.file())).isEqualTo("rw-------");
        }
        assertThat(mode(root)).isEqualTo("rwx------");
        assertThat(mode(root.resolve("recordings"))).isEqualTo("rwx------");
        assertThat(mode(wav)).isEqualTo("rw-------");
        assertThat(mode(dir.database())).isEqualTo("rw-------");
        assertThat(mode(dir.backups())).isEqualTo("rwx------");
        assertThat(dir.makePrivate().any()).as("nothing left to fix").isFalse();
    }

    @Test
    void dbCheckReportsADroppedOrAlteredTrigger() throws Exception {
        DataDir dir = DataDir.of(tmp);
        try (Database db = Database.open(dir)) {
            assertThat(db.check().triggerProblems()).isEmpty();
            assertThat(db.check().healthy()).isTrue();
            db.jdbi().useHandle(h -> {
                h.execute("DROP TRIGGER event_log_no_delete");
                h.execute("DROP TRIGGER event_log_no_update");
                h.execute("CREATE TRIGGER event_log_no_update BEFORE UPDATE ON event_log BEGIN SELECT 1; END");
            });
            CheckReport report = db.check();
            assertThat(report.healthy()).isFalse();
            assertThat(report.triggerProblems()).hasSize(2)
                    .anyMatch(p -> p.startsWith("trigger event_log_no_delete is missing"))
                    .anyMatch(p -> p.startsWith("trigger event_log_no_update was altered"));
        }
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
