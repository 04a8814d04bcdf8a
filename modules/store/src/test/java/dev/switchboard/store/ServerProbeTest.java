package dev.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testkit.TestPostgres;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings' "Test connection" against a real PostgreSQL server, and the one-line reasons when it fails. */
class ServerProbeTest {

    @TempDir
    Path temp;

    @Test
    void anEmptyDatabaseIsReportedAsEmptyWithTheServersVersion() {
        ServerProbe probe = ServerProbe.of(DatabaseServer.of(TestPostgres.freshDatabase(), TestPostgres.user(), null));
        assertThat(probe.reached()).as(probe.problem()).isTrue();
        assertThat(probe.serverVersion()).startsWith("PostgreSQL 17");
        assertThat(probe.schema()).isEqualTo(ServerProbe.Schema.EMPTY);
        assertThat(probe.newestVersion()).isPositive();
    }

    @Test
    void aMigratedDatabaseIsUpToDate() {
        DatabaseServer server = DatabaseServer.of(TestPostgres.freshDatabase(), TestPostgres.user(), null);
        Database.openServer(DataDir.of(temp), server).close();
        ServerProbe probe = ServerProbe.of(server);
        assertThat(probe.schema()).isEqualTo(ServerProbe.Schema.UP_TO_DATE);
        assertThat(probe.schemaVersion()).isEqualTo(probe.newestVersion());
    }

    @Test
    void anOlderSchemaNeedsMigrationAndOtherTablesAreNotSwitchboard() throws Exception {
        String url = TestPostgres.freshDatabase();
        DatabaseServer server = DatabaseServer.of(url, TestPostgres.user(), null);
        Database.openServer(DataDir.of(temp), server, Database.POSTGRES_MIGRATIONS).close();
        try (var c = DriverManager.getConnection(url, TestPostgres.user(), null); var s = c.createStatement()) {
            // As if a newer program had added a migration this one has not applied: pretend the last one is missing.
            s.execute("DELETE FROM flyway_schema_history WHERE installed_rank = "
                    + "(SELECT max(installed_rank) FROM flyway_schema_history)");
        }
        assertThat(ServerProbe.of(server).schema()).isEqualTo(ServerProbe.Schema.NEEDS_MIGRATION);

        String other = TestPostgres.freshDatabase();
        try (var c = DriverManager.getConnection(other, TestPostgres.user(), null); var s = c.createStatement()) {
            s.execute("CREATE TABLE invoices (id int)");
        }
        assertThat(ServerProbe.of(DatabaseServer.of(other, TestPostgres.user(), null)).schema())
                .isEqualTo(ServerProbe.Schema.NOT_SWITCHBOARD);
    }

    @Test
    void anUnknownDatabaseAndAClosedPortEachGiveTheirOwnReason() throws Exception {
        String url = TestPostgres.freshDatabase();
        String missing = url.replaceFirst("/(t[0-9_]+)", "/no_such_db");
        ServerProbe unknown = ServerProbe.of(DatabaseServer.of(missing, TestPostgres.user(), null));
        assertThat(unknown.reached()).isFalse();
        assertThat(unknown.problem()).startsWith("there is no such database on the server");

        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ServerProbe closed = ServerProbe.of(DatabaseServer.of("jdbc:postgresql://127.0.0.1:" + port + "/switchboard",
                "x", null));
        assertThat(closed.reached()).isFalse();
        assertThat(closed.problem()).startsWith("nothing answers at 127.0.0.1:" + port);
    }

    @Test
    void aWrongPasswordAndARefusedTlsAreToldApartFromTheRest() throws Exception {
        String url = TestPostgres.freshDatabase();
        try (var c = DriverManager.getConnection(url, TestPostgres.user(), null); var s = c.createStatement()) {
            s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'probe_user') THEN "
                    + "CREATE ROLE probe_user LOGIN PASSWORD 'right-one'; END IF; END $$");
            // The test server trusts loopback log-ons; this one user has to give a password (for this JVM's server).
            String hba;
            try (var rs = s.executeQuery("SHOW hba_file")) {
                rs.next();
                hba = rs.getString(1);
            }
            Path file = Path.of(hba);
            String rules = java.nio.file.Files.readString(file);
            if (!rules.contains("probe_user")) {
                java.nio.file.Files.writeString(file, "host all probe_user 127.0.0.1/32 scram-sha-256\n"
                        + "host all probe_user ::1/128 scram-sha-256\n" + rules);
                s.execute("SELECT pg_reload_conf()");
            }
        }
        // The server re-reads its rules on a signal: give it a moment.
        String bare = url.substring(0, url.indexOf('?'));
        ServerProbe wrong = ServerProbe.of(DatabaseServer.of(bare, "probe_user", "wrong-one"));
        for (int i = 0; i < 50 && wrong.reached(); i++) {
            Thread.sleep(100);
            wrong = ServerProbe.of(DatabaseServer.of(bare, "probe_user", "wrong-one"));
        }
        assertThat(wrong.reached()).isFalse();
        assertThat(wrong.problem()).startsWith("the server refused the password");
        assertThat(ServerProbe.of(DatabaseServer.of(bare, "probe_user", "right-one")).reached()).isTrue();

        ServerProbe requireTls = ServerProbe.of(DatabaseServer.of(url + "&sslmode=require", TestPostgres.user(), null));
        assertThat(requireTls.reached()).isFalse();
        assertThat(requireTls.problem()).startsWith("the secure (TLS) connection failed");
    }
}
