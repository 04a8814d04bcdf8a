package dev.switchboard.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.Workstation;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.eventlog.AppendRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

    @TempDir
    Path temp;

    private CliRun run(String... args) {
        return CliRun.of(args);
    }

    private Path data() {
        return temp.resolve("data");
    }

    private void seedEventLog(int entries) {
        try (Workstation ws = Workstation.open(DataDir.of(data()), Clock.systemUTC())) {
            List<AppendRequest> batch = new ArrayList<>();
            for (int i = 0; i < entries; i++) {
                batch.add(new AppendRequest(new SessionId("drill-1"), i * 1000L, "unit.moved",
                        "{\"unit\":\"P-" + i + "\"}"));
            }
            ws.eventLog().appendAll(batch);
        }
    }

    @Test
    void dbCheckBeforeFirstStartSaysWhereTheDatabaseWillBe() {
        CliRun r = run("--data-dir", data().toString(), "db", "check");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("No database yet at " + data().resolve("switchboard.db"))
                .contains("--data-dir");
    }

    @Test
    void dbCheckReportsIntegritySchemaAndCounts() {
        seedEventLog(5);
        CliRun r = run("--data-dir", data().toString(), "db", "check");
        assertThat(r.code()).isZero();
        // The drill's 5 entries, and the checkpoint signed when the seeding closed the store.
        assertThat(r.out()).contains("Integrity:     ok").contains("Event log:     6 entries")
                .containsPattern("Schema: +version \\d+").doesNotContain("Exception");
    }

    @Test
    void backupThenListThenRestore() throws IOException {
        seedEventLog(3);
        CliRun backup = run("--data-dir", data().toString(), "db", "backup");
        assertThat(backup.code()).isZero();
        assertThat(backup.out()).contains("Backup written").contains("manual");
        Path file;
        try (Stream<Path> files = Files.list(data().resolve("backups"))) {
            file = files.filter(p -> p.toString().contains("manual")).findFirst().orElseThrow();
        }
        CliRun list = run("--data-dir", data().toString(), "db", "backups");
        assertThat(list.out()).contains(file.getFileName().toString());

        seedEventLog(4);
        CliRun restore = run("--data-dir", data().toString(), "db", "restore", file.toString());
        assertThat(restore.code()).as(restore.err()).isZero();
        assertThat(restore.out()).contains("Restored").contains("integrity ok").contains("moved to");
        // The drill's 3 entries in the backup, not the 4 added after it.
        CliRun drill = run("--data-dir", data().toString(), "log", "verify", "--session", "drill-1");
        assertThat(drill.out()).contains("Checked 3 entries");
        try (Stream<Path> broken = Files.list(data().resolve("broken"))) {
            assertThat(broken.count()).isPositive();
        }
    }

    @Test
    void restoringSomethingThatIsNotABackupIsRefusedNamingTheFile() throws IOException {
        seedEventLog(1);
        Path notABackup = Files.writeString(temp.resolve("notes.txt"), "hello");
        CliRun r = run("--data-dir", data().toString(), "db", "restore", notABackup.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("notes.txt").doesNotContain("at dev.switchboard");
        assertThat(run("--data-dir", data().toString(), "log", "verify", "--session", "drill-1").out())
                .contains("Checked 1 entries");
    }

    @Test
    void logVerifyPassesOnAnIntactLogAndNamesTheFirstBrokenRow() throws SQLException {
        seedEventLog(50);
        CliRun ok = run("--data-dir", data().toString(), "log", "verify");
        assertThat(ok.code()).isZero();
        // The drill's 50 entries and the checkpoint signed when the seeding closed the store.
        assertThat(ok.out()).contains("Checked 51 entries in 2 chain(s)").contains("OK");
        assertThat(run("--data-dir", data().toString(), "log", "verify", "--session", "drill-1").code()).isZero();

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data().resolve("switchboard.db"));
             Statement s = c.createStatement()) {
            List<String> triggers = new ArrayList<>();
            try (var rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type='trigger'")) {
                while (rs.next()) {
                    triggers.add(rs.getString(1));
                }
            }
            for (String t : triggers) {
                s.execute("DROP TRIGGER " + t);
            }
            s.execute("UPDATE event_log SET payload='{\"unit\":\"forged\"}' WHERE session_id='drill-1' AND seq=17");
        }
        CliRun broken = run("--data-dir", data().toString(), "log", "verify");
        assertThat(broken.code()).isEqualTo(1);
        assertThat(broken.out()).contains("BROKEN: drill-1 entry 17: the entry does not fit its chain (hash mismatch)");
    }

    @Test
    void aCorruptDatabaseGetsAClearMessageAndTheWayOutNotAStackTrace() throws IOException {
        seedEventLog(10);
        run("--data-dir", data().toString(), "db", "backup");
        Path db = data().resolve("switchboard.db");
        byte[] garbage = new byte[8192];
        new java.util.Random(7).nextBytes(garbage);
        Files.write(db, garbage);
        Files.deleteIfExists(data().resolve("switchboard.db-wal"));
        Files.deleteIfExists(data().resolve("switchboard.db-shm"));

        CliRun r = run("--data-dir", data().toString(), "db", "check");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(db.toString()).contains("switchboard db restore").contains("manual")
                .doesNotContain("\tat ");
        assertThat(Files.size(db)).as("nothing is changed by a check").isEqualTo(8192);
    }

    @Test
    void globalOptionsComeBeforeTheSubCommandAndHelpListsTheCommands() {
        CliRun help = run("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("--data-dir").contains("db").contains("log").contains("bench");
        CliRun unknown = run("--data-dir", data().toString(), "db", "explode");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("explode");
    }

    @Test
    void aiCommandsWorkOfflineAndSayWhereAnswersComeFrom() {
        seedEventLog(1);
        CliRun status = run("--data-dir", data().toString(), "ai", "status");
        assertThat(status.code()).isZero();
        assertThat(status.out()).contains("AI offline").contains("Providers: none configured")
                .contains("GPU workers: none configured");

        CliRun ask = run("--data-dir", data().toString(), "ai", "ask", "Where is the Chiyoda ward office?");
        assertThat(ask.code()).isZero();
        assertThat(ask.out()).contains("(offline)").contains("-- offline").contains("no provider configured");

        CliRun add = run("--data-dir", data().toString(), "ai", "providers", "add", "lab", "--kind",
                "OPENAI_COMPATIBLE", "--url", "http://127.0.0.1:9/v1", "--model", "tiny", "--key-env",
                "SWITCHBOARD_TEST_UNSET_KEY");
        assertThat(add.code()).as(add.err()).isZero();
        assertThat(run("--data-dir", data().toString(), "ai", "use", "GENERAL", "lab").code()).isZero();
        CliRun viaLab = run("--data-dir", data().toString(), "ai", "ask", "hello");
        assertThat(viaLab.out()).contains("-- offline").contains("SWITCHBOARD_TEST_UNSET_KEY");
        CliRun test = run("--data-dir", data().toString(), "ai", "providers", "test", "lab");
        assertThat(test.code()).isEqualTo(1);
        assertThat(test.out()).startsWith("FAILED");
    }

    @Test
    void workersCanBeAddedCheckedAndRemoved() {
        seedEventLog(1);
        assertThat(run("--data-dir", data().toString(), "workers", "list").out()).contains("No GPU workers");
        CliRun add = run("--data-dir", data().toString(), "workers", "add", "gpu-1", "--url", "http://127.0.0.1:9",
                "--flavour", "A1111_TXT2IMG");
        assertThat(add.code()).as(add.err()).isZero();
        assertThat(add.out()).contains("gpu-1").containsIgnoringCase("unhealthy");
        CliRun check = run("--data-dir", data().toString(), "workers", "check");
        assertThat(check.code()).isEqualTo(1);
        CliRun bad = run("--data-dir", data().toString(), "workers", "add", "gpu 2", "--url", "http://127.0.0.1:9",
                "--flavour", "A1111_TXT2IMG");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("name");
        assertThat(run("--data-dir", data().toString(), "workers", "remove", "gpu-1").code()).isZero();
        assertThat(run("--data-dir", data().toString(), "workers", "list").out()).contains("No GPU workers");
    }

    @Test
    void embedPrintsTheVectorAndTheSimilarityOfTwoTexts() {
        seedEventLog(1);
        CliRun r = run("--data-dir", data().toString(), "ai", "embed", "fire in Shibuya", "a blaze near Shibuya");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("384 dims").contains("cosine similarity: 0.");
    }

    @Test
    void cityParsePrintsTypedCommandsAndRejectsWhatDoesNotParse() {
        CliRun ok = run("city", "parse", "DISPATCH 2 SWAT TO Shibuya");
        assertThat(ok.code()).isZero();
        assertThat(ok.out()).contains("\"command\":\"dispatch\"").contains("\"unitType\":\"SWAT\"")
                .contains("\"count\":2").contains("\"place\":\"Shibuya\"");
        CliRun bad = run("city", "parse", "DISPATCH LASERS TO MARS");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.out()).contains("\"error\"").contains("LASERS");
    }

    @Test
    void cityRunIsDeterministicForASeed() {
        CliRun first = run("city", "run", "--seed", "5", "--ticks", "20", "--events-per-tick", "2000", "--json");
        CliRun second = run("city", "run", "--seed", "5", "--ticks", "20", "--events-per-tick", "2000", "--json");
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(digest(first.out())).isEqualTo(digest(second.out()));
        assertThat(run("city", "run", "--scenario", "no-such-crisis").err()).contains("--scenario");
    }

    private static String digest(String json) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"digest\"\\s*:\\s*\"([0-9a-f]+)\"")
                .matcher(json);
        assertThat(m.find()).as(json).isTrue();
        return m.group(1);
    }

    @Test
    void aBasemapIsCheckedBeforeItIsImportedAndCanBeRemoved() throws Exception {
        Path notTiles = Files.writeString(temp.resolve("map.mbtiles"), "not a database");
        CliRun bad = run("--data-dir", data().toString(), "city", "basemap", "import", notTiles.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("map.mbtiles");
        assertThat(run("--data-dir", data().toString(), "city", "basemap", "show").out()).contains("No basemap");

        Path tiles = temp.resolve("real.mbtiles");
        try (var writer = dev.switchboard.city.engine.pack.tiles.MbTilesWriter.create(tiles,
                java.util.Map.of("name", "test", "format", "png"))) {
            writer.put(10, 909, 403, new dev.switchboard.city.engine.pack.tiles.TileRenderer(
                    dev.switchboard.city.engine.pack.CityPacks.tokyo()).renderPng(10, 909, 403));
        }
        CliRun ok = run("--data-dir", data().toString(), "city", "basemap", "import", tiles.toString());
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(Files.exists(data().resolve("maps/basemap.mbtiles"))).isTrue();
        assertThat(run("--data-dir", data().toString(), "city", "basemap", "remove").out()).contains("Removed");
    }
}
