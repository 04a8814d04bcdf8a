package dev.switchboard.city.engine.sim;

import dev.switchboard.core.event.DomainEvent;
import dev.switchboard.core.event.EventBus;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.store.eventlog.AppendRequest;
import dev.switchboard.store.eventlog.EventLog;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the rest of the workstation what the simulation did: past-tense events on the bus (synchronously, on
 * the tick thread), significant events queued for the event log (batched by its writer), incidents and
 * assignments written to SQLite on one background thread in the order they changed. Without an event log
 * (headless runs) only the bus and the counters work.
 */
final class SessionJournal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SessionJournal.class);

    private final SessionId session;
    private final EventBus bus;
    private final EventLog log;
    private final IncidentRepository repository;
    private final ExecutorService writer;
    private final AtomicLong logged = new AtomicLong();
    private final AtomicLong failedWrites = new AtomicLong();

    SessionJournal(SessionId session, EventBus bus, EventLog log, IncidentRepository repository) {
        this.session = Objects.requireNonNull(session, "session");
        this.bus = Objects.requireNonNull(bus, "bus");
        this.log = log;
        this.repository = repository;
        this.writer = repository == null ? null : Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "city-incident-writer");
            t.setDaemon(true);
            return t;
        });
    }

    SessionId session() {
        return session;
    }

    void publish(DomainEvent event) {
        bus.publish(event);
    }

    /** Queues one event-log entry of {@code type} (e.g. {@code city.unit.dispatched}) with these fields. */
    void log(long simMillis, String type, Map<String, Object> fields) {
        logged.incrementAndGet();
        if (log != null) {
            try {
                log.enqueue(new AppendRequest(session, simMillis, type, log.json(fields)));
            } catch (RuntimeException e) {
                // A full disk must not stop the exercise; the log reports its lost entries itself.
                if (failedWrites.getAndIncrement() == 0) {
                    LOG.error("Could not record {} in the event log of session {}; the simulation carries on",
                            type, session, e);
                }
            }
        }
    }

    void save(Incident incident) {
        if (writer != null) {
            IncidentRecord record = IncidentRecord.of(incident);
            writer.execute(() -> write(() -> repository.save(session, record)));
        }
    }

    void save(AssignmentRecord assignment) {
        if (writer != null) {
            writer.execute(() -> write(() -> repository.save(session, assignment)));
        }
    }

    /** Entries handed to the event log so far (counted also without one). */
    long loggedEntries() {
        return logged.get();
    }

    /** Waits until every incident write and event-log entry so far is stored. */
    void flush() {
        if (writer != null) {
            try {
                writer.submit(() -> { }).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                LOG.warn("Incident writer failed", e.getCause());
            }
        }
        if (log != null) {
            log.flush();
        }
    }

    @Override
    public void close() {
        flush();
        if (writer != null) {
            writer.shutdown();
            try {
                writer.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void write(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            failedWrites.incrementAndGet();
            LOG.error("Could not store a control-room incident of session {}", session, e);
        }
    }

    /** An ordered map of alternating names and values, for event-log payloads. */
    static Map<String, Object> fields(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("fields() takes name, value pairs");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            out.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return out;
    }
}
