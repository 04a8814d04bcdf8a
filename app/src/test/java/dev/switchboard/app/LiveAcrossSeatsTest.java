package dev.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.id.SessionId;
import dev.switchboard.core.id.UserId;
import dev.switchboard.core.session.TrainingSessionChanged;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.DatabaseServer;
import dev.switchboard.store.session.SessionSummary;
import dev.switchboard.testkit.TestPostgres;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two workstations on one server: a session started on one reaches the other's bus, which Home and Review hear. */
class LiveAcrossSeatsTest {

    @TempDir
    Path temp;

    @Test
    void aCallStartedOnOneSeatReachesTheOtherSeatsBus() throws Exception {
        Optional<DatabaseServer> server = Optional.of(DatabaseServer.of(TestPostgres.freshDatabase(), null, null));
        try (Workstation trainee = Workstation.open(DataDir.of(temp.resolve("trainee")), Clock.systemUTC(), server);
             Workstation supervisor = Workstation.open(DataDir.of(temp.resolve("supervisor")), Clock.systemUTC(),
                     server)) {
            LinkedBlockingQueue<SessionId> heard = new LinkedBlockingQueue<>();
            supervisor.bus().subscribe(TrainingSessionChanged.class, e -> heard.add(e.session()));
            // The listener connects in the background: wait until the server shows it listening.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (listeners(trainee) < 2 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(listeners(trainee)).as("both seats listening").isEqualTo(2);

            trainee.sessions().insert(new SessionSummary(new SessionId("call-7"), new UserId("aiko"), "Aiko", "call",
                    "Gas leak", Instant.now(), null, "running", null));

            assertThat(heard.poll(3, TimeUnit.SECONDS)).isEqualTo(new SessionId("call-7"));
        }
    }

    private static int listeners(Workstation ws) {
        return ws.database().jdbi().withHandle(h -> h.createQuery("""
                        SELECT count(*) FROM pg_stat_activity
                        WHERE datname = current_database() AND query LIKE 'LISTEN switchboard_session_changed%'""")
                .mapTo(Integer.class).one());
    }
}
