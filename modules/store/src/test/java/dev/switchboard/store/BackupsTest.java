package dev.switchboard.store;

import dev.switchboard.testkit.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupsTest {

    @TempDir
    Path tmp;

    // Tokyo, so that the local date differs from the UTC date late in the UTC day.
    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T14:30:05Z"), ZoneId.of("Asia/Tokyo"));
    private Database db;
    private Backups backups;

    @BeforeEach
    void open() {
        db = Database.open(DataDir.of(tmp));
        new SqliteSettingsStore(db).save("station", "Shinjuku");
        backups = new Backups(db, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void createsAHealthyCopyNamedByLocalTimeAndReason() throws Exception {
        BackupInfo info = backups.create("manual");

        assertThat(info.file()).isEqualTo(db.dataDir().backups().resolve("switchboard-20250301-233005-manual.db"));
        assertThat(info.createdAt()).isEqualTo(clock.instant());
        assertThat(info.reason()).isEqualTo("manual");
        assertThat(info.sizeBytes()).isEqualTo(fileSize(info.file())).isPositive();
        assertThat(Database.quickCheck(info.file())).isEqualTo("ok");
        try (var files = Files.list(db.dataDir().backups())) {
            assertThat(files).as("no partial files left").containsExactly(info.file());
        }
    }

    @Test
    void twoBackupsInTheSameSecondGetDistinctNames() {
        BackupInfo first = backups.create("manual");
        BackupInfo second = backups.create("manual");

        assertThat(second.file()).hasFileName("switchboard-20250301-233005-2-manual.db");
        assertThat(backups.list()).containsExactly(second, first);
    }

    @Test
    void listsNewestFirstWithoutAnOpenDatabase() {
        BackupInfo a = backups.create("manual");
        clock.advance(Duration.ofMinutes(5));
        BackupInfo b = backups.create("exit");
        clock.advance(Duration.ofDays(1));
        BackupInfo c = backups.create("before-restore");

        assertThat(backups.list()).containsExactly(c, b, a);
        assertThat(Backups.list(db.dataDir()).stream().map(BackupInfo::file))
                .containsExactly(c.file(), b.file(), a.file());
    }

    @Test
    void sanitizesTheReason() {
        assertThat(backups.create("Before Restore!").reason()).isEqualTo("before-restore");
        assertThat(backups.create("../../etc").file().getParent()).isEqualTo(db.dataDir().backups());
        assertThat(backups.create("").reason()).isEqualTo("manual");
        assertThat(Backups.sanitize("2nd try")).isEqualTo("backup-2nd-try");
    }

    @Test
    void prunesAutomaticBackupsToTheNewestSevenOfEachReason() throws Exception {
        Path foreign = Files.writeString(db.dataDir().backups().resolve("switchboard-notes.db"), "mine");
        Path partial = Files.writeString(db.dataDir().backups().resolve("my-copy.db"), "mine too");
        BackupInfo manual = backups.create("manual");
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofHours(1));
            backups.create("exit");
            backups.create("daily");
        }

        List<BackupInfo> left = backups.list();
        assertThat(left).filteredOn(b -> b.reason().equals("exit")).hasSize(Backups.KEEP);
        assertThat(left).filteredOn(b -> b.reason().equals("daily")).hasSize(Backups.KEEP);
        assertThat(left).contains(manual);
        assertThat(left.get(0).createdAt()).isEqualTo(clock.instant());
        assertThat(left).filteredOn(b -> b.reason().equals("exit")).last()
                .satisfies(b -> assertThat(b.createdAt()).isEqualTo(clock.instant().minus(Duration.ofHours(6))));
        assertThat(foreign).exists();
        assertThat(partial).exists();
    }

    @Test
    void dailyBackupOncePerLocalDay() {
        Optional<BackupInfo> first = backups.dailyIfNeeded();
        clock.advance(Duration.ofMinutes(20));
        Optional<BackupInfo> sameDay = backups.dailyIfNeeded();
        // It is 23:50 local now; the next daily comes after local midnight (00:05).
        clock.advance(Duration.ofMinutes(15));
        Optional<BackupInfo> nextDay = backups.dailyIfNeeded();

        assertThat(first).hasValueSatisfying(b -> assertThat(b.reason()).isEqualTo("daily"));
        assertThat(sameDay).isEmpty();
        assertThat(nextDay).hasValueSatisfying(
                b -> assertThat(b.file()).hasFileName("switchboard-20250302-000505-daily.db"));
    }

    @Test
    void exitBackupIsNotADailyOne() {
        BackupInfo exit = backups.onCleanExit();

        assertThat(exit.reason()).isEqualTo("exit");
        assertThat(backups.dailyIfNeeded()).isPresent();
    }

    private static long fileSize(Path p) {
        try {
            return Files.size(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
