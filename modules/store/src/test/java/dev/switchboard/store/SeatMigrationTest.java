package dev.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.id.SessionId;
import dev.switchboard.store.eventlog.AppendRequest;
import dev.switchboard.store.eventlog.EventLog;
import dev.switchboard.testkit.TestPostgres;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code db migrate --to}: a seat's SQLite data copied to the server, chains intact, conflicts refused. */
class SeatMigrationTest {

    @TempDir
    Path tmp;

    @Test
    void copiesASeatAndVerifiesItsChainsThenRefusesTheSameSeatAgain() {
        DatabaseServer target = DatabaseServer.of(TestPostgres.freshDatabase(), null, null);
        try (Database seat = Database.open(DataDir.of(tmp.resolve("seat")));
             Database server = Database.openServer(DataDir.of(tmp.resolve("server")), target)) {
            fill(seat, "s-1", "aiko");

            SeatMigration.Result first = new SeatMigration(seat, server).run();

            assertThat(first.conflicts()).isEmpty();
            assertThat(first.copied()).isTrue();
            assertThat(first.accounts()).isEqualTo(1);
            assertThat(first.sessions()).isEqualTo(1);
            assertThat(first.recordings()).isEqualTo(1);
            assertThat(first.chains()).isEqualTo(2);
            assertThat(first.entries()).isEqualTo(53);
            try (EventLog log = new EventLog(server, Clock.systemUTC())) {
                assertThat(log.verify(Optional.empty()).firstBreak()).isEmpty();
                assertThat(log.count(new SessionId("s-1"))).isEqualTo(50);
                // The copied chain carries on on the server.
                assertThat(log.append(new AppendRequest(new SessionId("s-1"), 0, "after", "{}")).seq()).isEqualTo(51);
            }
            assertThat(count(server, "SELECT count(*) FROM account WHERE username = 'AIKO'")).isEqualTo(1);

            SeatMigration.Result again = new SeatMigration(seat, server).run();

            assertThat(again.copied()).isFalse();
            assertThat(again.conflicts()).contains("account id aiko-id is already on the server",
                    "user name aiko is already on the server", "session s-1 is already on the server",
                    "event-log chain s-1 is already on the server");
            assertThat(count(server, "SELECT count(*) FROM event_log")).isEqualTo(54);
        }
    }

    @Test
    void aSecondSeatKeepsItsAuditTrailAtHomeWhenTheServerHasOne() {
        DatabaseServer target = DatabaseServer.of(TestPostgres.freshDatabase(), null, null);
        try (Database one = Database.open(DataDir.of(tmp.resolve("one")));
             Database two = Database.open(DataDir.of(tmp.resolve("two")));
             Database server = Database.openServer(DataDir.of(tmp.resolve("server")), target)) {
            fill(one, "s-1", "aiko");
            fill(two, "s-2", "kenji");

            assertThat(new SeatMigration(one, server).run().auditKeptOnSeat()).isFalse();
            SeatMigration.Result second = new SeatMigration(two, server).run();

            assertThat(second.copied()).isTrue();
            assertThat(second.auditKeptOnSeat()).isTrue();
            assertThat(second.chains()).isEqualTo(1);
            assertThat(count(server, "SELECT count(*) FROM account")).isEqualTo(2);
        }
    }

    private static void fill(Database seat, String session, String user) {
        seat.jdbi().useHandle(h -> {
            h.execute("INSERT INTO account (id, username, display_name, role, active, password_hash, created_at, "
                    + "password_changed_at, failed_logons) VALUES (?, ?, ?, 'TRAINEE', 1, 'x', 1, 1, 0)",
                    user + "-id", user, user);
            h.execute("INSERT INTO training_session (id, trainee_id, trainee_name, kind, title, started_at, ended_at, "
                    + "status, score) VALUES (?, ?, ?, 'call', 'Fire', 10, 20, 'completed', 0.75)",
                    session, user + "-id", user);
            h.execute("INSERT INTO recording (session_id, file, kind, sample_rate, channels, started_at, duration_ms, "
                    + "sha256, status) VALUES (?, 'call.wav', 'call-audio', 16000, 1, 10, 10, 'ab', 'complete')",
                    session);
        });
        try (EventLog log = new EventLog(seat, Clock.systemUTC())) {
            List<AppendRequest> batch = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                batch.add(new AppendRequest(new SessionId(session), i, "call.step", "{\"i\":" + i + "}"));
            }
            for (int i = 0; i < 3; i++) {
                batch.add(new AppendRequest(SessionId.AUDIT, 0, "audit.logon", "{\"i\":" + i + "}"));
            }
            log.appendAll(batch);
        }
    }

    private static long count(Database db, String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
