package dev.switchboard.store.eventlog;

import static dev.switchboard.store.eventlog.EventLogTest.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.error.SwitchboardException;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The asynchronous path: enqueue, flush, close. */
class EventLogQueueTest {

    private static final SessionId SIM = new SessionId("sim");

    @TempDir
    Path tmp;

    private Database db;
    private EventLog log;

    @BeforeEach
    void open() {
        db = Database.open(DataDir.of(tmp));
        log = new EventLog(db, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        log.close();
        db.close();
    }

    @Test
    void flushMakesEverythingQueuedDurable() {
        for (int i = 0; i < 10_000; i++) {
            log.enqueue(event(SIM, i, "sensor.reading"));
        }

        log.flush();

        assertThat(log.count(SIM)).isEqualTo(10_000);
        assertThat(log.read(SIM, 1, 20_000)).extracting(EventLogEntry::simTimeMillis)
                .as("queue order is chain order").isSorted();
        assertThat(log.verify(Optional.empty()).intact()).isTrue();
    }

    @Test
    void flushWithNothingQueuedReturns() {
        log.flush();
        log.enqueue(event(SIM, 1, "a"));
        log.flush();
        log.flush();

        assertThat(log.count()).isEqualTo(1);
    }

    @Test
    void severalProducersAndSynchronousAppendsShareTheChains() throws Exception {
        ExecutorService producers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                SessionId session = new SessionId("s" + (t % 2));
                boolean sync = t == 3;
                work.add(producers.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        if (sync && i % 100 == 0) {
                            log.append(event(session, i, "sync"));
                        } else {
                            log.enqueue(event(session, i, "queued"));
                        }
                    }
                    log.flush();
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            producers.shutdownNow();
        }

        assertThat(log.count()).isEqualTo(8_000);
        VerifyReport report = log.verify(Optional.empty());
        assertThat(report.intact()).isTrue();
        assertThat(report.chainsChecked()).isEqualTo(2);
    }

    @Test
    void closeWritesWhatIsQueued() {
        for (int i = 0; i < 5_000; i++) {
            log.enqueue(event(SIM, i, "sensor.reading"));
        }

        log.close();
        db.close();

        try (Database reopened = Database.open(DataDir.of(tmp));
             EventLog again = new EventLog(reopened, Clock.systemUTC())) {
            assertThat(again.count(SIM)).isEqualTo(5_000);
            assertThat(again.verify(Optional.empty()).intact()).isTrue();
        }
    }

    @Test
    void aFailedQueuedWriteIsReportedByFlushNotDropped() {
        log.enqueue(event(SIM, 1, "ok"));
        log.flush();
        db.jdbi().useHandle(h -> h.execute("CREATE TRIGGER refuse_boom BEFORE INSERT ON event_log "
                + "WHEN NEW.type = 'boom' BEGIN SELECT RAISE(ABORT, 'refused by test'); END"));

        log.enqueue(event(SIM, 2, "boom"));

        assertThatThrownBy(log::flush)
                .isInstanceOf(SwitchboardException.class)
                .hasMessageContaining("could not store 1 queued entries")
                .rootCause().hasMessageContaining("refused by test");

        log.enqueue(event(SIM, 3, "ok"));
        log.flush();
        assertThat(log.read(SIM, 1, 10)).extracting(EventLogEntry::simTimeMillis).containsExactly(1L, 3L);
        assertThat(log.verify(Optional.empty()).intact()).isTrue();
    }

    @Test
    void aFailedQueuedWriteIsReportedByTheNextEnqueue() throws Exception {
        db.jdbi().useHandle(h -> h.execute("CREATE TRIGGER refuse_boom BEFORE INSERT ON event_log "
                + "WHEN NEW.type = 'boom' BEGIN SELECT RAISE(ABORT, 'refused by test'); END"));
        log.enqueue(event(SIM, 1, "boom"));

        SwitchboardException reported = null;
        for (int i = 0; i < 1_000 && reported == null; i++) {
            try {
                Thread.sleep(5);
                log.enqueue(event(SIM, 2, "ok"));
            } catch (SwitchboardException e) {
                reported = e;
            }
        }

        assertThat(reported).isNotNull().hasMessageContaining("queued entries");
        assertThatThrownBy(log::flush).isInstanceOf(SwitchboardException.class);
        log.flush();
    }
}
