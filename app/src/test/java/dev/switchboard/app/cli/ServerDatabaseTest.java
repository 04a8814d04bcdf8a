package dev.switchboard.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.Workstation;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.Database;
import dev.switchboard.store.DatabaseServer;
import dev.switchboard.store.eventlog.AppendRequest;
import dev.switchboard.testkit.TestPostgres;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The program on a training center's PostgreSQL server: every migration, and the commands with --database. */
class ServerDatabaseTest {

    @TempDir
    Path temp;

    @Test
    void everyMigrationOfEveryModuleHasAPostgresTwinAndRunsThere() {
        List<String> sqlite;
        try (Database seat = Database.open(DataDir.of(temp.resolve("seat")))) {
            sqlite = versions(seat);
        }
        try (Database server = Database.openServer(DataDir.of(temp.resolve("server")),
                DatabaseServer.of(TestPostgres.freshDatabase(), null, null))) {
            assertThat(versions(server)).as("versions applied on PostgreSQL").isEqualTo(sqlite);
        }
        assertThat(sqlite).hasSizeGreaterThan(10);
    }

    @Test
    void dbCheckLogVerifyAndBackupsWithDatabase() {
        String url = TestPostgres.freshDatabase();
        String data = temp.resolve("data").toString();

        CliRun check = CliRun.of("--data-dir", data, "--database", url, "db", "check");
        assertThat(check.code()).as(check.err()).isZero();
        assertThat(check.out()).contains("Server:        PostgreSQL 17").containsPattern("Schema: +version \\d+")
                .contains("pg_dump").doesNotContain("user=");

        try (Workstation ws = Workstation.open(DataDir.of(temp.resolve("data")), Clock.systemUTC(),
                java.util.Optional.of(DatabaseServer.of(url, null, null)))) {
            ws.eventLog().append(new AppendRequest(new SessionId("drill-1"), 0, "unit.moved", "{}"));
        }
        CliRun verify = CliRun.of("--data-dir", data, "--database", url, "log", "verify");
        assertThat(verify.code()).as(verify.err()).isZero();

        CliRun backup = CliRun.of("--data-dir", data, "--database", url, "db", "backup");
        assertThat(backup.code()).isEqualTo(2);
        assertThat(backup.err()).contains("server database").contains("pg_dump").doesNotContain("Exception");
    }

    @Test
    void migrateCopiesTheSeatAndRefusesASecondTime() {
        migrateCopiesTheSeatAndRefusesASecondTimeInto(TestPostgres.freshDatabase());
    }

    private void migrateCopiesTheSeatAndRefusesASecondTimeInto(String url) {
        String data = temp.resolve("seat").toString();
        try (Workstation ws = Workstation.open(DataDir.of(temp.resolve("seat")), Clock.systemUTC())) {
            ws.eventLog().append(new AppendRequest(new SessionId("drill-1"), 0, "unit.moved", "{}"));
        }

        CliRun first = CliRun.of("--data-dir", data, "db", "migrate", "--to", url);
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("Every copied chain verifies on the server");

        CliRun again = CliRun.of("--data-dir", data, "db", "migrate", "--to", url);
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("nothing was copied").contains("event-log chain drill-1 is already there"
                .replace(" is already there", " is already on the server"));
    }

    @Test
    void theServerBenchAppendsVerifiesAndRefusesADatabaseInUse() {
        String url = TestPostgres.freshDatabase();
        CliRun bench = CliRun.of("bench", "eventlog-server", "--to", url, "--entries", "300", "--batch", "100",
                "--seats", "2", "--runs", "1");
        assertThat(bench.code()).as(bench.err()).isZero();
        assertThat(bench.out()).contains("1 seat(s): append entries/s min").contains("2 seat(s)")
                .contains("load average");

        migrateCopiesTheSeatAndRefusesASecondTimeInto(url);
        CliRun refused = CliRun.of("bench", "eventlog-server", "--to", url, "--entries", "10", "--runs", "1");
        assertThat(refused.code()).isNotZero();
        assertThat(refused.err()).contains("scratch database");
    }

    @Test
    void aPasswordInTheAddressIsRefused() {
        CliRun r = CliRun.of("--data-dir", temp.toString(), "--database",
                "jdbc:postgresql://127.0.0.1:1/x?password=secret", "db", "check");
        assertThat(r.code()).isNotZero();
        assertThat(r.err()).contains("password file").doesNotContain("secret");
    }

    private static List<String> versions(Database db) {
        return db.jdbi().withHandle(h -> h.createQuery(
                "SELECT version FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank")
                .mapTo(String.class).list());
    }
}
