package dev.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.event.EventBus;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.core.id.UserId;
import dev.switchboard.core.session.TrainingSessionChanged;
import dev.switchboard.store.eventlog.EventLog;
import dev.switchboard.store.session.SessionCatalog;
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

/**
 * Two seats on one PostgreSQL database: what one writes reaches the other's bus through LISTEN/NOTIFY within a
 * second or two, also after the listening connection was killed on the server.
 */
class SessionChangeListenerTest {

    @TempDir
    Path tmp;

    @Test
    void aSessionStartedAndEndedOnOneSeatIsAnnouncedOnTheOtherAndListeningSurvivesAKilledBackend()
            throws Exception {
        DatabaseServer server = DatabaseServer.of(TestPostgres.freshDatabase(), null, null);
        try (Database trainee = Database.openServer(DataDir.of(tmp.resolve("trainee-seat")), server);
             Database supervisor = Database.openServer(DataDir.of(tmp.resolve("supervisor-seat")), server);
             EventBus bus = new EventBus();
             EventLog log = new EventLog(trainee, Clock.systemUTC())) {
            LinkedBlockingQueue<SessionId> heard = new LinkedBlockingQueue<>();
            bus.subscribe(TrainingSessionChanged.class, e -> heard.add(e.session()));
            SessionCatalog sessions = new SessionCatalog(trainee, log);
            try (SessionChangeListener listener = SessionChangeListener.start(supervisor, bus).orElseThrow()) {
                awaitConnected(listener);

                sessions.insert(session("call-1"));
                assertThat(heard.poll(2, TimeUnit.SECONDS)).isEqualTo(new SessionId("call-1"));
                sessions.finish(new SessionId("call-1"), Instant.now(), "completed", 0.8);
                assertThat(heard.poll(2, TimeUnit.SECONDS)).isEqualTo(new SessionId("call-1"));
                // A rolled-back change is never announced.
                try {
                    trainee.jdbi().useTransaction(h -> {
                        h.execute("UPDATE training_session SET status = 'running' WHERE id = 'call-1'");
                        throw new IllegalStateException("roll back");
                    });
                } catch (IllegalStateException expected) {
                    // as intended
                }
                assertThat(heard.poll(700, TimeUnit.MILLISECONDS)).isNull();

                int first = listener.backendPid();
                boolean terminated = trainee.jdbi().withHandle(h -> h.createQuery(
                        "SELECT pg_terminate_backend(:pid)").bind("pid", first).mapTo(Boolean.class).one());
                assertThat(terminated).isTrue();
                // A session that starts while the listener is away is announced when it is back.
                sessions.insert(session("call-2"));
                awaitReconnected(listener, first);
                assertThat(heardWithin(heard, new SessionId("call-2"), 5)).isTrue();
                heard.clear();

                sessions.insert(session("call-3"));
                assertThat(heard.poll(2, TimeUnit.SECONDS)).isEqualTo(new SessionId("call-3"));
                assertThat(listener.reconnects()).isEqualTo(1);
            }
        }
    }

    @Test
    void aSeatOnItsOwnFileHasNoListener() {
        try (Database seat = Database.open(DataDir.of(tmp.resolve("seat")));
             EventBus bus = new EventBus()) {
            assertThat(SessionChangeListener.start(seat, bus)).isEqualTo(Optional.empty());
        }
    }

    private static SessionSummary session(String id) {
        return new SessionSummary(new SessionId(id), new UserId("aiko"), "Aiko", "call", "Kitchen fire",
                Instant.now(), null, "running", null);
    }

    /** Whether {@code id} arrives within {@code seconds}; other sessions may be announced first. */
    private static boolean heardWithin(LinkedBlockingQueue<SessionId> heard, SessionId id, int seconds)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            SessionId next = heard.poll(100, TimeUnit.MILLISECONDS);
            if (id.equals(next)) {
                return true;
            }
        }
        return false;
    }

    private static void awaitConnected(SessionChangeListener listener) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (listener.backendPid() < 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(listener.backendPid()).as("listening").isPositive();
    }

    private static void awaitReconnected(SessionChangeListener listener, int oldPid) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while ((listener.backendPid() < 0 || listener.backendPid() == oldPid) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(listener.backendPid()).as("listening again").isPositive().isNotEqualTo(oldPid);
    }
}
